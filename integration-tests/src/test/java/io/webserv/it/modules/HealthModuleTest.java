package io.webserv.it.modules;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Requests;
import io.webserv.it.support.TestFiles;
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
 * The {@code health} module of {@code handlers-status}, mounted by configuration: {@code 200 ok} while
 * the server serves, {@code 503 draining} from the moment a drain starts, while every other route
 * answers as before. The drain driven by SIGTERM, with the jar as a process: {@code process/DrainTest}.
 */
class HealthModuleTest {

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
                      - path: /healthz
                        handler: health
                """.formatted(TestServer.freePort()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersOkNeverCachedToGetAndHead() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse get = client.send(Requests.get("/healthz")).read();
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.bodyText()).isEqualTo("ok\n");
            assertThat(get.header("content-type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(get.header("cache-control")).isEqualTo("no-store");
            assertThat(get.header("retry-after")).isNull();

            RawResponse head = client.send("HEAD /healthz HTTP/1.1\r\nHost: a\r\n\r\n").read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).isEqualTo("3");

            RawResponse post = client.send("POST /healthz HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n").read();
            assertThat(post.status()).as("the route's methods apply").isEqualTo(405);
        }
    }

    @Test
    void answers503OnceADrainStartsWhileTheRestIsServedAsBefore() throws Exception {
        try (RawClient kept = new RawClient(server.address())) {
            assertThat(kept.send(Requests.get("/healthz")).read().status()).isEqualTo(200);

            server.server().startDrain();

            RawResponse health = kept.send(Requests.get("/healthz")).read();
            assertThat(health.status()).as("on a connection opened before the drain").isEqualTo(503);
            assertThat(health.bodyText()).isEqualTo("draining\n");
            assertThat(health.header("cache-control")).isEqualTo("no-store");
            assertThat(health.header("retry-after")).as("the server is going away: retry elsewhere").isNull();
            RawResponse file = kept.send(Requests.get("/a.txt")).read();
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.bodyText()).isEqualTo("alpha");
            assertThat(file.header("connection")).as("kept alive during the drain").isNotEqualTo("close");
            assertThat(kept.send(Requests.get("/healthz")).read().status()).as("the same connection still serves")
                    .isEqualTo(503);

            assertThat(Requests.exchange(server.address(), Requests.get("/healthz")).status())
                    .as("on a new connection").isEqualTo(503);
            assertThat(Requests.exchange(server.address(), Requests.get("/a.txt")).status()).isEqualTo(200);
        }
    }

    @Test
    void theJarRefusesAnyOption() throws Exception {
        assumeTrue(Files.isRegularFile(JarProcess.JAR), JarProcess.JAR + " not built");
        TestFiles.write(dir, "bad.yaml", """
                servers:
                  - listen: [8080]
                    root: www
                    routes:
                      - path: /healthz
                        handler: health
                        handler_options: { allow: [10.0.0.0/8] }
                """);
        try (JarProcess process = JarProcess.start(dir, "-t", "bad.yaml")) {
            assertThat(process.awaitExit(Duration.ofSeconds(15))).hasValue(1);
            assertThat(process.stderrLines())
                    .containsExactly("bad.yaml:7:28: handler 'health' has no option 'allow' (it takes none)");
        }
    }
}
