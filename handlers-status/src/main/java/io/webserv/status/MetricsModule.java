package io.webserv.status;

import io.webserv.config.model.HandlerMount;
import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.spi.HandlerModule;
import io.webserv.handlers.spi.ModuleContext;

import java.time.Clock;
import java.util.Set;

/**
 * {@code handler: metrics}: the server's metrics in Prometheus' text format at a route of its own,
 * where Prometheus looks by default; the same as the status route's {@code /metrics}, with the same
 * {@code allow} option (loopback only when not set).
 *
 * <pre>{@code
 * - path: /metrics
 *   handler: metrics
 *   handler_options: { allow: [127.0.0.1, 10.0.0.0/8] }
 * }</pre>
 */
public final class MetricsModule implements HandlerModule {

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public Set<String> options() {
        return Set.of("allow");
    }

    @Override
    public Handler create(RouteConfig route, HandlerMount mount, ModuleContext context) {
        return new StatusHandler(context.statistics(), AllowList.of(mount), Clock.systemUTC(), true);
    }
}
