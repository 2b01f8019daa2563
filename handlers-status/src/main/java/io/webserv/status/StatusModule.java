package io.webserv.status;

import io.webserv.config.model.HandlerMount;
import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.spi.HandlerModule;
import io.webserv.handlers.spi.ModuleContext;

import java.time.Clock;
import java.util.Set;

/**
 * {@code handler: status}: the server's live counters at a route: a dashboard for browsers, JSON,
 * text, and Prometheus' format at {@code /metrics} below the route ({@link StatusHandler}), for the
 * clients the {@code allow} option lists (addresses or CIDR blocks; loopback only when not set).
 *
 * <pre>{@code
 * - path: /status
 *   handler: status
 *   handler_options: { allow: [127.0.0.1, "::1", 10.0.0.0/8] }
 * }</pre>
 */
public final class StatusModule implements HandlerModule {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public Set<String> options() {
        return Set.of("allow");
    }

    @Override
    public Handler create(RouteConfig route, HandlerMount mount, ModuleContext context) {
        return new StatusHandler(context.statistics(), AllowList.of(mount), Clock.systemUTC(), false);
    }
}
