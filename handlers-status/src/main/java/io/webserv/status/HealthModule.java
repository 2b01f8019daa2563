package io.webserv.status;

import io.webserv.config.model.HandlerMount;
import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.spi.HandlerModule;
import io.webserv.handlers.spi.ModuleContext;

import java.util.Set;

/**
 * {@code handler: health}: what a load balancer's health check asks. {@code 200 ok} while the server
 * serves, {@code 503 draining} from the moment it is asked to stop, so the balancer takes it out of
 * rotation while its listeners are still open ({@code timeouts.drain}).
 *
 * <pre>{@code
 * - path: /healthz
 *   handler: health
 * }</pre>
 *
 * <p>No options, and no allow-list: every balancer must reach it, and it tells nothing but those two
 * words. To keep it off the public side, mount it on a server that listens on an internal address
 * only (HAProxy's {@code check port}).
 */
public final class HealthModule implements HandlerModule {

    @Override
    public String name() {
        return "health";
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public Handler create(RouteConfig route, HandlerMount mount, ModuleContext context) {
        return new HealthHandler(context.state());
    }
}
