package io.webserv.net;

import com.sun.management.UnixOperatingSystemMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Out of file descriptors: this JVM takes every descriptor its limit allows, then a client connects.
 * The listener stays readable while {@code accept()} fails with EMFILE, so a loop that simply retried
 * would spin at full CPU. The loop must pause accepting instead, keep serving the connection it has,
 * and accept the waiting client once descriptors are free again.
 */
class AcceptBackoffTest {

    /** Exhausting a larger limit would take too long and too much memory for a unit test. */
    private static final long MAX_LIMIT_TO_EXHAUST = 200_000;

    private final List<FileChannel> hog = new ArrayList<>();
    private Reactor reactor;

    @AfterEach
    void release() throws IOException {
        freeAll();
        if (reactor != null) {
            reactor.close();
        }
    }

    @Test
    void pausesAcceptingKeepsServingAndRecovers() throws Exception {
        UnixOperatingSystemMXBean os = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        assumeTrue(os.getMaxFileDescriptorCount() <= MAX_LIMIT_TO_EXHAUST, "open-file limit too high to exhaust here");
        reactor = new Reactor(NetOptions.defaults());
        InetSocketAddress address = reactor.bind(new InetSocketAddress("127.0.0.1", 0), LineEchoProtocol::new);
        reactor.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long loop = loopThreadId();

        try (TestClient established = new TestClient(address)) {
            established.send("before\n");
            assertThat(established.readLine()).isEqualTo("echo: before");

            exhaustDescriptors();
            Socket waiting = connectWithTheLastDescriptor(address);
            // Now accept() fails. Over a window, the loop must mostly sleep, and still answer.
            long cpuBefore = threads.getThreadCpuTime(loop);
            long wallBefore = System.nanoTime();
            established.send("during\n");
            assertThat(established.readLine()).isEqualTo("echo: during");
            Thread.sleep(500); // the measurement window
            long cpu = threads.getThreadCpuTime(loop) - cpuBefore;
            long wall = System.nanoTime() - wallBefore;
            assertThat(reactor.openConnections()).as("the waiting client cannot be accepted yet").isEqualTo(1);
            // Measured here: paused, ~0.3 % of the window; retrying at once, 26-93 %.
            assertThat(cpu).as("loop CPU time during %d ms of failing accepts", wall / 1_000_000).isLessThan(wall / 10);

            freeAll();
            await("the waiting client accepted", () -> reactor.openConnections() == 2);
            try (TestClient recovered = new TestClient(waiting)) {
                recovered.send("after\n");
                assertThat(recovered.readLine()).isEqualTo("echo: after");
            }
        }
    }

    private void exhaustDescriptors() {
        Path devNull = Path.of("/dev/null");
        try {
            while (true) {
                hog.add(FileChannel.open(devNull));
            }
        } catch (IOException e) {
            assertThat(e).hasMessageContaining("Too many open files");
        }
    }

    /** Frees one descriptor at a time until a client socket gets it, leaving none for the server. */
    private Socket connectWithTheLastDescriptor(InetSocketAddress address) throws IOException {
        while (true) {
            hog.remove(hog.size() - 1).close();
            Socket socket = new Socket();
            try {
                socket.connect(address, 5_000);
                return socket;
            } catch (IOException e) {
                socket.close(); // another thread took the descriptor first: free one more
            }
        }
    }

    private void freeAll() throws IOException {
        for (FileChannel channel : hog) {
            channel.close();
        }
        hog.clear();
    }

    private static long loopThreadId() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("webserv-loop-0"))
                .mapToLong(Thread::getId).findFirst().orElseThrow();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(1);
        }
    }
}
