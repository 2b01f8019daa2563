package io.webserv.handlers.errors;

import io.webserv.config.model.ListenAddress;
import io.webserv.config.model.Redirect;
import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.handlers.files.MimeTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Error page URI → file on a real tree: the server's routes, root and alias, containment, limits. */
class ErrorPageFilesTest {

    @TempDir
    Path temp;
    private Path www;
    private Path other;
    private ServerConfig server;
    private final ErrorPageFiles files = new ErrorPageFiles(MimeTypes.builtIn());

    @BeforeEach
    void tree() throws IOException {
        www = Files.createDirectories(temp.resolve("www"));
        other = Files.createDirectories(temp.resolve("other"));
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createDirectories(www.resolve("errors/dir.html"));
        Files.writeString(www.resolve("errors/404.html"), "<h1>custom 404</h1>");
        Files.writeString(www.resolve("errors/plain.txt"), "plain");
        Files.writeString(www.resolve("errors/not found.html"), "spaced");
        Files.writeString(other.resolve("50x.html"), "from the alias");
        Files.writeString(outside.resolve("secret.html"), "secret");
        Files.createSymbolicLink(www.resolve("errors/leak.html"), outside.resolve("secret.html"));
        Files.write(www.resolve("errors/huge.html"), new byte[ErrorPageFiles.MAX_PAGE_BYTES + 1]);
        Files.write(www.resolve("errors/max.html"), new byte[ErrorPageFiles.MAX_PAGE_BYTES]);
        server = new ServerConfig(List.of(new ListenAddress("127.0.0.1", 8080)), List.of(), List.of(
                RouteConfig.serving("/", www),
                route("/alias", other, Optional.empty()),
                route("/moved", www, Optional.of(new Redirect(301, "/errors/404.html")))));
    }

    private static RouteConfig route(String path, Path root, Optional<Redirect> redirect) {
        return new RouteConfig(path, RouteConfig.DEFAULT_METHODS, root, true, List.of(), false, 0, Map.of(),
                redirect, Optional.empty(), Map.of());
    }

    private String body(String uri) {
        return new String(files.load(server, uri).orElseThrow().body(), StandardCharsets.UTF_8);
    }

    @Test
    void readsThePageUnderTheRootOfItsRoute() {
        ErrorPageFiles.Page page = files.load(server, "/errors/404.html").orElseThrow();

        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<h1>custom 404</h1>");
        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
    }

    @Test
    void theTypeComesFromTheName() {
        assertThat(files.load(server, "/errors/plain.txt").orElseThrow().contentType()).startsWith("text/plain");
    }

    @Test
    void anAliasRouteReplacesItsPrefix() {
        assertThat(ErrorPageFiles.locate(server, "/alias/50x.html").orElseThrow().file()).isEqualTo(other.resolve("50x.html"));
        assertThat(body("/alias/50x.html")).isEqualTo("from the alias");
    }

    @Test
    void theUriIsDecodedAndItsQueryIgnored() {
        assertThat(body("/errors/not%20found.html")).isEqualTo("spaced");
        assertThat(body("/errors/404.html?from=config#top")).isEqualTo("<h1>custom 404</h1>");
    }

    @Test
    void routesMatchOnSegmentBoundaries() {
        assertThat(ErrorPageFiles.locate(server, "/aliasx/50x.html").orElseThrow().file())
                .isEqualTo(www.resolve("aliasx/50x.html")); // the route "/", not "/alias"
    }

    @Test
    void noPageForWhatCannotBeServed() {
        assertThat(files.load(server, "/errors/missing.html")).isEmpty();
        assertThat(files.load(server, "/errors/dir.html")).isEmpty();
        assertThat(files.load(server, "/errors/leak.html")).isEmpty();
        assertThat(files.load(server, "/moved/anything.html")).isEmpty();
        assertThat(files.load(server, "/errors/%2e%2e/%2e%2e/outside/secret.html")).isEmpty();
        assertThat(files.load(server, "/errors/bad%zz.html")).isEmpty();
    }

    @Test
    void aPageOverTheLimitIsNotRead() {
        assertThat(files.load(server, "/errors/huge.html")).isEmpty();
        assertThat(files.load(server, "/errors/max.html").orElseThrow().body()).hasSize(ErrorPageFiles.MAX_PAGE_BYTES);
    }
}
