package io.webserv.handlers.errors;

import io.webserv.config.model.ListenAddress;
import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which error_pages map applies: the route's merged one on its own paths, the server's otherwise. */
class ErrorPagesTest {

    private static final Path ROOT = Path.of("/srv/www");
    private final RouteConfig app = new RouteConfig("/app", RouteConfig.DEFAULT_METHODS, ROOT, false, List.of(), false, 0,
            Map.of(404, "/app/404.html", 500, "/50x.html"), Optional.empty(), Optional.empty(), Map.of());
    private final ServerConfig server = new ServerConfig(List.of(ListenAddress.anyHost(8080)), List.of(),
            Map.of(500, "/50x.html"), List.of(app));

    @Test
    void theRoutesMergedPagesOnItsPaths() {
        assertThat(ErrorPages.pagesFor(app, server, "/app")).containsEntry(404, "/app/404.html");
        assertThat(ErrorPages.pagesFor(app, server, "/app/x/y")).containsEntry(404, "/app/404.html");
    }

    @Test
    void theServersOwnWhenTheRequestMatchedNoRoute() {
        // the router hands a stand-in route to a request no route matched
        assertThat(ErrorPages.pagesFor(app, server, "/elsewhere")).isEqualTo(Map.of(500, "/50x.html"));
        assertThat(ErrorPages.pagesFor(app, server, "/appx")).doesNotContainKey(404);
        assertThat(ErrorPages.pagesFor(null, server, "/app")).isEqualTo(Map.of(500, "/50x.html"));
    }
}
