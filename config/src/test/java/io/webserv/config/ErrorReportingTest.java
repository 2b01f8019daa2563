package io.webserv.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem of a file is reported at once, each as {@code file:line:column: message}. */
class ErrorReportingTest {

    private static final Path FILE = Path.of("conf", "bad.yaml");

    static List<String> errors(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, FILE));
        assertThat(e).as("expected a ConfigException").isNotNull();
        assertThat(e.getMessage()).isEqualTo(String.join("\n", e.errors().stream().map(ConfigError::toString).toList()));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void aBadFileReportsEveryProblemWithItsPosition() {
        String yaml = """
                workers: zero
                timeouts:
                  header: 10
                  body: 30x
                  keep_alive: 0s
                  idle: 5s
                limits: [16k]
                access_log: on
                servers:
                  - listen: [70000, "127.0.0.1:", "::1:80"]
                    server_names: [example.com, "bad name"]
                    root: www
                    client_max_body_size: -1
                    autoindex: maybe
                    error_pages:
                      404: errors/404.html
                      700: /x.html
                    routes:
                      - path: images
                      - path: /up
                        methods: [GET, PATCH]
                        redirect: { status: 200, location: /new }
                      - path: /up/
                        root: up
                """;

        assertThat(errors(yaml)).containsExactly(
                "conf/bad.yaml:1:10: 'workers' must be an integer from 1 to 1024 or 'auto' (got 'zero')",
                "conf/bad.yaml:3:11: invalid duration for 'header': '10' (missing unit; expected digits and a unit "
                        + "ms, s, m or h, e.g. 500ms, 10s, 5m)",
                "conf/bad.yaml:4:9: invalid duration for 'body': '30x' (expected digits and a unit ms, s, m or h, "
                        + "e.g. 500ms, 10s, 5m)",
                "conf/bad.yaml:5:15: 'keep_alive' must be longer than 0",
                "conf/bad.yaml:6:3: unknown key 'idle' (expected one of: header, body, keep_alive, send, cgi, shutdown, drain)",
                "conf/bad.yaml:7:9: 'limits' must be a map (got a list)",
                "conf/bad.yaml:8:13: 'access_log' must be stdout, off or a file path (got a boolean)",
                "conf/bad.yaml:10:14: invalid address for 'listen': '70000' (port must be from 1 to 65535; expected "
                        + "port, host:port or [ipv6]:port, e.g. 8080, 127.0.0.1:8080, [::1]:8080)",
                "conf/bad.yaml:10:21: invalid address for 'listen': '127.0.0.1:' (missing port; expected port, "
                        + "host:port or [ipv6]:port, e.g. 8080, 127.0.0.1:8080, [::1]:8080)",
                "conf/bad.yaml:10:35: invalid address for 'listen': '::1:80' (an IPv6 address needs brackets, "
                        + "e.g. [::1]:8080; expected port, host:port or [ipv6]:port, e.g. 8080, 127.0.0.1:8080, [::1]:8080)",
                "conf/bad.yaml:11:33: invalid server name 'bad name' (expected a host name without port, e.g. example.com)",
                "conf/bad.yaml:13:27: invalid size for 'client_max_body_size': '-1' (expected digits with an optional "
                        + "unit k, m or g, e.g. 512, 8k, 1m)",
                "conf/bad.yaml:14:16: 'autoindex' must be true or false (got a string)",
                "conf/bad.yaml:16:12: error page 'errors/404.html' must be a path on this server, starting with '/'",
                "conf/bad.yaml:17:7: error_pages key must be a status code from 300 to 599 (got '700')",
                "conf/bad.yaml:19:15: invalid route path 'images' (expected an absolute path without '//', '.' or "
                        + "'..' segments, e.g. /images)",
                "conf/bad.yaml:21:24: unknown method 'PATCH' (expected some of: GET, HEAD, POST, PUT, DELETE, OPTIONS)",
                "conf/bad.yaml:22:29: 'status' must be 301, 302, 303, 307 or 308 (got '200')",
                "conf/bad.yaml:23:15: duplicate route path '/up' (first at 20:15)");
    }

    @Test
    void aYamlSyntaxErrorHasTheLineAndColumnOfTheProblem() {
        assertThat(errors("""
                servers:
                  - listen: [8080, 8081
                    root: www
                """)).containsExactly("conf/bad.yaml:3:9: YAML syntax error: expected ',' or ']', but got : "
                + "(while parsing a flow sequence)");
        assertThat(errors("servers:\n  - root: \"www\n")).containsExactly(
                "conf/bad.yaml:3:1: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)");
        assertThat(errors("servers:\n\t- root: www\n")).singleElement().asString()
                .startsWith("conf/bad.yaml:2:1: YAML syntax error: found character '\\t(TAB)' that cannot start any token");
    }

    @Test
    void unknownKeysAreErrorsThatListTheKnownOnes() {
        assertThat(errors("""
                worker: 2
                servers:
                  - root: www
                    roots: www
                    routes:
                      - path: /
                        uplod_dir: up
                """)).containsExactly(
                "conf/bad.yaml:1:1: unknown key 'worker' (expected one of: workers, max_connections, timeouts, limits, "
                        + "access_log, mime_types, io, real_ip, servers, pid_file)",
                "conf/bad.yaml:4:5: unknown key 'roots' (expected one of: listen, server_names, root, index, autoindex, "
                        + "client_max_body_size, error_pages, routes)",
                "conf/bad.yaml:7:9: unknown key 'uplod_dir' (expected one of: path, methods, root, index, autoindex, "
                        + "client_max_body_size, error_pages, redirect, upload_dir, cgi, handler, handler_options)");
    }

    @Test
    void duplicateKeysAreErrorsAtTheSecondOccurrence() {
        assertThat(errors("""
                workers: 2
                servers:
                  - root: www
                    error_pages:
                      404: /a.html
                      404: /b.html
                workers: 3
                """)).containsExactly(
                "conf/bad.yaml:6:7: duplicate key '404' (first at 5:7)",
                "conf/bad.yaml:7:1: duplicate key 'workers' (first at 1:1)");
    }

    @Test
    void sendBufferIsAutoKernelOrASizeInRange() {
        assertThat(errors("io: { send_buffer: lots }\nservers: [{ root: www }]")).containsExactly(
                "conf/bad.yaml:1:20: invalid send buffer for 'send_buffer': 'lots' (expected auto, kernel or a size such as 128k)");
        assertThat(errors("io: { send_buffer: 1k }\nservers: [{ root: www }]")).containsExactly(
                "conf/bad.yaml:1:20: 'send_buffer' must be from 4096 to 67108864 bytes");
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndWhatWasFound() {
        assertThat(errors("""
                timeouts: 10s
                mime_types: [wasm]
                io: { write: fast, file_cache: maybe }
                servers:
                  root: www
                """)).containsExactly(
                "conf/bad.yaml:1:11: 'timeouts' must be a map (got a string)",
                "conf/bad.yaml:2:13: 'mime_types' must be a map (got a list)",
                "conf/bad.yaml:3:14: 'write' must be eager or on_ready (got 'fast')",
                "conf/bad.yaml:3:32: 'file_cache' must be true or false (got a string)",
                "conf/bad.yaml:5:3: 'servers' must be a list (got a map)");
        assertThat(errors("""
                servers:
                  - root: [www]
                    index: { a: b }
                    routes: /
                """)).containsExactly(
                "conf/bad.yaml:2:11: 'root' must be a string (got a list)",
                "conf/bad.yaml:3:12: 'index' must be a list or a single value (got a map)",
                "conf/bad.yaml:4:13: 'routes' must be a list (got a string)");
    }

    @Test
    void aBadValueDoesNotCascadeIntoMoreErrors() {
        assertThat(errors("""
                servers:
                  -
                  - root: [www]
                    routes:
                      - path: /a
                      - 17
                """)).containsExactly(
                "conf/bad.yaml:2:4: each entry of 'servers' must be a map (got an empty value)",
                "conf/bad.yaml:3:11: 'root' must be a string (got a list)",
                "conf/bad.yaml:6:9: each entry of 'routes' must be a map (got a number)");
    }

    @Test
    void theShapeOfTheDocumentIsChecked() {
        assertThat(errors("")).containsExactly(
                "conf/bad.yaml:1:1: the configuration is empty: at least one server is required");
        assertThat(errors("# nothing but a comment\n")).containsExactly(
                "conf/bad.yaml:1:1: the configuration is empty: at least one server is required");
        assertThat(errors("- a\n- b\n")).containsExactly(
                "conf/bad.yaml:1:1: the configuration must be a map of keys (got a list)");
        assertThat(errors("workers: 2\n")).containsExactly(
                "conf/bad.yaml:1:1: missing key 'servers': at least one server is required");
        assertThat(errors("servers: []\n")).containsExactly(
                "conf/bad.yaml:1:10: 'servers' must list at least one server");
        assertThat(errors("servers: [{root: www}]\n---\nworkers: 2\n")).containsExactly(
                "conf/bad.yaml:3:1: only one YAML document is allowed in a configuration file");
        assertThat(errors("""
                servers:
                  - &site
                    root: www
                  - *site
                """)).containsExactly("conf/bad.yaml:4:5: YAML aliases are not supported (*site): write the value out");
    }

    @Test
    void routesAreCheckedAgainstTheirServer() {
        assertThat(errors("""
                servers:
                  - listen: [8080, 8080]
                    server_names: [a.example, A.example]
                    routes:
                      - path: /files
                      - methods: [GET]
                      - path: /old
                        redirect: { status: 301 }
                      - path: /new
                        root: /srv/new
                        redirect: { location: /x }
                        upload_dir: up
                        methods: []
                  - root: www
                    routes: []
                  - listen: 9090
                """)).containsExactly(
                "conf/bad.yaml:2:20: duplicate listen address *:8080 (first at 2:14)",
                "conf/bad.yaml:3:31: duplicate server name 'a.example' (first at 3:20)",
                "conf/bad.yaml:5:15: route '/files' has no root: set 'root' on the route or on its server",
                "conf/bad.yaml:6:9: a route needs a 'path'",
                "conf/bad.yaml:7:15: route '/old' has no root: set 'root' on the route or on its server",
                "conf/bad.yaml:8:19: 'redirect' needs a 'location'",
                "conf/bad.yaml:12:9: 'upload_dir' cannot be combined with 'redirect': the route only redirects",
                "conf/bad.yaml:13:18: 'methods' must list at least one method",
                "conf/bad.yaml:16:5: a server without routes needs a 'root'");
    }

    @Test
    void aFileThatCannotBeReadIsOneErrorWithoutAPosition(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(missing)).isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void aFileThatIsNotUtf8IsReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> ConfigLoader.load(file)).hasMessage(file + ": not UTF-8 text");
    }
}
