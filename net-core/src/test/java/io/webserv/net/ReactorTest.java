package io.webserv.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The reactor over real sockets, carrying the line-echo protocol. */
class ReactorTest {

    private Reactor reactor;
    private final Queue<LineEchoProtocol> handlers = new ConcurrentLinkedQueue<>();

    private InetSocketAddress start(NetOptions options, Function<Endpoint, LineEchoProtocol> protocol) throws IOException {
        reactor = new Reactor(options);
        InetSocketAddress address = reactor.bind(new InetSocketAddress("127.0.0.1", 0), endpoint -> {
            LineEchoProtocol handler = protocol.apply(endpoint);
            handlers.add(handler);
            return handler;
        });
        reactor.start();
        return address;
    }

    private InetSocketAddress start(NetOptions options) throws IOException {
        return start(options, LineEchoProtocol::new);
    }

    @AfterEach
    void stop() {
        if (reactor != null) {
            reactor.close();
        }
    }

    /** Polls until the condition holds; fails after 5 s. No sleeps as synchronisation. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.sleep(1);
        }
    }

    @ParameterizedTest
    @EnumSource(WriteMode.class)
    void echoesLinesForManyClientsAcrossTwoLoops(WriteMode mode) throws Exception {
        InetSocketAddress address = start(NetOptions.defaults().withWorkers(2).withWriteMode(mode));
        List<TestClient> clients = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clients.add(new TestClient(address));
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < clients.size(); i++) {
                clients.get(i).send("client " + i + " round " + round + "\n");
            }
            for (int i = 0; i < clients.size(); i++) {
                assertThat(clients.get(i).readLine()).isEqualTo("echo: client " + i + " round " + round);
            }
        }
        for (TestClient client : clients) {
            client.close();
        }
        await("all connections closed", () -> reactor.openConnections() == 0);
        assertThat(reactor.buffersInUse()).isZero();
    }

    @Test
    void keepsAPartialLineUntilTheRestArrives() throws Exception {
        try (TestClient client = new TestClient(start(NetOptions.defaults()))) {
            client.send("hel");
            client.send("lo\nwor");
            assertThat(client.readLine()).isEqualTo("echo: hello");
            client.send("ld\n");
            assertThat(client.readLine()).isEqualTo("echo: world");
        }
    }

    @ParameterizedTest
    @EnumSource(WriteMode.class)
    void stopsReadingWhileTheClientDoesNotReadItsAnswers(WriteMode mode) throws Exception {
        long watermark = 64 * 1024;
        // Small read buffers, so that the 200 lines take several reads.
        InetSocketAddress address = start(NetOptions.defaults().withWriteMode(mode).withWriteHighWatermark(watermark)
                .withBufferSize(256), endpoint -> {
                    LineEchoProtocol p = new LineEchoProtocol(endpoint);
                    p.backedUpAbove = watermark;
                    return p;
                });
        try (TestClient client = new TestClient(address)) {
            int lines = 200;
            client.send("big 100000\n".repeat(lines));
            await("the server to fill the socket", () -> handlers.peek() != null && handlers.peek().endpoint.queuedBytes() > watermark);
            LineEchoProtocol handler = handlers.peek();
            // While the client reads nothing, the server stops taking lines: its queue stays bounded.
            assertThat(handler.linesSeen).isLessThan(lines);

            InputStream in = client.socket.getInputStream();
            byte[] sink = new byte[65536];
            long expected = 100_000L * lines;
            long received = 0;
            while (received < expected) {
                int n = in.read(sink);
                assertThat(n).isPositive();
                received += n;
            }
            assertThat(handler.linesSeen).isEqualTo(lines);
            assertThat(handler.readsWhileBackedUp).isZero();
        }
    }

    @Test
    void firesDeadlines() throws Exception {
        InetSocketAddress address = start(NetOptions.defaults(), endpoint -> {
            endpoint.setDeadline(50_000_000L);
            return new LineEchoProtocol(endpoint, p -> {
                p.answer();
                p.endpoint.setDeadline(50_000_000L); // every line pushes the deadline back
            });
        });
        try (TestClient client = new TestClient(address)) {
            client.send("a\n");
            assertThat(client.readLine()).isEqualTo("echo: a");
            assertThat(client.readLine()).isEqualTo("timeout");
            assertThat(client.readLine()).isNull();
        }
    }

    @Test
    void acceptsAndClosesConnectionsBeyondTheLimit() throws Exception {
        InetSocketAddress address = start(NetOptions.defaults().withMaxConnections(2));
        try (TestClient a = new TestClient(address); TestClient b = new TestClient(address)) {
            a.send("1\n");
            b.send("2\n");
            assertThat(a.readLine()).isEqualTo("echo: 1");
            assertThat(b.readLine()).isEqualTo("echo: 2");
            try (TestClient c = new TestClient(address)) {
                assertThat(c.readLine()).isNull();
            }
        }
        await("slots released", () -> reactor.openConnections() == 0);
        try (TestClient d = new TestClient(address)) {
            d.send("3\n");
            assertThat(d.readLine()).isEqualTo("echo: 3");
        }
    }

    @Test
    void runsTasksFromOtherThreadsOnTheConnectionsLoop() throws Exception {
        InetSocketAddress address = start(NetOptions.defaults(), endpoint -> new LineEchoProtocol(endpoint, p -> {
            String line = p.lastLine;
            p.suspend();
            CompletableFuture.supplyAsync(() -> line.toUpperCase())
                    .thenAccept(upper -> p.endpoint.eventLoop().execute(() -> {
                        p.send("async: " + upper);
                        p.resume();
                    }));
        }));
        try (TestClient client = new TestClient(address)) {
            client.send("one\ntwo\nthree\n"); // pipelined: answered in order, one at a time
            assertThat(client.readLine()).isEqualTo("async: ONE");
            assertThat(client.readLine()).isEqualTo("async: TWO");
            assertThat(client.readLine()).isEqualTo("async: THREE");
        }
    }

    @Test
    void sendsFilesZeroCopy(@TempDir Path dir) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(3).nextBytes(content);
        Path file = Files.write(dir.resolve("f.bin"), content);
        InetSocketAddress address = start(NetOptions.defaults(), endpoint -> new LineEchoProtocol(endpoint, p -> {
            try {
                p.endpoint.transferFile(FileChannel.open(file, StandardOpenOption.READ), 0, content.length);
                p.endpoint.closeAfterFlush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        try (TestClient client = new TestClient(address)) {
            client.send("send\n");
            assertThat(client.socket.getInputStream().readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void answersWhatCameBeforeAHalfCloseThenCloses() throws Exception {
        try (TestClient client = new TestClient(start(NetOptions.defaults()))) {
            client.send("last words\n");
            client.socket.shutdownOutput();
            assertThat(client.readLine()).isEqualTo("echo: last words");
            assertThat(client.readLine()).isNull();
        }
        await("closed on the server", () -> handlers.peek().closed);
    }

    @Test
    void closesAfterFlushingAndLingersSoTheClientGetsTheAnswer() throws Exception {
        try (TestClient client = new TestClient(start(NetOptions.defaults()))) {
            client.send("quit\nthis line arrives after the close decision\n");
            assertThat(client.readLine()).isEqualTo("bye");
            assertThat(client.readLine()).isNull();
        }
    }

    @Test
    void survivesAHandlerThatThrows() throws Exception {
        InetSocketAddress address = start(NetOptions.defaults(), endpoint -> new LineEchoProtocol(endpoint, p -> {
            if (p.lastLine.equals("boom")) {
                throw new IllegalStateException("handler bug");
            }
            p.answer();
        }));
        try (TestClient bad = new TestClient(address)) {
            bad.send("boom\n");
            assertThat(bad.readLine()).isNull();
        }
        try (TestClient good = new TestClient(address)) {
            good.send("still there?\n");
            assertThat(good.readLine()).isEqualTo("echo: still there?");
        }
    }

    @Test
    void reportsTheAddressItCannotBind() throws Exception {
        InetSocketAddress taken = start(NetOptions.defaults());
        try (Reactor other = new Reactor(NetOptions.defaults())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.bind(taken, LineEchoProtocol::new))
                    .isInstanceOf(IOException.class).hasMessageContaining(taken.toString());
        }
    }
}
