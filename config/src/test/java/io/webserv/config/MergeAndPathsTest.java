package io.webserv.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.webserv.config.model.AccessLog;
import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.config.model.WebservConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route settings merged with their server's (SPEC §2), and paths resolved against the file's directory. */
class MergeAndPathsTest {

    @TempDir
    Path dir;

    private static final String SITE = """
            servers:
              - root: site
                index: [home.html]
                autoindex: true
                client_max_body_size: 2m
                error_pages: { 404: /404.html, 500: /500.html }
                routes:
                  - path: /
                  - path: /files
                    root: /data/files
                    index: []
                    autoindex: false
                    client_max_body_size: 0
                    error_pages: { 404: /files/missing.html, 403: /files/403.html }
                  - path: /up
                    upload_dir: ../spool/up
                    cgi: { .py: bin/python, .pl: /usr/bin/perl, .sh: "" }
            access_log: logs/access.log
            """;

    private WebservConfig load() throws Exception {
        Path conf = Files.createDirectories(dir.resolve("etc"));
        Path file = conf.resolve("webserv.yaml");
        Files.writeString(file, SITE);
        return ConfigLoader.load(file);
    }

    @Test
    void aRouteInheritsWhatItDoesNotSet() throws Exception {
        RouteConfig root = load().servers().get(0).routes().get(0);

        assertThat(root.root()).isEqualTo(dir.resolve("etc/site"));
        assertThat(root.rootReplacesPrefix()).as("nginx root: the whole path is appended").isFalse();
        assertThat(root.index()).containsExactly("home.html");
        assertThat(root.autoindex()).isTrue();
        assertThat(root.clientMaxBodySize()).isEqualTo(2 * 1024 * 1024);
        assertThat(root.errorPages()).isEqualTo(Map.of(404, "/404.html", 500, "/500.html"));
    }

    @Test
    void aRouteOverridesWhatItSetsAndErrorPagesMergePerStatus() throws Exception {
        ServerConfig server = load().servers().get(0);
        RouteConfig files = server.routes().get(1);

        assertThat(files.root()).isEqualTo(Path.of("/data/files"));
        assertThat(files.rootReplacesPrefix()).as("nginx alias: the prefix is replaced").isTrue();
        assertThat(files.index()).isEmpty();
        assertThat(files.autoindex()).isFalse();
        assertThat(files.clientMaxBodySize()).as("0 = unlimited").isZero();
        assertThat(files.errorPages()).isEqualTo(Map.of(404, "/files/missing.html", 403, "/files/403.html",
                500, "/500.html"));
        assertThat(server.errorPages()).as("the server keeps its own").isEqualTo(Map.of(404, "/404.html",
                500, "/500.html"));
    }

    @Test
    void relativePathsResolveAgainstTheFilesDirectory() throws Exception {
        WebservConfig config = load();
        RouteConfig up = config.servers().get(0).routes().get(2);

        assertThat(up.root()).isEqualTo(dir.resolve("etc/site"));
        assertThat(up.uploadDir()).contains(dir.resolve("spool/up"));
        assertThat(up.cgi()).isEqualTo(Map.of(".py", dir.resolve("etc/bin/python").toString(), ".pl", "/usr/bin/perl",
                ".sh", ""));
        assertThat(config.accessLog()).isEqualTo(AccessLog.file(dir.resolve("etc/logs/access.log")));
    }

    @Test
    void aRelativeFileNameResolvesAgainstTheWorkingDirectory() throws Exception {
        WebservConfig config = ConfigLoader.parse("servers: [{ root: www }]", Path.of("webserv.yaml"));

        assertThat(config.servers().get(0).routes().get(0).root())
                .isEqualTo(Path.of("").toAbsolutePath().resolve("www"));
    }

    @Test
    void theModelIsImmutable() throws Exception {
        WebservConfig config = load();
        RouteConfig route = config.servers().get(0).routes().get(1);

        for (Runnable change : List.<Runnable>of(() -> config.servers().clear(), () -> route.methods().clear(),
                () -> route.errorPages().clear(), () -> route.index().clear(), () -> config.mimeTypes().clear())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(change::run)
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
