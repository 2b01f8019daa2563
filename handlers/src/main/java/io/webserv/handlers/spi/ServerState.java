package io.webserv.handlers.spi;

/**
 * Where the running server is in its life, for modules that report it (a health check for a load
 * balancer). Callable from any thread; each call reads the state afresh.
 */
public interface ServerState {

    /**
     * Whether the server is draining: it was asked to stop (SIGTERM, SIGINT, or
     * {@code WebServer.startDrain()} when embedded) and serves on only until it closes its listeners
     * and finishes what is in flight. It never goes back to false.
     *
     * @return true from the moment a drain starts
     */
    boolean draining();
}
