package io.webserv.it.cgi;

import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** CGI requests and responses over real sockets with real scripts (SPEC §6, RFC 3875). */
class CgiRequestsTest {

    @RegisterExtension
    static final CgiServer server = new CgiServer("10s");

    private static RawResponse exchange(String request) throws Exception {
        return Requests.exchange(server.address(), request);
    }

    private static Map<String, String> environment(RawResponse response) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : response.bodyText().split("\n")) {
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return env;
    }

    @Test
    void aGetWithAQuerySeesTheRfc3875Environment() throws Exception {
        RawResponse response = exchange("GET /cgi-bin/env.py?x=1&y=a%20b HTTP/1.1\r\nHost: example.com:1234\r\n"
                + "X-Custom: one\r\nX-Custom: two\r\nProxy: http://evil.example:3128\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).isEqualTo("text/plain; charset=utf-8");
        Map<String, String> env = environment(response);
        Path script = server.dir().resolve("cgi-bin/env.py").toRealPath();
        assertThat(env).containsEntry("GATEWAY_INTERFACE", "CGI/1.1")
                .containsEntry("SERVER_PROTOCOL", "HTTP/1.1")
                .containsEntry("SERVER_SOFTWARE", "webserv")
                .containsEntry("SERVER_NAME", "example.com")
                .containsEntry("SERVER_PORT", Integer.toString(server.address().getPort()))
                .containsEntry("REQUEST_METHOD", "GET")
                .containsEntry("SCRIPT_NAME", "/cgi-bin/env.py")
                .containsEntry("SCRIPT_FILENAME", script.toString())
                .containsEntry("PATH_INFO", "")
                .containsEntry("QUERY_STRING", "x=1&y=a%20b")
                .containsEntry("REMOTE_ADDR", "127.0.0.1")
                .containsEntry("REDIRECT_STATUS", "200")
                .containsEntry("HTTP_HOST", "example.com:1234")
                .containsEntry("HTTP_X_CUSTOM", "one, two")
                .containsEntry("cwd", script.getParent().toString())
                .containsEntry("argv0", script.toString())
                .containsKey("REMOTE_PORT")
                .doesNotContainKeys("HTTP_PROXY", "PATH_TRANSLATED", "CONTENT_LENGTH", "CONTENT_TYPE");
        // Nothing of the server's environment but PATH (python may add LC_CTYPE itself, PEP 538).
        Set<String> fromServer = new java.util.HashSet<>(env.keySet());
        fromServer.removeIf(name -> name.startsWith("HTTP_") || name.equals("LC_CTYPE") || name.equals("cwd")
                || name.equals("argv0"));
        assertThat(fromServer).containsExactlyInAnyOrder("PATH", "GATEWAY_INTERFACE", "SERVER_PROTOCOL",
                "SERVER_SOFTWARE", "SERVER_NAME", "SERVER_PORT", "REQUEST_METHOD", "REQUEST_URI", "SCRIPT_NAME",
                "SCRIPT_FILENAME", "DOCUMENT_ROOT", "PATH_INFO", "QUERY_STRING", "REMOTE_ADDR", "REMOTE_PORT",
                "REDIRECT_STATUS");
    }

    @Test
    void pathInfoAndPathTranslated() throws Exception {
        Map<String, String> env = environment(exchange(Requests.get("/cgi-bin/env.py/extra/p%C3%A4th")));

        assertThat(env).containsEntry("SCRIPT_NAME", "/cgi-bin/env.py")
                .containsEntry("PATH_INFO", "/extra/päth")
                .containsEntry("PATH_TRANSLATED", server.dir().resolve("cgi-bin").toString() + "/extra/päth")
                .containsEntry("QUERY_STRING", "");
    }

    @Test
    void aContentLengthBodyReachesStdinWithItsLengthThenEof() throws Exception {
        byte[] body = pattern(300_000);
        try (RawClient client = new RawClient(server.address())) {
            client.send("POST /cgi-bin/echo.py HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-test\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").send(body);
            RawResponse response = client.read();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("x-content-length")).isEqualTo(Integer.toString(body.length));
            assertThat(response.header("x-content-type")).isEqualTo("application/x-test");
            assertThat(response.header("x-after-end")).isEqualTo("0");
            assertThat(response.body()).isEqualTo(body);
        }
    }

    @Test
    void aChunkedBodyIsDechunkedAndItsRealLengthGiven() throws Exception {
        byte[] body = pattern(200_000); // over the in-memory spool limit: goes through a temporary file
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int at = 0, size = 1; at < body.length; at += size, size = Math.min(size * 3, 40_000)) {
            int n = Math.min(size, body.length - at);
            chunked.write((Integer.toHexString(n) + ";ext=1\r\n").getBytes(StandardCharsets.ISO_8859_1));
            chunked.write(body, at, n);
            chunked.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        chunked.write("0\r\nX-Trailer: dropped\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        try (RawClient client = new RawClient(server.address())) {
            client.send("POST /cgi-bin/echo.py HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .send(chunked.toByteArray());
            RawResponse response = client.read();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("x-content-length")).isEqualTo(Integer.toString(body.length));
            assertThat(response.header("x-after-end")).isEqualTo("0");
            assertThat(response.body()).isEqualTo(body);
        }
    }

    @Test
    void aRequestWithoutBodyHasNoContentLength() throws Exception {
        RawResponse response = exchange(Requests.get("/cgi-bin/echo.py"));
        assertThat(response.header("x-content-length")).isEqualTo("unset");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aPostWithoutALengthIs411() throws Exception {
        RawResponse response = exchange("POST /cgi-bin/echo.py HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(response.status()).isEqualTo(411);
    }

    @Test
    void theScriptSetsTheStatus() throws Exception {
        RawResponse response = exchange(Requests.get("/cgi-bin/status.py"));

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 201 Created");
        assertThat(response.header("x-thing")).isEqualTo("42");
        assertThat(response.header("status")).isNull();
        assertThat(response.bodyText()).isEqualTo("created\n");
    }

    @Test
    void aLocalLocationIsServedInternally() throws Exception {
        RawResponse response = exchange(Requests.get("/cgi-bin/redirect.py?to=/hello.txt"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("location")).isNull();
        assertThat(response.bodyText()).isEqualTo("hello, static\n");
    }

    @Test
    void aLocalLocationMayNameAnotherScript() throws Exception {
        RawResponse response = exchange(Requests.get("/cgi-bin/redirect.py?to=/cgi-bin/env.py%3Ffrom%3Dredirect"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(environment(response)).containsEntry("QUERY_STRING", "from=redirect")
                .containsEntry("REQUEST_METHOD", "GET");
    }

    @Test
    void anAbsoluteLocationIs302() throws Exception {
        RawResponse response = exchange(Requests.get("/cgi-bin/redirect.py?to=http://example.com/x"));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("location")).isEqualTo("http://example.com/x");
    }

    @Test
    void aScriptThatCrashesWithoutHeadersIs502() throws Exception {
        assertThat(exchange(Requests.get("/cgi-bin/crash.py")).status()).isEqualTo(502);
        assertThat(exchange(Requests.get("/cgi-bin/garbage.sh")).status()).isEqualTo(502);
    }

    @Test
    void aScriptThatCannotRunIs500() throws Exception {
        assertThat(exchange(Requests.get("/cgi-bin/broken.missing")).status()).isEqualTo(500);
        assertThat(exchange(Requests.get("/cgi-bin/noexec.sh")).status()).isEqualTo(500);
    }

    @Test
    void aMissingScriptIs404() throws Exception {
        assertThat(exchange(Requests.get("/cgi-bin/missing.py")).status()).isEqualTo(404);
        assertThat(exchange(Requests.get("/cgi-bin/missing.py/with/info")).status()).isEqualTo(404);
    }

    @Test
    void aShellScriptIsExecutedItself() throws Exception {
        RawResponse response = exchange(Requests.get("/cgi-bin/hello.sh?q=1"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("hello from sh: GET q=1\n");
    }

    @Test
    void phpRunsThroughPhpCgi() throws Exception {
        assumeTrue(java.nio.file.Files.isExecutable(CgiSite.PHP_CGI), "php-cgi is not installed");
        String form = "v=posted+value";
        RawResponse response = exchange("POST /cgi-bin/hello.php?name=joe HTTP/1.1\r\nHost: a\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n" + form);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("x-php")).isEqualTo("yes");
        assertThat(response.bodyText()).isEqualTo("php POST name=joe v=posted value\n");
    }

    @Test
    void headRunsTheScriptAndSendsNoBody() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse response = client.send("HEAD /cgi-bin/status.py HTTP/1.1\r\nHost: a\r\n\r\n").read(true);
            assertThat(response.status()).isEqualTo(201);
            // the connection stays usable
            assertThat(client.send(Requests.get("/hello.txt")).read().bodyText()).isEqualTo("hello, static\n");
        }
    }

    @Test
    void largeOutputArrivesWholeChunkedOrWithItsLength() throws Exception {
        int size = 10 * 1024 * 1024;
        try (RawClient client = new RawClient(server.address())) {
            RawResponse chunked = client.send(Requests.get("/cgi-bin/big.py?n=" + size)).read();
            assertThat(chunked.header("transfer-encoding")).isEqualTo("chunked");
            assertThat(chunked.body()).hasSize(size);
            assertThat(chunked.body()[size - 1]).isEqualTo((byte) ('a' + (size - 1) % 65536 % 26));

            RawResponse sized = client.send(Requests.get("/cgi-bin/big.py?cl=1&n=" + size)).read();
            assertThat(sized.header("content-length")).isEqualTo(Integer.toString(size));
            assertThat(sized.body()).hasSize(size);
        }
    }

    @Test
    void aScriptThatIgnoresItsBodyStillAnswers() throws Exception {
        byte[] body = pattern(2_000_000);
        try (RawClient client = new RawClient(server.address())) {
            client.send("POST /cgi-bin/ignore.py HTTP/1.1\r\nHost: a\r\nContent-Length: " + body.length + "\r\n\r\n");
            Thread sender = new Thread(() -> {
                try {
                    client.send(body);
                } catch (java.io.IOException e) {
                    // the server may close once it has answered
                }
            });
            sender.start();
            RawResponse response = client.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("ignored\n");
            sender.join(5_000);
        }
    }

    @Test
    void aScriptIsNeverServedAsAFileButOtherFilesOfTheRouteAre() throws Exception {
        RawResponse response = exchange(Requests.get("/cgi-bin/pids/"));
        assertThat(response.status()).isIn(403, 404);
        assertThat(exchange(Requests.get("/cgi-bin/env.py")).bodyText()).doesNotContain("import os");
    }

    static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 251);
        }
        return bytes;
    }
}
