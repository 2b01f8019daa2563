package io.webserv.handlers.basic;

import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Handler;

import java.util.Map;

/**
 * Sends each method to its handler (GET and HEAD to files, POST and PUT to uploads, DELETE to the
 * delete handler…). Sits behind {@link MethodGuard}, which has already answered methods that have no
 * handler here, so a miss is a wiring bug.
 */
public final class MethodSwitch implements Handler {

    private final Map<String, Handler> byMethod;

    /**
     * Creates the switch.
     *
     * @param byMethod method name → its handler; copied
     */
    public MethodSwitch(Map<String, Handler> byMethod) {
        this.byMethod = Map.copyOf(byMethod);
    }

    /** {@return the methods this switch can answer, for {@link MethodGuard}'s {@code Allow}} */
    public java.util.Set<String> methods() {
        return byMethod.keySet();
    }

    @Override
    public void handle(Exchange exchange) {
        Handler handler = byMethod.get(exchange.request().method().name());
        if (handler == null) {
            throw new IllegalStateException("no handler for " + exchange.request().method() + " behind the method guard");
        }
        handler.handle(exchange);
    }
}
