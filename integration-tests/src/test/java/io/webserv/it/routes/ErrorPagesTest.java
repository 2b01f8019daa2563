package io.webserv.it.routes;

import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configured error pages over real sockets (SPEC §2): served with the error status and their own type,
 * route entries winning per status, the fields the status needs kept, and the built-in page whenever
 * the configured one cannot be served, without loops.
 */
class ErrorPagesTest {

    private static final String PAGE_404 = "<h1>custom not found</h1>";

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        TestFiles.write(dir, "www/hello.txt", "hello");
        TestFiles.write(dir, "www/errors/404.html", PAGE_404);
        TestFiles.write(dir, "www/errors/405.html", "<h1>custom 405</h1>");
        TestFiles.write(dir, "www/errors/413.html", "<h1>too big</h1>");
        TestFiles.write(dir, "www/errors/special.txt", "special route page");
        Files.createDirectories(dir.resolve("www/errors/adir"));
        Files.createDirectories(dir.resolve("www/special"));
        Files.createDirectories(dir.resolve("www/odd"));
        TestFiles.write(dir, "outside/secret.html", "secret");
        Files.createSymbolicLink(dir.resolve("www/errors/leak.html"), dir.resolve("outside/secret.html"));
        TestFiles.write(dir, "app/404.html", "app server page");
        TestFiles.write(dir, "app/route-404.html", "app route page");
        server = TestServer.start(dir, """
                access_log: off
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    client_max_body_size: 10
                    error_pages:
                      403: /errors/missing.html
                      404: /errors/404.html
                      405: /errors/405.html
                      413: /errors/413.html
                    routes:
                      - path: /
                        methods: [GET]
                      - path: /special
                        error_pages:
                          404: /errors/special.txt
                      - path: /loop
                        error_pages:
                          404: /loop/missing.html
                      - path: /odd
                        error_pages:
                          404: /errors/adir
                          403: /errors/leak.html
                          405: /moved/x.html
                      - path: /moved
                        redirect: { status: 301, location: /hello.txt }
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    error_pages:
                      404: /app/404.html
                      405: /errors/404.html
                    routes:
                      - path: /app
                        root: app
                        error_pages:
                          404: /app/route-404.html
                """.formatted(TestServer.freePort(), TestServer.freePort()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawResponse send(String request) throws IOException {
        try (RawClient client = new RawClient(server.address())) {
            return client.send(request).read(request.startsWith("HEAD"));
        }
    }

    private RawResponse get(String path) throws IOException {
        return send("GET " + path + " HTTP/1.1\r\nHost: a\r\n\r\n");
    }

    private static void assertBuiltIn(RawResponse response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(response.bodyText()).contains("<h1>" + status + " ").contains("webserv");
    }

    @Test
    void aConfiguredPageIsServedWithTheErrorStatus() throws Exception {
        RawResponse response = get("/nothing.html");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.bodyText()).isEqualTo(PAGE_404);
        assertThat(response.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(response.header("content-length")).isEqualTo(String.valueOf(PAGE_404.length()));
    }

    @Test
    void headGetsTheLengthOfThePageAndNoBody() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse head = client.send("HEAD /nothing.html HTTP/1.1\r\nHost: a\r\n\r\n").read(true);
            assertThat(head.status()).isEqualTo(404);
            assertThat(head.header("content-length")).isEqualTo(String.valueOf(PAGE_404.length()));
            assertThat(client.send("GET /hello.txt HTTP/1.1\r\nHost: a\r\n\r\n").read().bodyText()).isEqualTo("hello");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAroundAConfiguredPage() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            client.send("GET /nothing.html HTTP/1.1\r\nHost: a\r\n\r\nGET /hello.txt HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "GET /nothing.html HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(client.read().bodyText()).isEqualTo(PAGE_404);
            assertThat(client.read().bodyText()).isEqualTo("hello");
            assertThat(client.read().bodyText()).isEqualTo(PAGE_404);
        }
    }

    @Test
    void aRouteEntryWinsForItsStatusOnly() throws Exception {
        RawResponse notFound = get("/special/nothing");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.bodyText()).isEqualTo("special route page");
        assertThat(notFound.header("content-type")).startsWith("text/plain");

        // 403 is not overridden there: the server's entry applies, and its page is missing
        assertBuiltIn(get("/special/"), 403);
    }

    @Test
    void aMissingConfiguredPageFallsBackToTheBuiltInOne() throws Exception {
        assertBuiltIn(get("/errors/"), 403); // a directory without index: 403, whose page is missing
    }

    @Test
    void aPageThatIsItselfMissingDoesNotLoop() throws Exception {
        assertBuiltIn(get("/loop/nothing"), 404);
        assertBuiltIn(get("/loop/missing.html"), 404);
    }

    @Test
    void pagesThatCannotBeServedFallBack() throws Exception {
        assertBuiltIn(get("/odd/nothing"), 404); // the page is a directory
        assertBuiltIn(get("/odd/"), 403); // the page is a link out of the root
        RawResponse notAllowed = send("POST /odd/x HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n");
        assertBuiltIn(notAllowed, 405); // the page's route redirects
        assertThat(notAllowed.bodyText()).doesNotContain("secret");
    }

    @Test
    void aPageFor405KeepsAllow() throws Exception {
        RawResponse response = send("DELETE /hello.txt HTTP/1.1\r\nHost: a\r\n\r\n");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(response.bodyText()).isEqualTo("<h1>custom 405</h1>");
    }

    @Test
    void aBodyTooLargeGetsItsPageBeforeTheBodyIsRead() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse response = client.send("POST /hello.txt HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.bodyText()).isEqualTo("<h1>too big</h1>");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void theServersOwnPagesApplyWhenNoRouteMatches() throws Exception {
        try (RawClient client = new RawClient(server.address(1))) {
            RawResponse noRoute = client.send("GET /elsewhere HTTP/1.1\r\nHost: b\r\n\r\n").read();
            assertThat(noRoute.status()).isEqualTo(404);
            assertThat(noRoute.bodyText()).isEqualTo("app server page");

            RawResponse inRoute = client.send("GET /app/nothing HTTP/1.1\r\nHost: b\r\n\r\n").read();
            assertThat(inRoute.status()).isEqualTo(404);
            assertThat(inRoute.bodyText()).isEqualTo("app route page");
        }
    }

    @Test
    void aPageWhoseUriNoRouteServesFallsBack() throws Exception {
        try (RawClient client = new RawClient(server.address(1))) {
            RawResponse response = client.send("DELETE /app/404.html HTTP/1.1\r\nHost: b\r\n\r\n").read();
            assertBuiltIn(response, 405); // /errors/404.html: no route of this server covers it
            assertThat(response.header("allow")).isEqualTo("GET, HEAD, OPTIONS");
        }
    }
}
