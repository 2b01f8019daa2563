package io.webserv.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listeners added and removed while the reactor runs, as a configuration reload does. */
class ListenerChangesTest {

    private final Reactor reactor = new Reactor(NetOptions.defaults().withWorkers(2));

    ListenerChangesTest() throws IOException {
    }

    @AfterEach
    void stop() {
        reactor.close();
    }

    private InetSocketAddress bindEcho() throws IOException {
        return reactor.bind(new InetSocketAddress("127.0.0.1", 0), LineEchoProtocol::new);
    }

    @Test
    void anAddressBoundAfterStartAcceptsAtOnce() throws Exception {
        InetSocketAddress first = bindEcho();
        reactor.start();
        InetSocketAddress second = bindEcho();

        try (TestClient one = new TestClient(first); TestClient two = new TestClient(second)) {
            two.send("late\n");
            one.send("early\n");
            assertThat(two.readLine()).isEqualTo("echo: late");
            assertThat(one.readLine()).isEqualTo("echo: early");
        }
    }

    @Test
    void anAddressTakenAfterStartIsReportedAndNothingChanges() throws Exception {
        InetSocketAddress first = bindEcho();
        reactor.start();

        assertThatThrownBy(() -> reactor.bind(first, LineEchoProtocol::new))
                .isInstanceOf(IOException.class).hasMessageContaining(first.toString());
        try (TestClient client = new TestClient(first)) {
            client.send("still\n");
            assertThat(client.readLine()).isEqualTo("echo: still");
        }
    }

    @Test
    void unbindRefusesNewConnectionsWhileTheAcceptedOnesGoOn() throws Exception {
        InetSocketAddress kept = bindEcho();
        InetSocketAddress removed = bindEcho();
        reactor.start();

        try (TestClient before = new TestClient(removed)) {
            before.send("one\n");
            assertThat(before.readLine()).isEqualTo("echo: one");

            assertThat(reactor.unbind(removed)).isTrue();

            assertThat(refusesWithin(removed, 5_000)).as("new connections to %s are refused", removed).isTrue();
            before.send("two\n");
            assertThat(before.readLine()).as("a connection accepted before goes on").isEqualTo("echo: two");
            try (TestClient other = new TestClient(kept)) {
                other.send("three\n");
                assertThat(other.readLine()).isEqualTo("echo: three");
            }
        }
        assertThat(reactor.unbind(removed)).as("a second unbind finds nothing").isFalse();
    }

    @Test
    void anUnboundPortCanBeBoundAgain() throws Exception {
        InetSocketAddress address = bindEcho();
        reactor.start();
        reactor.unbind(address);

        long deadline = System.nanoTime() + 5_000_000_000L;
        InetSocketAddress again = null;
        while (again == null) {
            try {
                again = reactor.bind(address, LineEchoProtocol::new);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(5); // the loop releases the port on its next turn
            }
        }
        try (TestClient client = new TestClient(again)) {
            client.send("back\n");
            assertThat(client.readLine()).isEqualTo("echo: back");
        }
    }

    /** Whether connecting to {@code address} is refused within {@code millis} (polled: the port is released on the loop's next turn). */
    private static boolean refusesWithin(InetSocketAddress address, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(address, 1_000);
            } catch (ConnectException e) {
                return true;
            } catch (IOException e) {
                // another failure: try again
            }
            Thread.sleep(5); // poll interval
        }
        return false;
    }
}
