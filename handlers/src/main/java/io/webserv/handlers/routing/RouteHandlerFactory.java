package io.webserv.handlers.routing;

import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.handlers.api.Handler;

/** Builds the handler chain of one route, once, when the server starts. */
@FunctionalInterface
public interface RouteHandlerFactory {

    Handler create(ServerConfig server, RouteConfig route);
}
