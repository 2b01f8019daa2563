package io.webserv.cgi;

import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Handler;
import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends a request whose path names a CGI script of the route (a segment with one of its {@code cgi}
 * extensions, SPEC §6) to the CGI handler, and every other request to the handler the route would have
 * used. A file with a CGI extension is therefore never served as a static file: its source stays private.
 */
public final class CgiDispatch implements Handler {

    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "DELETE");

    private final RouteConfig route;
    private final Handler cgi;
    private final Handler otherwise;

    /**
     * Creates the dispatch of one method of a route.
     *
     * @param route     the route whose {@code cgi} extensions mark a script
     * @param cgi       the CGI handler, for requests to a script
     * @param otherwise the handler the route would have used, for every other request
     */
    public CgiDispatch(RouteConfig route, Handler cgi, Handler otherwise) {
        this.route = route;
        this.cgi = cgi;
        this.otherwise = otherwise;
    }

    /**
     * Puts CGI in front of a route's method switch when the route has {@code cgi} extensions: GET, HEAD
     * and POST to a script go to {@code cgi}; the rest keeps its handler. POST to anything else on a
     * route that has no other POST handler is answered 405 with the methods the rest of the route serves.
     *
     * @param byMethod method → handler, as built for the route; changed in place
     * @param route    the route; nothing changes when it has no {@code cgi} extensions
     * @param cgi      the CGI handler
     */
    public static void wrap(Map<String, Handler> byMethod, RouteConfig route, Handler cgi) {
        if (route.cgi().isEmpty()) {
            return;
        }
        Handler notAllowed = notAllowed(byMethod, route);
        for (String method : List.of("GET", "HEAD", "POST")) {
            Handler otherwise = byMethod.getOrDefault(method, notAllowed);
            byMethod.put(method, new CgiDispatch(route, cgi, otherwise));
        }
    }

    @Override
    public void handle(Exchange exchange) {
        if (CgiScriptResolver.namesScript(route, exchange.request().target().path())) {
            cgi.handle(exchange);
        } else {
            otherwise.handle(exchange);
        }
    }

    private static Handler notAllowed(Map<String, Handler> byMethod, RouteConfig route) {
        List<String> served = new ArrayList<>();
        for (String method : ORDER) {
            if (byMethod.containsKey(method) && route.allows(method)) {
                served.add(method);
            }
        }
        served.add("OPTIONS");
        String allow = String.join(", ", served);
        return exchange -> exchange.respondError(HttpStatus.METHOD_NOT_ALLOWED,
                new HttpHeaders(1).add(HeaderNames.ALLOW, allow));
    }
}
