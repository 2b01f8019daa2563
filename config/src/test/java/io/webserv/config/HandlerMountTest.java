package io.webserv.config;

import io.webserv.config.model.HandlerMount;
import io.webserv.config.model.RouteConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.webserv.config.ErrorReportingTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code handler} and {@code handler_options} on a route: a handler module mounted by name. */
class HandlerMountTest {

    private static RouteConfig onlyRoute(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, Path.of("conf", "webserv.yaml")).servers().get(0).routes().stream()
                .filter(r -> r.path().equals("/status")).findFirst().orElseThrow();
    }

    @Test
    void recordsTheModuleItsOptionsAndWhereItIsWritten() throws Exception {
        RouteConfig route = onlyRoute("""
                servers:
                  - listen: [8080]
                    root: /tmp
                    routes:
                      - path: /status
                        handler: status
                        handler_options: { format: text, allow: [127.0.0.1, "::1"], refresh: 5 }
                """);

        assertThat(route.handler()).contains(new HandlerMount("status",
                Map.of("format", List.of("text"), "allow", List.of("127.0.0.1", "::1"), "refresh", List.of("5")), 6, 18,
                Map.of("format", new HandlerMount.Position(7, 28), "allow", new HandlerMount.Position(7, 42),
                        "refresh", new HandlerMount.Position(7, 69))));
        assertThat(route.handler().orElseThrow().positionOf("allow")).isEqualTo(new HandlerMount.Position(7, 42));
        assertThat(route.handler().orElseThrow().positionOf("other")).isEqualTo(new HandlerMount.Position(6, 18));
        assertThat(route.handler().orElseThrow().option("format")).contains("text");
        assertThat(route.handler().orElseThrow().optionValues("allow")).containsExactly("127.0.0.1", "::1");
        assertThat(route.handler().orElseThrow().option("missing")).isEmpty();
    }

    @Test
    void aRouteWithoutOneHasNone() throws Exception {
        RouteConfig route = onlyRoute("""
                servers:
                  - listen: [8080]
                    root: /tmp
                    routes:
                      - path: /status
                """);

        assertThat(route.handler()).isEqualTo(Optional.empty());
    }

    @Test
    void reportsMisuseAtItsPosition() {
        assertThat(errors("""
                servers:
                  - listen: [8080]
                    root: /tmp
                    routes:
                      - path: /a
                        handler: Status!
                      - path: /b
                        handler_options: { x: 1 }
                      - path: /c
                        handler: status
                        cgi: { .py: /usr/bin/python3 }
                        redirect: { location: /d }
                      - path: /d
                        handler: status
                        handler_options: [x]
                """)).containsExactly(
                "conf/bad.yaml:6:18: invalid handler module name 'Status!' (expected lower-case letters, digits, '-' or '_', e.g. status)",
                "conf/bad.yaml:8:9: 'handler_options' needs a 'handler' on the same route",
                "conf/bad.yaml:11:9: 'cgi' cannot be combined with 'handler': the module answers every request of the route",
                "conf/bad.yaml:11:9: 'cgi' cannot be combined with 'redirect': the route only redirects",
                "conf/bad.yaml:12:9: 'redirect' cannot be combined with 'handler': the module answers every request of the route",
                "conf/bad.yaml:15:26: 'handler_options' must be a map (got a list)");
    }
}
