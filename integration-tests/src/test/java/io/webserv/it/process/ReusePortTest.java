package io.webserv.it.process;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.Poll;
import io.webserv.it.support.Requests;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code reuse_port: true}: two webserv processes listen on one port and the kernel spreads new
 * connections between them (both log requests); without it the second cannot bind and says so.
 */
class ReusePortTest {

    private static final int CONNECTIONS = 200;

    @TempDir
    Path dir;
    private int port;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.exists(JarProcess.JAR), "the jar is built by mvn package");
        port = TestServer.freePort();
    }

    @Test
    void twoProcessesShareAPortAndBothServe() throws Exception {
        Path first = site("first", true);
        Path second = site("second", true);
        try (JarProcess a = JarProcess.start(first, "webserv.yaml"); JarProcess b = JarProcess.start(second, "webserv.yaml")) {
            assertListening(a);
            assertListening(b);
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            for (int i = 0; i < CONNECTIONS; i++) { // a fresh connection each: the kernel picks a process per connection
                String request = "GET /hello.txt?n=" + i + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
                assertThat(Requests.exchange(address, request).status()).isEqualTo(200);
            }

            assertThat(Poll.within(Duration.ofSeconds(3), () -> lines(first) + lines(second) == CONNECTIONS))
                    .as("access-log lines: %d + %d", lines(first), lines(second)).isTrue();
            assertThat(lines(first)).as("requests served by the first process").isPositive();
            assertThat(lines(second)).as("requests served by the second process").isPositive();
        }
    }

    @Test
    void withoutReusePortTheSecondProcessCannotBind() throws Exception {
        assertSecondCannotJoin(false, "cannot listen on", ":" + port, "Address already in use");
    }

    /** Linux shares a port only among sockets that all ask for it. */
    @Test
    void aProcessWithoutReusePortCannotJoinOneThatHasIt() throws Exception {
        assertSecondCannotJoin(true, "Address already in use");
    }

    /** The first process (with or without reuse_port) listens; the second, without, exits 1 saying why. */
    private void assertSecondCannotJoin(boolean firstReusesPort, String... message) throws Exception {
        try (JarProcess a = JarProcess.start(site("first", firstReusesPort), "webserv.yaml")) {
            assertListening(a);
            try (JarProcess b = JarProcess.start(site("second", false), "webserv.yaml")) {
                assertThat(b.awaitExit(Duration.ofSeconds(20))).contains(1);
                assertThat(b.stderr()).contains(message);
            }
        }
    }

    private Path site(String name, boolean reusePort) throws IOException {
        Path site = dir.resolve(name);
        TestFiles.write(site, "www/hello.txt", "hello from " + name);
        Files.writeString(site.resolve("webserv.yaml"), """
                access_log: logs/access.log
                servers:
                  - listen: [{ address: "127.0.0.1:%d", reuse_port: %s }]
                    root: www
                """.formatted(port, reusePort));
        return site;
    }

    private static void assertListening(JarProcess process) throws InterruptedException {
        Optional<String> line = process.awaitStdout(l -> l.startsWith("listening on"), Duration.ofSeconds(20));
        assertThat(line).as("startup; stderr: %s", process.stderr()).isPresent();
    }

    private static long lines(Path site) {
        try {
            Path log = site.resolve("logs/access.log");
            return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains("GET /hello.txt")).count() : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
