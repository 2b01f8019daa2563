package io.webserv.it.attack;

import io.webserv.it.cgi.CgiSite;
import io.webserv.it.support.Poll;
import io.webserv.it.support.ProcFs;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Requests;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real server that a whole attack class hits, with short timeouts so that attacks end quickly:
 * a static site ({@code www/a.txt}, an 8 MiB {@code www/big.bin}), {@code /uploads} (upload and
 * DELETE, 20m limit), {@code /cgi-bin} with the CGI test scripts, and {@link #SECRET} beside the roots,
 * where no request may reach it. After the class, the server must still answer, and the JVM must
 * have no zombie child.
 */
final class AttackedServer implements BeforeAllCallback, AfterAllCallback {

    /** The content of {@code secret.txt}, outside every root: no response may ever contain it. */
    static final String SECRET = "TOP-SECRET-7f3a";
    static final int BIG = 8 * 1024 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    private Path dir;
    private TestServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("webserv-attack-");
        CgiSite.prepare(dir);
        TestFiles.write(dir, "www/a.txt", "alpha");
        TestFiles.write(dir, "www/docs/page.txt", "page");
        TestFiles.large(dir, "www/big.bin", BIG);
        TestFiles.write(dir, "secret.txt", SECRET);
        TestFiles.write(dir, "outside/keep.txt", SECRET);
        Files.createDirectories(dir.resolve("uploads"));
        // Symlinks inside the root that lead out of it: following them must not escape.
        Files.createSymbolicLink(dir.resolve("www/escape"), Path.of(".."));
        Files.createSymbolicLink(dir.resolve("www/escape-file"), Path.of("../secret.txt"));
        server = TestServer.start(dir, """
                access_log: off
                timeouts: { header: 1s, body: 1s, send: 1s, keep_alive: 5s, cgi: 10s }
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    routes:
                      - path: /
                        methods: [GET]
                      - path: /uploads
                        methods: [GET, POST, PUT, DELETE]
                        root: uploads
                        upload_dir: uploads
                        client_max_body_size: 20m
                      - path: /cgi-bin
                        root: cgi-bin
                        methods: [GET, POST]
                        cgi: { .py: /usr/bin/python3, .sh: "" }
                """.formatted(TestServer.freePort()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            assertAlive();
            server.close();
            assertThat(ProcFs.awaitNoZombies()).as("zombie children of the JVM").isEmpty();
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    InetSocketAddress address() {
        return server.address();
    }

    Path dir() {
        return dir;
    }

    /** What is in {@code uploads/} now, temporary files included. */
    List<String> uploadsLeft() {
        return TestFiles.names(dir.resolve("uploads"));
    }

    /** The liveness check after every attack: a new connection gets {@code /a.txt}. */
    void assertAlive() throws IOException {
        RawResponse response = Requests.exchange(address(), Requests.get("/a.txt"));
        assertThat(response.status()).as("the server still serves").isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("alpha");
    }

    /** Connections the server holds open now. */
    int openConnections() {
        return server.server().openConnections();
    }

    /** Waits until the server holds no connection: every attack's connection was closed. */
    void assertNoConnectionLeft() throws InterruptedException {
        assertThat(Poll.within(Duration.ofSeconds(5), () -> openConnections() == 0))
                .as("connections still open on the server: %d", openConnections()).isTrue();
    }

    /** Waits until the JVM holds no more descriptors than {@code baseline}: nothing leaked. */
    void assertDescriptorsBackTo(int baseline) throws InterruptedException {
        assertThat(ProcFs.awaitFileDescriptorsAtMost(baseline, Duration.ofSeconds(5)))
                .as("open file descriptors of the JVM (client and server sides)").isLessThanOrEqualTo(baseline);
    }
}
