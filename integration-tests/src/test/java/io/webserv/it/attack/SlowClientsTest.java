package io.webserv.it.attack;

import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.Sockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients that try to hold the server's connections: slowloris on the head (bytes trickled
 * under every gap timeout, cut by the header timeout, which bounds the whole head), on the body (cut
 * at the body timeout, leaving no partial upload), and readers that take one byte a second (cut by
 * the send timeout). While each attack runs, other clients are served. The server's timeouts are 1 s.
 */
class SlowClientsTest {

    @RegisterExtension
    static final AttackedServer SERVER = new AttackedServer();

    private static final int ATTACKERS = 100;

    @Test
    void slowlorisOnTheHeadIsCutByTheHeaderTimeout() throws Exception {
        List<RawClient> attackers = open(ATTACKERS);
        try {
            byte[] head = "GET /a.txt HTTP/1.1\r\nHost: a\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1);
            List<Trickle> trickles = attackers.stream().map(client -> new Trickle(client, head)).toList();
            long start = System.nanoTime();
            boolean servedDuringTheAttack = false;
            // One byte per connection every 100 ms: far under any gap timeout, never a complete head.
            while (trickles.stream().anyMatch(t -> !t.cut) && elapsed(start).compareTo(Duration.ofSeconds(10)) < 0) {
                for (Trickle trickle : trickles) {
                    trickle.step();
                }
                if (!servedDuringTheAttack && SERVER.openConnections() >= ATTACKERS) {
                    SERVER.assertAlive();
                    servedDuringTheAttack = true;
                }
                Thread.sleep(100); // the attacker's pace, not synchronisation
            }
            assertThat(servedDuringTheAttack).as("another client was served while the attack held its connections").isTrue();
            assertThat(trickles).as("every slowloris connection cut").allMatch(t -> t.cut);
            assertThat(trickles).as("408 for a head that never ended").allMatch(t -> t.status == 408 || t.status == -1);
            assertThat(trickles.stream().filter(t -> t.status == 408).count()).as("408s read").isPositive();
        } finally {
            closeAll(attackers);
        }
        SERVER.assertNoConnectionLeft();
        SERVER.assertAlive();
    }

    @Test
    void aBodyThatStallsIsCutAndLeavesNoPartialUpload() throws Exception {
        List<RawClient> attackers = open(30);
        try {
            for (int i = 0; i < attackers.size(); i++) {
                attackers.get(i).send("POST /uploads/slow" + i + ".bin HTTP/1.1\r\nHost: a\r\nContent-Length: 1048576\r\n\r\n")
                        .send(new byte[1000]);
            }
            SERVER.assertAlive();
            for (RawClient attacker : attackers) {
                assertThat(attacker.read().status()).as("a stalled body").isEqualTo(408);
                assertThat(attacker.isClosedByServer()).isTrue();
            }
        } finally {
            closeAll(attackers);
        }
        SERVER.assertNoConnectionLeft();
        // An aborted upload's temporary file is removed off the loop, just after the connection closes.
        assertThat(Poll.within(Duration.ofSeconds(5), () -> SERVER.uploadsLeft().isEmpty()))
                .as("partial uploads left behind: %s", SERVER.uploadsLeft()).isTrue();
        SERVER.assertAlive();
    }

    @Test
    void readersThatTakeOneByteASecondAreCutBySendTimeout() throws Exception {
        List<Socket> readers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket reader = Sockets.connectWithSmallBuffer(SERVER.address(), 16 * 1024, 5_000);
                reader.getOutputStream().write("GET /big.bin HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                readers.add(reader);
            }
            assertThat(Poll.within(Duration.ofSeconds(5), () -> SERVER.openConnections() == readers.size()))
                    .as("all readers connected").isTrue();
            SERVER.assertAlive();
            long start = System.nanoTime();
            long read = 0;
            // Each reader takes one byte a second: the window never reopens, the server sees no progress.
            while (SERVER.openConnections() > 0 && elapsed(start).compareTo(Duration.ofSeconds(15)) < 0) {
                for (Socket reader : readers) {
                    InputStream in = reader.getInputStream();
                    read += in.read() >= 0 ? 1 : 0;
                }
                Thread.sleep(1_000); // the attacker's pace, not synchronisation
            }
            assertThat(SERVER.openConnections()).as("slow readers still held by the server").isZero();
            assertThat(read).isLessThan(AttackedServer.BIG);
        } finally {
            for (Socket reader : readers) {
                reader.close();
            }
        }
        SERVER.assertAlive();
    }

    /** A slowloris connection: sends its head one byte per step and notices when the server answers or cuts. */
    private static final class Trickle {
        private final RawClient client;
        private final byte[] head;
        private int sent;
        boolean cut;
        int status = -1;

        Trickle(RawClient client, byte[] head) {
            this.client = client;
            this.head = head;
        }

        void step() {
            if (cut) {
                return;
            }
            try {
                if (client.socket().getInputStream().available() > 0) {
                    status = client.read().status();
                    cut = true;
                    return;
                }
                client.send(new byte[] {sent < head.length ? head[sent] : (byte) 'x'});
                sent++;
            } catch (IOException e) {
                cut = true; // reset or closed by the server
            }
        }
    }


    private static List<RawClient> open(int count) throws IOException {
        List<RawClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(new RawClient(SERVER.address()));
        }
        return clients;
    }

    private static void closeAll(List<RawClient> clients) throws IOException {
        for (RawClient client : clients) {
            client.close();
        }
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
