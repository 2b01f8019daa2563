package io.webserv.it.http;

import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Requests;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §7: {@code io.write: eager} and {@code on_ready} give the same answers, byte for byte: small
 * files, pipelined requests, a large file that cannot leave in one write, and an error that closes.
 */
class WriteModesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"eager", "on_ready"})
    void bothWriteModesAnswerTheSame(String mode) throws Exception {
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(www.resolve("hello.txt"), "hello\n");
        byte[] large = new byte[5 * 1024 * 1024 + 3];
        new Random(9).nextBytes(large);
        Files.write(www.resolve("large.bin"), large);
        try (TestServer server = TestServer.start(dir, """
                access_log: off
                io: { write: %s }
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                """.formatted(mode, TestServer.freePort()))) {
            try (RawClient client = new RawClient(server.address())) {
                client.send(Requests.get("/hello.txt") + Requests.get("/large.bin") + Requests.get("/missing")
                        + "HEAD /hello.txt HTTP/1.1\r\nHost: a\r\n\r\n");
                assertThat(client.read().bodyText()).isEqualTo("hello\n");
                assertThat(client.read().body()).isEqualTo(large);
                assertThat(client.read().status()).isEqualTo(404);
                RawResponse head = client.read(true);
                assertThat(head.status()).isEqualTo(200);
                assertThat(head.header("content-length")).isEqualTo("6");

                client.send("GET / HTTP/1.1\r\nHost: a\r\nBad Header: x\r\n\r\n");
                assertThat(client.read().status()).isEqualTo(400);
                assertThat(client.isClosedByServer()).isTrue();
            }
        }
    }
}
