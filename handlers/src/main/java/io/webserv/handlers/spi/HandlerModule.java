package io.webserv.handlers.spi;

import io.webserv.config.model.HandlerMount;
import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.api.Handler;

import java.util.Set;

/**
 * A handler that ships as its own module and is mounted on a route by name, without touching the
 * modules below: {@code handler: NAME} in the route's configuration, with {@code handler_options}.
 *
 * <p>The server finds modules with {@link java.util.ServiceLoader}: a module's jar lists its
 * implementation in {@code META-INF/services/io.webserv.handlers.spi.HandlerModule} and is on the
 * class path (for {@code webserv.jar}, a dependency of {@code server-app}). At start-up the server
 * checks every mount: an unknown module or an option not in {@link #options()} is a configuration
 * error at the line and column of {@code handler}. Then {@link #create} runs once per route, on the
 * main thread; the handler it returns runs on the event loops (see {@link Handler}).
 */
public interface HandlerModule {

    /** {@return the name routes mount it by: lower-case letters, digits, {@code -} or {@code _}} */
    String name();

    /** {@return the option names {@code handler_options} may use; any other is refused at start-up} */
    Set<String> options();

    /**
     * The handler of one route.
     *
     * @param route   the route, with its effective settings (methods, root, error pages...)
     * @param mount   the module's name, its options as written, and where
     * @param context what the server offers its modules
     * @return the handler that answers every request routed there
     * @throws IllegalArgumentException when an option's value is invalid; the message names the
     *                                  option and what was expected
     */
    Handler create(RouteConfig route, HandlerMount mount, ModuleContext context);
}
