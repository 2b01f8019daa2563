package io.webserv.it.http;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Sockets;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that pipelines requests and does not read the answers cannot make the server queue them
 * (docs/limits.md): the next request waits while more than 64 KiB or 16 answers are queued. Hundreds
 * of small requests fit in one 16 KiB read buffer; answered all at once, they would cost a heap of
 * in-memory bodies, or an open file each.
 */
class PipeliningLimitsTest {

    static final String HEAP = "-Xmx32m";
    static final int PAGE_BYTES = 1_000_000;
    static final int REQUESTS = 200;
    static final int CLIENTS = 2;
    static final int SMALL_REQUESTS = 40_000;
    /** {@code HttpConnection.MAX_ANSWERS_QUEUED}. */
    static final int HTTP_MAX_ANSWERS_QUEUED = 16;

    @TempDir
    Path dir;

    /**
     * The jar runs with a heap of {@value #HEAP}, and every request is answered with a configured
     * error page of {@value #PAGE_BYTES} bytes, held in memory until sent: {@value #REQUESTS} answers
     * at once would not fit. As in {@code CgiMemoryTest}, the heap limit is the measurement.
     */
    @Test
    void answersWithLargeBodiesWaitForTheClientToReadThem() throws Exception {
        TestFiles.large(dir, "www/errors/404.html", PAGE_BYTES);
        int port = TestServer.freePort();
        Files.writeString(dir.resolve("webserv.yaml"), """
                access_log: off
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    error_pages:
                      404: /errors/404.html
                """.formatted(port));
        try (JarProcess server = JarProcess.start(dir, List.of(HEAP), "webserv.yaml")) {
            assertThat(server.awaitStdout(line -> line.startsWith("listening on"), Duration.ofSeconds(20)))
                    .as("started: %s", server.stderr()).isPresent();
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);

            StringBuilder pipeline = new StringBuilder();
            for (int i = 0; i < REQUESTS; i++) {
                pipeline.append("GET /missing-").append(i).append(" HTTP/1.1\r\nHost: a\r\n\r\n");
            }
            try (RawClient client = new RawClient(Sockets.connectWithSmallBuffer(address, 16 * 1024, 10_000))) {
                client.send(pipeline.toString());
                Thread.sleep(1_000); // time enough for a server that answers ahead of its client to run out of heap
                assertThat(server.stderr()).doesNotContain("OutOfMemoryError");

                for (int i = 0; i < REQUESTS; i++) {
                    RawResponse response = client.read();
                    assertThat(response.status()).as("response %d", i).isEqualTo(404);
                    assertThat(response.body()).as("response %d", i).hasSize(PAGE_BYTES);
                }
            }
            assertThat(server.stderr()).doesNotContain("OutOfMemoryError");
            try (RawClient client = new RawClient(address)) {
                assertThat(client.send("GET /missing HTTP/1.1\r\nHost: a\r\n\r\n").read().status()).isEqualTo(404);
            }
        }
    }

    /**
     * Every answer is a tiny file, sent from an open file. {@value #CLIENTS} clients each pipeline
     * {@value #SMALL_REQUESTS} requests and read nothing: once the kernel's socket buffers are full
     * (megabytes), answers of a few hundred bytes would queue up to the 64 KiB mark, hundreds of open
     * files per client. The server's open file descriptors ({@code /proc/PID/fd}) show what it holds.
     */
    @Test
    void answersWithFilesWaitForTheClientToReadThem() throws Exception {
        TestFiles.write(dir, "www/a", "a");
        int port = TestServer.freePort();
        // Without the file cache, as when it is full: a small file then goes out from an open file.
        Files.writeString(dir.resolve("webserv.yaml"), """
                access_log: off
                io: { file_cache: false }
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                """.formatted(port));
        try (JarProcess server = JarProcess.start(dir, List.of(), "webserv.yaml")) {
            assertThat(server.awaitStdout(line -> line.startsWith("listening on"), Duration.ofSeconds(20)))
                    .as("started: %s", server.stderr()).isPresent();
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            byte[] pipeline = "GET /a HTTP/1.1\r\nHost: a\r\n\r\n".repeat(SMALL_REQUESTS).getBytes(StandardCharsets.ISO_8859_1);
            long before = openFiles(server.pid());
            List<Socket> clients = new ArrayList<>();
            ExecutorService writers = Executors.newFixedThreadPool(CLIENTS);
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    Socket client = Sockets.connectWithSmallBuffer(address, 16 * 1024, 10_000);
                    clients.add(client);
                    writers.submit(() -> {
                        client.getOutputStream().write(pipeline); // blocks once the server holds back
                        return null;
                    });
                }
                long most = 0;
                for (long end = System.nanoTime() + 3_000_000_000L; System.nanoTime() < end; Thread.sleep(100)) {
                    most = Math.max(most, openFiles(server.pid()) - before - CLIENTS); // each client's socket is one
                }
                // 16 answers queued per client, one more on its way, a few files of the JVM's own; hundreds without the bound
                assertThat(most).as("files held at most").isLessThanOrEqualTo(CLIENTS * (HTTP_MAX_ANSWERS_QUEUED + 1L) + 10);
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
                writers.shutdownNow();
            }
            try (RawClient client = new RawClient(address)) {
                assertThat(client.send("GET /a HTTP/1.1\r\nHost: a\r\n\r\n").read().bodyText()).isEqualTo("a");
            }
        }
    }

    private static long openFiles(long pid) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return files.count();
        }
    }
}
