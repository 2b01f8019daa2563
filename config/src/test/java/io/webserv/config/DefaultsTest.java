package io.webserv.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webserv.config.model.AccessLog;
import io.webserv.config.model.IoOptions;
import io.webserv.config.model.Limits;
import io.webserv.config.model.ListenAddress;
import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.config.model.Timeouts;
import io.webserv.config.model.WebservConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a minimal file means: every default of SPEC §2. */
class DefaultsTest {

    private static final Path FILE = Path.of("/etc/webserv/webserv.yaml");

    @Test
    void aServerWithOnlyARootGetsEveryDefault() throws Exception {
        WebservConfig config = ConfigLoader.parse("servers:\n  - root: www\n", FILE);

        Path www = Path.of("/etc/webserv/www");
        assertThat(config).isEqualTo(new WebservConfig(1, 10_000, Timeouts.DEFAULTS, Limits.DEFAULTS, AccessLog.STDOUT,
                Map.of(), IoOptions.DEFAULTS, List.of(new ServerConfig(List.of(new ListenAddress(null, 8080)), List.of(),
                        Map.of(), List.of(RouteConfig.serving("/", www))))));
        assertThat(config).isEqualTo(WebservConfig.defaults(www));
    }

    @Test
    void theDefaultsAreThoseSpecShows() {
        assertThat(Timeouts.DEFAULTS).isEqualTo(new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(75), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ZERO));
        assertThat(Limits.DEFAULTS).isEqualTo(new Limits(16_384, 8_192));
        RouteConfig route = RouteConfig.serving("/", Path.of("/srv"));
        assertThat(route.methods()).containsExactly("GET", "HEAD");
        assertThat(route.index()).containsExactly("index.html");
        assertThat(route.autoindex()).isFalse();
        assertThat(route.clientMaxBodySize()).isEqualTo(1024 * 1024);
        assertThat(route.rootReplacesPrefix()).isFalse();
        assertThat(route.errorPages()).isEmpty();
        assertThat(route.redirect()).isEmpty();
        assertThat(route.uploadDir()).isEmpty();
        assertThat(route.cgi()).isEmpty();
    }

    @Test
    void aRouteWithoutSettingsTakesTheDefaultsAndItsServersRoot() throws Exception {
        RouteConfig route = ConfigLoader.parse("servers:\n  - root: /srv\n    routes:\n      - path: /docs/\n", FILE)
                .servers().get(0).routes().get(0);

        assertThat(route).isEqualTo(new RouteConfig("/docs", RouteConfig.DEFAULT_METHODS, Path.of("/srv"), false,
                List.of("index.html"), false, 1024 * 1024, Map.of(), Optional.empty(), Optional.empty(), Map.of()));
    }

    @Test
    void globalKeysAreBound() throws Exception {
        WebservConfig config = ConfigLoader.parse("""
                workers: auto
                max_connections: 500
                timeouts: { header: 500ms, keep_alive: 1h, shutdown: 0s, drain: 5s }
                limits: { header_bytes: 4k }
                access_log: off
                mime_types: { WASM: application/wasm, md: "text/markdown; charset=utf-8" }
                io: { write: on_ready, file_cache: false, send_buffer: 256k }
                servers: [{ root: /srv }]
                """, FILE);

        assertThat(config.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.maxConnections()).isEqualTo(500);
        assertThat(config.timeouts()).isEqualTo(new Timeouts(Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(5)));
        assertThat(config.limits()).as("uri_bytes shrinks to a smaller header_bytes").isEqualTo(new Limits(4096, 4096));
        assertThat(config.accessLog()).isEqualTo(AccessLog.OFF);
        assertThat(config.mimeTypes()).isEqualTo(Map.of("wasm", "application/wasm", "md", "text/markdown; charset=utf-8"));
        assertThat(config.io().write()).isEqualTo(IoOptions.WriteMode.ON_READY);
        assertThat(config.io().fileCache()).isFalse();
        assertThat(config.io().sendBuffer()).isEqualTo(new IoOptions.SendBuffer(IoOptions.SendBuffer.Kind.FIXED, 256 * 1024));
        assertThat(ConfigLoader.parse("io: { send_buffer: kernel }\nservers: [{ root: /srv }]", FILE).io().sendBuffer())
                .isEqualTo(IoOptions.SendBuffer.KERNEL);
        assertThat(ConfigLoader.parse("servers: [{ root: /srv }]", FILE).io().sendBuffer()).isEqualTo(IoOptions.SendBuffer.AUTO);
    }

    @Test
    void pidFileResolvesAgainstTheFilesDirectoryAndIsOptional() throws Exception {
        assertThat(ConfigLoader.parse("pid_file: run/webserv.pid\nservers: [{ root: /srv }]", FILE).pidFile())
                .hasValue(Path.of("/etc/webserv/run/webserv.pid"));
        assertThat(ConfigLoader.parse("pid_file: /run/webserv.pid\nservers: [{ root: /srv }]", FILE).pidFile())
                .hasValue(Path.of("/run/webserv.pid"));
        assertThat(ConfigLoader.parse("servers: [{ root: /srv }]", FILE).pidFile()).isEmpty();
        assertThatThrownBy(() -> ConfigLoader.parse("pid_file: [a, b]\nservers: [{ root: /srv }]", FILE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("1:11: 'pid_file' must be a string");
    }

    @Test
    void listenTakesASingleValueAndEveryForm() throws Exception {
        ServerConfig one = ConfigLoader.parse("servers: [{ root: /srv, listen: 80, server_names: Example.COM }]", FILE)
                .servers().get(0);
        assertThat(one.listen()).containsExactly(new ListenAddress(null, 80));
        assertThat(one.serverNames()).containsExactly("example.com");

        ServerConfig many = ConfigLoader.parse("""
                servers:
                  - root: /srv
                    listen: ["*:80", "0.0.0.0:81", "localhost:82", "[::]:83", "[FE80::1%eth0]:84", "8085"]
                """, FILE).servers().get(0);
        assertThat(many.listen()).containsExactly(new ListenAddress(null, 80), new ListenAddress("0.0.0.0", 81),
                new ListenAddress("localhost", 82), new ListenAddress("::", 83), new ListenAddress("fe80::1%eth0", 84),
                new ListenAddress(null, 8085));
        assertThat(many.listen()).extracting(ListenAddress::toString)
                .containsExactly("*:80", "0.0.0.0:81", "localhost:82", "[::]:83", "[fe80::1%eth0]:84", "*:8085");
    }

    @Test
    void methodsGetTheirCanonicalOrderAndGetBringsHead() throws Exception {
        RouteConfig route = ConfigLoader.parse("""
                servers:
                  - root: /srv
                    routes:
                      - { path: /a, methods: [DELETE, GET, OPTIONS, PUT] }
                      - { path: /b, methods: POST }
                      - { path: /c, methods: [HEAD] }
                """, FILE).servers().get(0).routes().get(0);
        assertThat(route.methods()).containsExactly("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
        assertThat(route.allows("HEAD")).isTrue();
        assertThat(route.allows("POST")).isFalse();
    }

    @Test
    void aRedirectWithoutStatusIs302() throws Exception {
        RouteConfig route = ConfigLoader.parse("""
                servers:
                  - root: /srv
                    routes:
                      - { path: /old, redirect: { location: "https://example.com/new?a=1" } }
                """, FILE).servers().get(0).routes().get(0);
        assertThat(route.redirect()).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.location()).isEqualTo("https://example.com/new?a=1");
        });
    }

    @Test
    void documentMarkersAndAnEmptyTrailingDocumentAreAccepted() throws Exception {
        for (String yaml : List.of("---\nservers: [{ root: /srv }]\n", "servers: [{ root: /srv }]\n...\n",
                "servers: [{ root: /srv }]\n---\n", "\uFEFFservers: [{ root: /srv }]\r\n")) {
            assertThat(ConfigLoader.parse(yaml, FILE).servers()).as(yaml).hasSize(1);
        }
    }
}
