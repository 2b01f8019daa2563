package io.webserv.handlers.basic;

import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.api.Response;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpStatus;

/**
 * The first link of every route's chain (SPEC §3): a method this server does not implement at all →
 * 501; a known method the route does not allow → 405 with an accurate {@code Allow}; {@code OPTIONS}
 * → 204 with {@code Allow}. Everything else goes on to the wrapped handler.
 */
public final class MethodGuard implements Handler {

    /** What the server can do for some route; anything else is 501. */
    private static final java.util.Set<String> IMPLEMENTED = java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");

    private final Handler next;
    private final java.util.Set<String> allowed;
    private final String allow;

    /**
     * Guards a route with the methods it configures.
     *
     * @param route the route whose {@code methods} are allowed
     * @param next  the handler for allowed methods other than OPTIONS
     */
    public MethodGuard(RouteConfig route, Handler next) {
        this(route.methods(), next);
    }

    /**
     * @param allowed the methods this route really answers: those configured that some handler behind
     *                can serve (POST needs an upload_dir or CGI, for instance), so that {@code Allow} is accurate
     * @param next    the handler for allowed methods other than OPTIONS
     */
    public MethodGuard(java.util.Set<String> allowed, Handler next) {
        this.next = next;
        java.util.LinkedHashSet<String> methods = new java.util.LinkedHashSet<>();
        for (String m : new String[] {"GET", "HEAD", "POST", "PUT", "DELETE"}) {
            if (allowed.contains(m)) {
                methods.add(m);
            }
        }
        this.allowed = java.util.Set.copyOf(methods);
        methods.add("OPTIONS");
        this.allow = String.join(", ", methods);
    }

    @Override
    public void handle(Exchange exchange) {
        HttpMethod method = exchange.request().method();
        String name = method.name();
        if (!method.isStandard() || !IMPLEMENTED.contains(name) && !name.equals("TRACE") && !name.equals("PATCH")) {
            exchange.respondError(HttpStatus.NOT_IMPLEMENTED);
        } else if (method.equals(HttpMethod.OPTIONS)) {
            exchange.respond(Response.empty(HttpStatus.NO_CONTENT, new HttpHeaders().add("Allow", allow)));
        } else if (!allowed.contains(name)) {
            exchange.respondError(HttpStatus.METHOD_NOT_ALLOWED, new HttpHeaders().add("Allow", allow));
        } else {
            next.handle(exchange);
        }
    }
}
