package io.webserv.handlers.routing;

import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.handlers.api.Handler;

/** Builds the handler chain of one route, once, when the server starts. */
@FunctionalInterface
public interface RouteHandlerFactory {

    /**
     * Builds a route's chain.
     *
     * @param server the virtual server the route belongs to
     * @param route  the route with its effective settings
     * @return the handler that answers every request routed there
     */
    Handler create(ServerConfig server, RouteConfig route);
}
