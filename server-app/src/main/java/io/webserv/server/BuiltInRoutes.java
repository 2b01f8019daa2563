package io.webserv.server;

import io.webserv.cgi.CgiDispatch;
import io.webserv.cgi.CgiHandler;
import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.basic.MethodGuard;
import io.webserv.handlers.basic.MethodSwitch;
import io.webserv.handlers.basic.RedirectHandler;
import io.webserv.handlers.delete.DeleteHandler;
import io.webserv.handlers.files.FileCache;
import io.webserv.handlers.files.InvalidatesFileCache;
import io.webserv.handlers.files.MimeTypes;
import io.webserv.handlers.files.StaticFileHandler;
import io.webserv.handlers.routing.RouteHandlerFactory;
import io.webserv.handlers.spi.ModuleContext;
import io.webserv.handlers.upload.UploadHandler;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The handler chain of each route: the method guard, then the handler module the route mounts, or a
 * redirect when the route has one, else a
 * switch from each method the route allows to the handler that serves it. A configured method with no
 * handler behind it (POST on a route without upload_dir or CGI) is left out of {@code Allow} and
 * answered 405.
 */
final class BuiltInRoutes implements RouteHandlerFactory {

    private final StaticFileHandler files;
    private final CgiHandler cgi;
    private final Handler deletes;
    private final Handler uploads;

    private final HandlerModules modules;
    private final ModuleContext moduleContext;

    /** @param cache small files in memory ({@link FileCache#disabled()} to look at the disk every time) */
    BuiltInRoutes(MimeTypes mimeTypes, FileCache cache, CgiHandler cgi, HandlerModules modules, ModuleContext moduleContext) {
        this.modules = modules;
        this.moduleContext = moduleContext;
        // One cache for every route: the handlers that change files empty it.
        this.files = new StaticFileHandler(mimeTypes, cache);
        this.cgi = cgi;
        this.deletes = new InvalidatesFileCache(new DeleteHandler(), cache);
        this.uploads = new InvalidatesFileCache(new UploadHandler(), cache);
    }

    @Override
    public Handler create(ServerConfig server, RouteConfig route) {
        if (route.handler().isPresent()) {
            return new MethodGuard(route, modules.create(route, moduleContext));
        }
        if (route.redirect().isPresent()) {
            return new MethodGuard(route, new RedirectHandler(route.redirect().get()));
        }
        Map<String, Handler> byMethod = new HashMap<>();
        byMethod.put("GET", files);
        byMethod.put("HEAD", files);
        byMethod.put("DELETE", deletes);
        if (route.uploadDir().isPresent()) {
            byMethod.put("POST", uploads);
            byMethod.put("PUT", uploads);
        }
        CgiDispatch.wrap(byMethod, route, cgi); // GET, HEAD, POST of a path naming a script (SPEC §6)
        byMethod.keySet().retainAll(route.methods());
        Set<String> served = new LinkedHashSet<>(route.methods());
        served.retainAll(byMethod.keySet());
        return new MethodGuard(served, new MethodSwitch(byMethod));
    }
}
