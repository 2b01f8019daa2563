package io.webserv.it.http;

import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static io.webserv.it.support.Requests.exchange;
import static io.webserv.it.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Connection management and strict parsing over raw sockets (SPEC §3): persistence, pipelining, and
 * a bad request answered with its status and a close, leaving the server serving.
 */
class ConnectionBehaviourTest {

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        TestFiles.write(dir, "www/a.txt", "alpha");
        TestFiles.write(dir, "www/b.txt", "bravo");
        TestFiles.write(dir, "www/c.txt", "charlie");
        server = TestServer.start(dir, """
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
    void keepsAnHttp11ConnectionAliveByDefault() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            for (String name : new String[] {"a", "b", "c", "a"}) {
                RawResponse response = client.send(get("/" + name + ".txt")).read();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.header("connection")).as("persistent by default").isNotEqualToIgnoringCase("close");
            }
            assertThat(client.send(get("/b.txt")).read().bodyText()).isEqualTo("bravo");
        }
    }

    static Stream<Arguments> closingRequests() {
        return Stream.of(
                arguments("Connection: close", "GET /a.txt HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", true),
                arguments("close among other tokens, any case", "GET /a.txt HTTP/1.1\r\nHost: a\r\nConnection: foo, Close\r\n\r\n", true),
                arguments("HTTP/1.0 without keep-alive", "GET /a.txt HTTP/1.0\r\n\r\n", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closingRequests")
    void closesAfterTheResponseWhenTheRequestSaysSo(String what, String request, boolean mustSayClose) throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse response = client.send(request).read();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("alpha");
            assertThat(response.header("connection")).isNotEqualToIgnoringCase("keep-alive");
            if (mustSayClose) {
                assertThat(response.header("connection")).isEqualToIgnoringCase("close");
            }
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void keepsAnHttp10ConnectionAliveOnRequest() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            for (String name : new String[] {"a", "b", "c"}) {
                RawResponse response = client.send("GET /" + name + ".txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.header("connection")).as("an HTTP/1.0 client must be told").isEqualToIgnoringCase("keep-alive");
                assertThat(response.header("content-length")).as("an HTTP/1.0 keep-alive body needs its length").isNotNull();
            }
            // a last HTTP/1.0 request without the token closes it again
            assertThat(client.send("GET /a.txt HTTP/1.0\r\n\r\n").read().bodyText()).isEqualTo("alpha");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void answersPipelinedRequestsInOrderOnOneConnection() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            client.send(get("/c.txt") + get("/a.txt") + get("/b.txt") + "HEAD /c.txt HTTP/1.1\r\nHost: a\r\n\r\n");

            assertThat(client.read().bodyText()).isEqualTo("charlie");
            assertThat(client.read().bodyText()).isEqualTo("alpha");
            assertThat(client.read().bodyText()).isEqualTo("bravo");
            RawResponse head = client.read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).isEqualTo("7");
            // HEAD sent no body: the next response starts right after its head
            assertThat(client.send(get("/a.txt")).read().bodyText()).isEqualTo("alpha");
        }
    }

    @Test
    void answersAHundredPipelinedRequestsInOrder() throws Exception {
        String[] names = {"a", "b", "c"};
        String[] bodies = {"alpha", "bravo", "charlie"};
        StringBuilder pipeline = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            pipeline.append(get("/" + names[i % 3] + ".txt"));
        }
        try (RawClient client = new RawClient(server.address())) {
            client.send(pipeline.toString());
            for (int i = 0; i < 100; i++) {
                assertThat(client.read().bodyText()).as("response %d", i).isEqualTo(bodies[i % 3]);
            }
        }
    }

    @Test
    void answersPipelinedRequestsUpToABadOneThenCloses() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            client.send(get("/a.txt") + "GET /b.txt HTTP/1.1\r\nHost a\r\n\r\n" + get("/c.txt"));

            assertThat(client.read().bodyText()).isEqualTo("alpha");
            assertThat(client.read().status()).isEqualTo(400);
            assertThat(client.isClosedByServer()).as("nothing after the bad request is answered").isTrue();
        }
    }

    @Test
    void answersNothingPipelinedAfterConnectionClose() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            client.send("GET /a.txt HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n" + get("/b.txt"));

            assertThat(client.read().bodyText()).isEqualTo("alpha");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    static Stream<Arguments> tolerated() {
        return Stream.of(
                arguments("one empty line before the request line", "\r\nGET /a.txt HTTP/1.1\r\nHost: a\r\n\r\n"),
                arguments("HTTP/1.2, served as HTTP/1.1", "GET /a.txt HTTP/1.2\r\nHost: a\r\n\r\n"),
                arguments("HTAB and obs-text in a field value", "GET /a.txt HTTP/1.1\r\nHost: a\r\nX-A: x\ty\u00e9\u00ff\r\n\r\n"),
                arguments("Connection as a token list, any case", "GET /a.txt HTTP/1.1\r\nHost: a\r\nConnection: TE, Keep-Alive\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tolerated")
    void servesWhatTheRfcAllows(String what, String request) throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse response = client.send(request).read();

            assertThat(response.statusLine()).startsWith("HTTP/1.1 200 ");
            assertThat(response.bodyText()).isEqualTo("alpha");
            assertThat(client.send(get("/b.txt")).read().bodyText()).as("still persistent").isEqualTo("bravo");
        }
    }

    @Test
    void answersAGetThatCarriesABody() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse response = client.send("GET /a.txt HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello").read();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("alpha");
            if ("close".equalsIgnoreCase(response.header("connection"))) {
                assertThat(client.isClosedByServer()).isTrue();
            } else {
                // the body was consumed, not taken for the next request
                assertThat(client.send(get("/b.txt")).read().bodyText()).isEqualTo("bravo");
            }
        }
    }

    @Test
    void aNotFoundCarriesTheRequiredHeadersAndKeepsTheConnection() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse response = client.send(get("/missing.txt")).read();

            assertThat(response.status()).isEqualTo(404);
            assertRequiredHeaders(response);
            assertThat(client.send(get("/a.txt")).read().bodyText()).isEqualTo("alpha");
        }
    }

    static Stream<Arguments> badRequests() {
        String longTarget = "/" + "t".repeat(8999);
        String bigHeader = "X-Big: " + "h".repeat(20 * 1024) + "\r\n";
        return Stream.of(
                arguments("space inside a header name", "GET / HTTP/1.1\r\nHost: a\r\nBad Header: x\r\n\r\n", 400),
                arguments("whitespace before the colon", "GET / HTTP/1.1\r\nHost: a\r\nX-A : x\r\n\r\n", 400),
                arguments("obs-fold", "GET / HTTP/1.1\r\nHost: a\r\nX-A: x\r\n  y\r\n\r\n", 400),
                arguments("bare CR", "GET / HTTP/1.1\r\nHost: a\rX-A: x\r\n\r\n", 400),
                arguments("no Host in HTTP/1.1", "GET / HTTP/1.1\r\n\r\n", 400),
                arguments("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
                arguments("malformed request line", "GET /\r\nHost: a\r\n\r\n", 400),
                arguments("HTTP/2.0", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
                arguments("HTTP/3.1", "GET / HTTP/3.1\r\nHost: a\r\n\r\n", 505),
                arguments("9000-byte target", "GET " + longTarget + " HTTP/1.1\r\nHost: a\r\n\r\n", 414),
                arguments("20 KB header", "GET / HTTP/1.1\r\nHost: a\r\n" + bigHeader + "\r\n", 431),
                arguments("Content-Length and Transfer-Encoding",
                        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                arguments("conflicting Content-Lengths", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx", 400),
                arguments("invalid Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400),
                arguments("Transfer-Encoding: gzip", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", 501));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("badRequests")
    void answersABadRequestWithItsStatusThenClosesAndStaysUp(String what, String request, int status) throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse response = client.send(request).read();

            assertThat(response.status()).isEqualTo(status);
            assertRequiredHeaders(response);
            assertThat(client.isClosedByServer()).as("closed after the error").isTrue();
        }
        assertThat(exchange(server.address(), get("/a.txt")).status()).as("a new connection is served").isEqualTo(200);
    }

    /** SPEC §3: every response carries Date, Server, Content-Type and its framing. */
    private static void assertRequiredHeaders(RawResponse response) {
        assertThat(response.header("date")).isNotBlank();
        assertThat(response.header("server")).isNotBlank();
        assertThat(response.header("content-type")).isNotBlank();
        assertThat(response.header("content-length")).isEqualTo(Integer.toString(response.body().length));
    }
}
