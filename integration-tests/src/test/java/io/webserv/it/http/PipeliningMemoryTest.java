package io.webserv.it.http;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Sockets;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that pipelines requests and does not read the answers cannot make the server queue them
 * (docs/limits.md): the next request is parsed only once the answers before it are nearly all
 * written. The jar runs with a heap of {@value #HEAP}, and every request is answered with a configured
 * error page of {@value #PAGE_BYTES} bytes, which the server holds in memory until it is sent.
 * {@value #REQUESTS} requests fit in one read buffer: a server that answered them all at once would
 * need {@value #REQUESTS} pages of heap and die of OutOfMemoryError.
 *
 * <p>As in {@code CgiMemoryTest}, the heap limit is the measurement.
 */
class PipeliningMemoryTest {

    static final String HEAP = "-Xmx32m";
    static final int PAGE_BYTES = 1_000_000;
    static final int REQUESTS = 200;

    @TempDir
    Path dir;

    @Test
    void pipelinedAnswersWaitForTheClientToReadThem() throws Exception {
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
}
