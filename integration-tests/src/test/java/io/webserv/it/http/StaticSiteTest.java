package io.webserv.it.http;

import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A static site served from a YAML configuration, over real sockets (SPEC §2, §4). */
class StaticSiteTest {

    @TempDir
    Path dir;
    private TestServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(www.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(www.resolve("style.css"), "body{}");
        Files.writeString(www.resolve("hello.txt"), "hello, world\n");
        Files.createDirectories(www.resolve("docs"));
        Files.writeString(www.resolve("docs/index.html"), "<h1>docs</h1>");
        Files.createDirectories(www.resolve("empty"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("pouic.txt"), "aliased");
        server = TestServer.start(dir, """
                access_log: off
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    routes:
                      - path: /
                        methods: [GET]
                      - path: /kapouet
                        root: other
                      - path: /old
                        redirect: { status: 301, location: /hello.txt }
                """.formatted(TestServer.freePort()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesFilesWithTypeLengthDateAndServer() throws Exception {
        HttpResponse<String> response = get("/hello.txt");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello, world\n");
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.headers().firstValue("content-length")).hasValue("13");
        assertThat(response.headers().firstValue("date")).isPresent();
        assertThat(response.headers().firstValue("server")).hasValue("webserv");
        assertThat(response.headers().firstValue("etag")).isPresent();
        assertThat(response.headers().firstValue("last-modified")).isPresent();
    }

    @Test
    void servesTheIndexOfTheRootAndOfDirectories() throws Exception {
        assertThat(get("/").body()).isEqualTo("<h1>home</h1>");
        assertThat(get("/docs/").body()).isEqualTo("<h1>docs</h1>");
        assertThat(get("/style.css").headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
    }

    @Test
    void redirectsADirectoryWithoutItsSlash() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse response = client.send("GET /docs?x=1 HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(301);
            assertThat(response.header("location")).isEqualTo("/docs/?x=1");
        }
    }

    @Test
    void answers404And403() throws Exception {
        assertThat(get("/missing.txt").statusCode()).isEqualTo(404);
        assertThat(get("/empty/").statusCode()).isEqualTo(403);
    }

    @Test
    void replacesTheRoutePrefixWhenTheRouteHasItsOwnRoot() throws Exception {
        HttpResponse<String> response = get("/kapouet/pouic.txt");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("aliased");
        assertThat(get("/kapouetx").statusCode()).isEqualTo(404);
    }

    @Test
    void followsTheConfiguredRedirect() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse response = client.send("GET /old HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(301);
            assertThat(response.header("location")).isEqualTo("/hello.txt");
            assertThat(response.bodyText()).contains("/hello.txt");
            assertThat(response.header("connection")).as("an answer given at once keeps the connection").isNull();
            // the same connection goes on, for answers given at once (405, OPTIONS) too
            assertThat(client.send("DELETE /hello.txt HTTP/1.1\r\nHost: a\r\n\r\n").read().status()).isEqualTo(405);
            assertThat(client.send("OPTIONS /hello.txt HTTP/1.1\r\nHost: a\r\n\r\n").read().status()).isEqualTo(204);
            assertThat(client.send("GET /hello.txt HTTP/1.1\r\nHost: a\r\n\r\n").read().bodyText()).isEqualTo("hello, world\n");
        }
    }

    @Test
    void answersHeadWithTheHeadersOfGetAndNoBody() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse head = client.send("HEAD /hello.txt HTTP/1.1\r\nHost: a\r\n\r\n").read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).isEqualTo("13");
            // the same connection goes on: nothing was sent after the head
            RawResponse next = client.send("GET /hello.txt HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(next.bodyText()).isEqualTo("hello, world\n");
        }
    }

    @Test
    void revalidatesWithETagAndLastModified() throws Exception {
        HttpResponse<String> first = get("/hello.txt");
        String etag = first.headers().firstValue("etag").orElseThrow();
        String lastModified = first.headers().firstValue("last-modified").orElseThrow();

        HttpResponse<String> byTag = http.send(HttpRequest.newBuilder(server.uri("/hello.txt"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> byDate = http.send(HttpRequest.newBuilder(server.uri("/hello.txt"))
                .header("If-Modified-Since", lastModified).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byDate.statusCode()).isEqualTo(304);
    }

    @Test
    void servesRanges() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse partial = client.send("GET /hello.txt HTTP/1.1\r\nHost: a\r\nRange: bytes=7-11\r\n\r\n").read();
            assertThat(partial.status()).isEqualTo(206);
            assertThat(partial.bodyText()).isEqualTo("world");
            assertThat(partial.header("content-range")).isEqualTo("bytes 7-11/13");

            RawResponse unsatisfiable = client.send("GET /hello.txt HTTP/1.1\r\nHost: a\r\nRange: bytes=100-\r\n\r\n").read();
            assertThat(unsatisfiable.status()).isEqualTo(416);
            assertThat(unsatisfiable.header("content-range")).isEqualTo("bytes */13");
        }
    }

    @Test
    void refusesMethodsTheRouteDoesNotAllowAndThoseNobodyImplements() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse notAllowed = client.send("DELETE /hello.txt HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(notAllowed.status()).isEqualTo(405);
            assertThat(notAllowed.header("allow")).isEqualTo("GET, HEAD, OPTIONS");
        }
        try (RawClient client = new RawClient(server.address())) {
            RawResponse unknown = client.send("BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(unknown.status()).isEqualTo(501);
        }
    }

    @Test
    void neverServesAFileOutsideTheRoot() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/docs/../../secret.txt", "/..%2fsecret.txt"}) {
            try (RawClient client = new RawClient(server.address())) {
                RawResponse response = client.send("GET " + path + " HTTP/1.1\r\nHost: a\r\n\r\n").read();
                assertThat(response.status()).as(path).isIn(400, 403);
                assertThat(response.bodyText()).doesNotContain("secret");
            }
        }
    }
}
