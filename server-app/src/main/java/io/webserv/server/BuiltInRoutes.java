package io.webserv.server;

import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.basic.MethodGuard;
import io.webserv.handlers.basic.RedirectHandler;
import io.webserv.handlers.files.MimeTypes;
import io.webserv.handlers.files.StaticFileHandler;
import io.webserv.handlers.routing.RouteHandlerFactory;

/**
 * The handler chain of each route: the method guard, then a redirect when the route has one, else the
 * static files of its root. (Uploads, DELETE and CGI join this chain in later issues.)
 */
final class BuiltInRoutes implements RouteHandlerFactory {

    private final StaticFileHandler files;

    BuiltInRoutes(MimeTypes mimeTypes) {
        this.files = new StaticFileHandler(mimeTypes);
    }

    @Override
    public Handler create(ServerConfig server, RouteConfig route) {
        Handler target = route.redirect().<Handler>map(RedirectHandler::new).orElse(files);
        return new MethodGuard(route, target);
    }
}
