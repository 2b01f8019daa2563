package io.webserv.handlers.spi;

/** What the server offers to the handler modules it mounts. */
public interface ModuleContext {

    /** {@return the server's live counters} */
    ServerStatistics statistics();

    /** {@return whether the server is serving or draining} */
    ServerState state();
}
