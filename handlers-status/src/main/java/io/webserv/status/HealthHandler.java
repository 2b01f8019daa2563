package io.webserv.status;

import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.api.Response;
import io.webserv.handlers.spi.ServerState;
import io.webserv.http.message.HttpStatus;

/**
 * {@code 200 ok} while serving, {@code 503 draining} once a drain has started; never cached, so that
 * no cache between the balancer and the server answers for it. The 503 carries no
 * {@code Retry-After}: a draining server is going away, and the retry belongs on another one.
 */
final class HealthHandler implements Handler {

    private static final String TEXT = "text/plain; charset=utf-8";

    private final ServerState state;

    HealthHandler(ServerState state) {
        this.state = state;
    }

    @Override
    public void handle(Exchange exchange) {
        Response response = state.draining()
                ? Response.text(HttpStatus.SERVICE_UNAVAILABLE, TEXT, "draining\n")
                : Response.text(HttpStatus.OK, TEXT, "ok\n");
        response.headers().add("Cache-Control", "no-store");
        exchange.respond(response);
    }
}
