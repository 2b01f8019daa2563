package io.webserv.it.config;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Requests;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The top-level keys of SPEC §2 that the other suites leave at their defaults: {@code max_connections},
 * {@code limits}, {@code mime_types} and {@code access_log} to a file (through the jar).
 */
class GlobalKeysTest {

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(www.resolve("hello.txt"), "hello");
        Files.write(www.resolve("module.wasm"), new byte[] {0, 'a', 's', 'm'});
        Files.writeString(www.resolve("notes.md"), "# notes");
        server = TestServer.start(dir, """
                max_connections: 2
                limits: { header_bytes: 1k, uri_bytes: 256 }
                mime_types: { wasm: application/wasm, md: text/x-notes }
                access_log: off
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                """.formatted(TestServer.freePort()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void acceptsAndClosesConnectionsBeyondMaxConnections() throws Exception {
        try (RawClient a = new RawClient(server.address()); RawClient b = new RawClient(server.address())) {
            assertThat(a.send(Requests.get("/hello.txt")).read().status()).isEqualTo(200);
            assertThat(b.send(Requests.get("/hello.txt")).read().status()).isEqualTo(200);
            try (RawClient third = new RawClient(server.address())) {
                assertThat(third.isClosedByServer()).isTrue();
            }
        }
        assertThat(Poll.within(Duration.ofSeconds(5), () -> server.server().openConnections() == 0)).isTrue();
        assertThat(Requests.exchange(server.address(), Requests.get("/hello.txt")).status()).isEqualTo(200);
    }

    @Test
    void appliesTheConfiguredHeaderAndUriLimits() throws Exception {
        RawResponse longTarget = Requests.exchange(server.address(), Requests.get("/" + "a".repeat(300)));
        RawResponse bigHead = Requests.exchange(server.address(),
                "GET /hello.txt HTTP/1.1\r\nHost: a\r\nX-Big: " + "b".repeat(1100) + "\r\n\r\n");
        RawResponse justUnder = Requests.exchange(server.address(),
                "GET /hello.txt HTTP/1.1\r\nHost: a\r\nX-Big: " + "b".repeat(900) + "\r\n\r\n");

        assertThat(longTarget.status()).isEqualTo(414);
        assertThat(bigHead.status()).isEqualTo(431);
        assertThat(justUnder.status()).isEqualTo(200);
    }

    @Test
    void addsAndOverridesMediaTypes() throws Exception {
        assertThat(Requests.exchange(server.address(), Requests.get("/module.wasm")).header("content-type"))
                .isEqualTo("application/wasm");
        assertThat(Requests.exchange(server.address(), Requests.get("/notes.md")).header("content-type"))
                .startsWith("text/x-notes");
    }

    /**
     * Through the jar, as a user runs it: the access-log destination is set up by the command line
     * before logging starts (an embedded {@code WebServer} logs to the {@code webserv.access} logger of
     * whatever logging its host configured).
     */
    @Test
    void writesTheAccessLogToAFileWithinASecond(@TempDir Path site) throws Exception {
        assumeTrue(Files.exists(JarProcess.JAR), "the jar is built by mvn package");
        Files.createDirectories(site.resolve("www"));
        Files.writeString(site.resolve("www/hello.txt"), "hello");
        int port = TestServer.freePort();
        Files.writeString(site.resolve("webserv.yaml"), """
                access_log: logs/access.log
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                """.formatted(port));
        try (JarProcess process = JarProcess.start(site, "webserv.yaml")) {
            assertThat(process.awaitStdout(line -> line.startsWith("listening on"), Duration.ofSeconds(20))).isPresent();
            Requests.exchange(new java.net.InetSocketAddress("127.0.0.1", port),
                    "GET /hello.txt?from=test HTTP/1.1\r\nHost: a\r\nUser-Agent: probe/1\r\n\r\n");
            Path log = site.resolve("logs/access.log");

            assertThat(Poll.within(Duration.ofSeconds(1), () -> contains(log, "\"GET /hello.txt?from=test HTTP/1.1\" 200 5")))
                    .as("combined-format line in %s", log).isTrue();
            assertThat(Files.readString(log)).contains("\"probe/1\"");
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.exists(file) && Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
