package io.webserv.status;

import io.webserv.config.model.HandlerMount;
import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.spi.HandlerModule;
import io.webserv.handlers.spi.ModuleContext;
import io.webserv.http.syntax.AddressRange;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * {@code handler: status}: the server's live counters at a route, for the clients the {@code allow}
 * option lists (addresses or CIDR blocks; loopback only when not set).
 *
 * <pre>{@code
 * - path: /status
 *   handler: status
 *   handler_options: { allow: [127.0.0.1, "::1", 10.0.0.0/8] }
 * }</pre>
 */
public final class StatusModule implements HandlerModule {

    /** Loopback in both families, as nginx's stub_status is usually guarded. */
    static final List<String> DEFAULT_ALLOW = List.of("127.0.0.0/8", "::1");

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
        List<String> allow = mount.optionValues("allow");
        List<AddressRange> ranges = (allow.isEmpty() ? DEFAULT_ALLOW : allow).stream().map(text -> {
            try {
                return AddressRange.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("option 'allow': " + e.getMessage(), e);
            }
        }).toList();
        return new StatusHandler(context.statistics(), ranges, Clock.systemUTC());
    }
}
