package io.webserv.it.http;

import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Sockets;
import io.webserv.it.support.Sockets.Ending;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.webserv.it.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every wait has a timeout (SPEC §2 {@code timeouts}, §3, §7), configured short here and observed
 * with read timeouts well above them.
 */
class TimeoutsTest {

    private static final int BIG = 8 * 1024 * 1024;
    private static final int STEADY = 12 * 1024 * 1024;
    private static final int STEADY_CHUNK = 128 * 1024;
    /** Far above every configured timeout: a read that waits this long means the server did not act. */
    private static final int READ_TIMEOUT_MILLIS = 3_000;

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        TestFiles.write(dir, "www/a.txt", "alpha");
        TestFiles.large(dir, "www/big.bin", BIG);
        TestFiles.large(dir, "www/steady.bin", STEADY);
        Files.createDirectories(dir.resolve("uploads"));
        server = TestServer.start(dir, """
                access_log: off
                timeouts: { header: 300ms, body: 300ms, keep_alive: 300ms, send: 500ms }
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    routes:
                      - path: /
                        methods: [GET]
                      - path: /uploads
                        methods: [GET, POST]
                        root: uploads
                        upload_dir: uploads
                """.formatted(TestServer.freePort()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void closesAConnectionThatSendsNothingWithoutAWord() throws Exception {
        try (RawClient client = new RawClient(server.address(), READ_TIMEOUT_MILLIS)) {
            long start = System.nanoTime();
            Ending ending = Sockets.readToEnd(client.socket().getInputStream());

            assertThat(ending.bytes()).as("no 408 when nothing came").isZero();
            assertThat(elapsedMillis(start)).as("closed by the header timeout, not at once").isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    void answers408ToAHeadThatStopsHalfway() throws Exception {
        try (RawClient client = new RawClient(server.address(), READ_TIMEOUT_MILLIS)) {
            RawResponse response = client.send("GET /a.txt HTTP/1.1\r\nHost: a\r\n").read();

            assertThat(response.status()).isEqualTo(408);
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void theHeaderTimeoutBoundsTheWholeHeadNotTheGapsInIt() throws Exception {
        // A slowloris: one byte every 50 ms never leaves a 300 ms gap, but the head takes far longer.
        byte[] head = ("GET /a.txt HTTP/1.1\r\nHost: a\r\nX-Slow: " + "s".repeat(200) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        try (RawClient client = new RawClient(server.address(), READ_TIMEOUT_MILLIS)) {
            InputStream in = client.socket().getInputStream();
            long start = System.nanoTime();
            for (int i = 0; i < head.length - 4 && in.available() == 0 && elapsedMillis(start) < 2_000; i++) {
                try {
                    client.send(new byte[] {head[i]});
                } catch (IOException closed) {
                    break;
                }
                Thread.sleep(50); // the trickle is the behaviour under test
            }
            RawResponse response = client.read();

            assertThat(response.status()).isEqualTo(408);
            assertThat(elapsedMillis(start)).isLessThan(2_000);
        }
    }

    @Test
    void givesTheNextRequestOnAKeptConnectionTheHeaderTimeoutToo() throws Exception {
        try (RawClient client = new RawClient(server.address(), READ_TIMEOUT_MILLIS)) {
            assertThat(client.send(get("/a.txt")).read().status()).isEqualTo(200);
            RawResponse response = client.send("GET /a.txt HTTP/1.1\r\nHo").read();

            assertThat(response.status()).isEqualTo(408);
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void doesNotWaitForABodyNobodyWants() throws Exception {
        // The route refuses POST: the answer comes at once and the connection closes, rather than
        // reading a body only to drop it (and the body timeout never comes into play).
        try (RawClient client = new RawClient(server.address(), READ_TIMEOUT_MILLIS)) {
            RawResponse response = client.send("POST /a.txt HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc").read();

            assertThat(response.status()).isEqualTo(405);
            assertThat(response.header("connection")).isEqualToIgnoringCase("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void answers408ToABodyThatStalls() throws Exception {
        try (RawClient client = new RawClient(server.address(), READ_TIMEOUT_MILLIS)) {
            RawResponse response = client.send("POST /uploads/stalled.txt HTTP/1.1\r\nHost: a\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: 10\r\n\r\nabc").read();

            assertThat(response.status()).isEqualTo(408);
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(dir.resolve("uploads/stalled.txt")).as("an interrupted upload leaves nothing").doesNotExist();
    }

    @Test
    void closesAnIdleKeepAliveConnectionWithoutAWord() throws Exception {
        try (RawClient client = new RawClient(server.address(), READ_TIMEOUT_MILLIS)) {
            assertThat(client.send(get("/a.txt")).read().status()).isEqualTo(200);
            long start = System.nanoTime();
            Ending ending = Sockets.readToEnd(client.socket().getInputStream());

            assertThat(ending.bytes()).isZero();
            assertThat(elapsedMillis(start)).as("kept for the keep-alive timeout, not closed at once").isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    void cutsAClientThatStopsReading() throws Exception {
        try (Socket socket = Sockets.connectWithSmallBuffer(server.address(), 16 * 1024, READ_TIMEOUT_MILLIS)) {
            socket.getOutputStream().write(get("/big.bin").getBytes(StandardCharsets.ISO_8859_1));
            // the small window and the server's socket buffer fill at once, then nothing moves
            boolean accepted = Poll.within(Duration.ofSeconds(5), () -> server.server().openConnections() == 1);
            boolean cut = Poll.within(Duration.ofSeconds(5), () -> server.server().openConnections() == 0);
            Ending ending = Sockets.readToEnd(socket.getInputStream());

            assertThat(accepted).as("the server took the connection").isTrue();
            assertThat(cut).as("the server dropped the connection").isTrue();
            assertThat(ending.bytes()).as("what came before the cut").isLessThan(BIG);
        }
    }

    /**
     * The send timeout bounds a gap without progress, not the whole response. The file is larger than
     * what the kernel can buffer (about 3.6 MB here: see {@link #cutsAClientThatStopsReading}), so the
     * server keeps sending for seconds; the reader takes 128 KiB every 25 ms, which frees a third of the
     * server's socket buffer (where the kernel reports it writable again) well within 500 ms.
     */
    @Test
    void doesNotCutAClientThatReadsSteadilyForLongerThanTheSendTimeout() throws Exception {
        try (Socket socket = Sockets.connectWithSmallBuffer(server.address(), 16 * 1024, READ_TIMEOUT_MILLIS)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /steady.bin HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            byte[] first = in.readNBytes(STEADY_CHUNK);
            long total = first.length;
            long receivedAfterTwoTimeouts = -1;
            byte[] chunk;
            do {
                Thread.sleep(25); // the steady reader is the behaviour under test
                chunk = in.readNBytes(STEADY_CHUNK);
                total += chunk.length;
                if (receivedAfterTwoTimeouts < 0 && elapsedMillis(start) >= 1_000) {
                    receivedAfterTwoTimeouts = total;
                }
            } while (chunk.length > 0);

            String head = new String(first, StandardCharsets.ISO_8859_1);
            assertThat(head).startsWith("HTTP/1.1 200 ");
            assertThat(total - head.indexOf("\r\n\r\n") - 4).as("the whole file").isEqualTo(STEADY);
            // What the test is about: after twice the send timeout, more was left than the kernel can
            // hold, so the server itself was still waiting to write.
            assertThat(STEADY - receivedAfterTwoTimeouts).as("left to send after 1 s")
                    .isGreaterThan(Sockets.sendBufferCeiling() + 64 * 1024);
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
