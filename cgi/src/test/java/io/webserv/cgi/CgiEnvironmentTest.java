package io.webserv.cgi;

import io.webserv.config.model.RouteConfig;
import io.webserv.http.message.HttpHeaders;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class CgiEnvironmentTest {

    static final RouteConfig ROUTE = new RouteConfig("/cgi-bin", Set.of("GET", "HEAD", "POST"), Path.of("/srv/cgi-bin"),
            true, List.of(), false, 1024, Map.of(), Optional.empty(), Optional.empty(), Map.of(".py", "/usr/bin/python3"));
    static final CgiScript SCRIPT = new CgiScript(Path.of("/srv/cgi-bin/script.py"), "/cgi-bin/script.py",
            "/extra/path", "/usr/bin/python3");

    static CgiRequest request(String method, String query, HttpHeaders headers, long bodyLength) {
        return new CgiRequest(method, "HTTP/1.1", "/cgi-bin/script.py/extra/path", query,
                "/cgi-bin/script.py/extra/path" + (query.isEmpty() ? "" : "?" + query), headers.freeze(), bodyLength,
                "example.com", 8080, "192.0.2.7", 54321, ROUTE);
    }

    @Test
    void setsEveryRfc3875Variable() {
        HttpHeaders headers = new HttpHeaders().add("Host", "example.com:8080").add("User-Agent", "curl/8");
        Map<String, String> env = CgiEnvironment.of(request("GET", "x=1&y=%20", headers, 0), SCRIPT, -1, "/bin:/usr/bin");

        assertThat(env).containsOnly(
                entry("PATH", "/bin:/usr/bin"),
                entry("GATEWAY_INTERFACE", "CGI/1.1"),
                entry("SERVER_SOFTWARE", "webserv"),
                entry("SERVER_PROTOCOL", "HTTP/1.1"),
                entry("SERVER_NAME", "example.com"),
                entry("SERVER_PORT", "8080"),
                entry("REQUEST_METHOD", "GET"),
                entry("REQUEST_URI", "/cgi-bin/script.py/extra/path?x=1&y=%20"),
                entry("SCRIPT_NAME", "/cgi-bin/script.py"),
                entry("SCRIPT_FILENAME", "/srv/cgi-bin/script.py"),
                entry("DOCUMENT_ROOT", "/srv/cgi-bin"),
                entry("PATH_INFO", "/extra/path"),
                entry("PATH_TRANSLATED", "/srv/cgi-bin/extra/path"),
                entry("QUERY_STRING", "x=1&y=%20"),
                entry("REMOTE_ADDR", "192.0.2.7"),
                entry("REMOTE_PORT", "54321"),
                entry("REDIRECT_STATUS", "200"),
                entry("HTTP_HOST", "example.com:8080"),
                entry("HTTP_USER_AGENT", "curl/8"));
    }

    /** A client named by X-Forwarded-For has no port: REMOTE_PORT is empty, as nginx's $remote_port is then. */
    @Test
    void anUnknownClientPortLeavesRemotePortEmpty() {
        CgiRequest known = request("GET", "", new HttpHeaders(), 0);
        CgiRequest unknownPort = new CgiRequest(known.method(), known.protocol(), known.path(), known.query(),
                known.requestUri(), known.headers(), known.bodyLength(), known.serverName(), known.serverPort(),
                "203.0.113.7", 0, known.route());
        assertThat(CgiEnvironment.of(unknownPort, SCRIPT, -1, null))
                .containsEntry("REMOTE_ADDR", "203.0.113.7").containsEntry("REMOTE_PORT", "");
    }

    @Test
    void withoutPathInfoPathTranslatedIsUnsetAndQueryStringEmpty() {
        CgiScript bare = new CgiScript(SCRIPT.file(), SCRIPT.scriptName(), "", SCRIPT.interpreter());
        Map<String, String> env = CgiEnvironment.of(request("GET", "", new HttpHeaders(), 0), bare, -1, null);

        assertThat(env).containsEntry("PATH_INFO", "").containsEntry("QUERY_STRING", "")
                .containsEntry("PATH", CgiEnvironment.DEFAULT_PATH).doesNotContainKey("PATH_TRANSLATED");
    }

    @Test
    void contentVariablesOnlyWithABody() {
        HttpHeaders headers = new HttpHeaders().add("Content-Type", "text/plain").add("Content-Length", "5");
        Map<String, String> none = CgiEnvironment.of(request("GET", "", headers, 0), SCRIPT, -1, null);
        assertThat(none).doesNotContainKeys("CONTENT_LENGTH", "CONTENT_TYPE", "HTTP_CONTENT_LENGTH", "HTTP_CONTENT_TYPE");

        Map<String, String> body = CgiEnvironment.of(request("POST", "", headers, 5), SCRIPT, 5, null);
        assertThat(body).containsEntry("CONTENT_LENGTH", "5").containsEntry("CONTENT_TYPE", "text/plain")
                .doesNotContainKeys("HTTP_CONTENT_LENGTH", "HTTP_CONTENT_TYPE");
    }

    @Test
    void aChunkedBodyGetsItsRealLengthAndNoTransferEncoding() {
        HttpHeaders headers = new HttpHeaders().add("Transfer-Encoding", "chunked");
        Map<String, String> env = CgiEnvironment.of(request("POST", "", headers, -1), SCRIPT, 1234, null);

        assertThat(env).containsEntry("CONTENT_LENGTH", "1234").doesNotContainKeys("CONTENT_TYPE", "HTTP_TRANSFER_ENCODING");
    }

    @Test
    void neverHttpProxy() {
        HttpHeaders headers = new HttpHeaders().add("Proxy", "http://evil.example:3128")
                .add("Proxy-Authorization", "Basic eA==").add("Authorization", "Basic dTpw");
        Map<String, String> env = CgiEnvironment.of(request("GET", "", headers, 0), SCRIPT, -1, null);

        assertThat(env).doesNotContainKeys("HTTP_PROXY", "HTTP_PROXY_AUTHORIZATION")
                .containsEntry("HTTP_AUTHORIZATION", "Basic dTpw");
    }

    @Test
    void repeatedFieldsAreJoinedCookiesWithSemicolons() {
        HttpHeaders headers = new HttpHeaders().add("Accept", "text/html").add("accept", "*/*")
                .add("Cookie", "a=1").add("Cookie", "b=2");
        Map<String, String> env = CgiEnvironment.of(request("GET", "", headers, 0), SCRIPT, -1, null);

        assertThat(env).containsEntry("HTTP_ACCEPT", "text/html, */*").containsEntry("HTTP_COOKIE", "a=1; b=2");
    }

    @Test
    void namesThatDoNotMapCleanlyAreDropped() {
        HttpHeaders headers = new HttpHeaders().add("X-Forwarded-For", "10.0.0.1").add("X_Forwarded_For", "6.6.6.6")
                .add("X.Dot", "1").add("x-lower-9", "ok");
        Map<String, String> env = CgiEnvironment.of(request("GET", "", headers, 0), SCRIPT, -1, null);

        assertThat(env).containsEntry("HTTP_X_FORWARDED_FOR", "10.0.0.1").containsEntry("HTTP_X_LOWER_9", "ok")
                .doesNotContainKey("HTTP_X.DOT");
        assertThat(CgiEnvironment.variableName("Content_Type")).isNull();
    }

    @Test
    void pathTranslatedJoinsARootWithATrailingSlash() {
        RouteConfig slash = new RouteConfig("/", Set.of("GET"), Path.of("/"), false, List.of(), false, 0, Map.of(),
                Optional.empty(), Optional.empty(), Map.of(".py", ""));
        CgiRequest request = new CgiRequest("GET", "HTTP/1.0", "/a.py/x", "", "/a.py/x", new HttpHeaders().freeze(), 0,
                "localhost", 80, "::1", 1, slash);
        CgiScript script = new CgiScript(Path.of("/a.py"), "/a.py", "/x", "");

        assertThat(CgiEnvironment.of(request, script, -1, null)).containsEntry("PATH_TRANSLATED", "/x")
                .containsEntry("SERVER_PROTOCOL", "HTTP/1.0").containsEntry("REMOTE_ADDR", "::1");
    }
}
