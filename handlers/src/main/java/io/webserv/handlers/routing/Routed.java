package io.webserv.handlers.routing;

import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.handlers.api.Handler;

/** Where a request goes: the virtual server, its route, and the handler chain built for that route. */
public record Routed(ServerConfig server, RouteConfig route, Handler handler) {
}
