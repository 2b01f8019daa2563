package io.webserv.it.modules;

import io.webserv.config.ConfigLoader;
import io.webserv.it.support.JarProcess;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Requests;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import io.webserv.server.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The example handler module {@code handlers-status}, found on the class path by ServiceLoader and
 * mounted by configuration: its counters match the requests sent, its allow-list refuses others with
 * 403, and a mount of a module that does not exist is a configuration error at its line and column.
 */
class StatusModuleTest {

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        TestFiles.write(dir, "www/a.txt", "alpha");
        server = TestServer.start(dir, """
                access_log: off
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    routes:
                      - path: /
                      - path: /status
                        handler: status
                      - path: /office-status
                        handler: status
                        handler_options: { allow: [10.0.0.0/8, "fd00::/8"] }
                """.formatted(TestServer.freePort()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void countsWhatWasServed() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(Requests.exchange(server.address(), Requests.get("/a.txt")).status()).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(Requests.exchange(server.address(), Requests.get("/missing")).status()).isEqualTo(404);
        }

        RawResponse status = Requests.exchange(server.address(), Requests.get("/status?format=json"));

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.header("content-type")).isEqualTo("application/json");
        assertThat(status.header("cache-control")).isEqualTo("no-store");
        String json = status.bodyText();
        assertThat(number(json, "requests")).as(json).isEqualTo(5);
        assertThat(number(json, "200")).isEqualTo(3);
        assertThat(number(json, "404")).isEqualTo(2);
        assertThat(number(json, "accepted")).isEqualTo(6); // one connection per exchange, this one included
        assertThat(number(json, "open")).isEqualTo(1);
        assertThat(number(json, "bytes_sent")).isEqualTo(3 * "alpha".length() + 2 * Requests.exchange(server.address(),
                Requests.get("/missing")).body().length);
    }

    @Test
    void answersTextHeadAndOnlyTheRouteMethods() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse text = client.send(Requests.get("/status?format=text")).read();
            assertThat(text.header("content-type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(text.bodyText()).contains("connections_open: 1\n").contains("requests: 0\n");

            RawResponse head = client.send("HEAD /status HTTP/1.1\r\nHost: a\r\n\r\n").read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).isNotNull();

            RawResponse post = client.send("POST /status HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n").read();
            assertThat(post.status()).isEqualTo(405);
            assertThat(post.header("allow")).isEqualTo("GET, HEAD, OPTIONS");
        }
    }

    @Test
    void refusesAClientOutsideTheAllowList() throws Exception {
        RawResponse response = Requests.exchange(server.address(), Requests.get("/office-status"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.bodyText()).doesNotContain("requests");
    }

    @Test
    void anEmbeddedServerRefusesAMountOfAnUnknownModule() throws Exception {
        String yaml = """
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    routes:
                      - path: /s
                        handler: statuz
                """.formatted(TestServer.freePort());
        Files.writeString(dir.resolve("unknown.yaml"), yaml);

        assertThatIllegalArgumentException().isThrownBy(() -> WebServer.start(ConfigLoader.load(dir.resolve("unknown.yaml"))))
                .withMessageContaining("no handler module named 'statuz'");
    }

    @Test
    void theJarReportsAnUnknownModuleOrOptionAtItsPosition() throws Exception {
        assumeTrue(Files.isRegularFile(JarProcess.JAR), JarProcess.JAR + " not built");
        TestFiles.write(dir, "bad.yaml", """
                servers:
                  - listen: [8080]
                    root: www
                    routes:
                      - path: /s
                        handler: statuz
                      - path: /t
                        handler: status
                        handler_options: { alow: [127.0.0.1] }
                """);
        try (JarProcess process = JarProcess.start(dir, "-t", "bad.yaml")) {
            assertThat(process.awaitExit(Duration.ofSeconds(15))).hasValue(1);
            // the list of modules on the class path grows as modules are added: only "status" is certain
            assertThat(process.stderrLines()).hasSize(2);
            assertThat(process.stderrLines().get(0)).startsWith("bad.yaml:6:18: no handler module named 'statuz' (on the class path: ")
                    .contains("status");
            assertThat(process.stderrLines().get(1)).isEqualTo("bad.yaml:9:28: handler 'status' has no option 'alow' (expected some of: allow)");
        }
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as("%s in %s", key, json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
