package io.webserv.handlers.api;

/**
 * Answers requests. Called on the connection's event loop thread, so it must not block: file or
 * process work goes to {@link Exchange#blockingExecutor()}, and the answer comes back through
 * {@link Exchange#eventLoop()}. Handlers compose by wrapping one another.
 */
@FunctionalInterface
public interface Handler {

    /**
     * Handles one exchange; must eventually call one of the exchange's respond methods exactly once.
     *
     * @param exchange the request, the route it matched, and the way to answer
     */
    void handle(Exchange exchange);
}
