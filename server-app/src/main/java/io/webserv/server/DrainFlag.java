package io.webserv.server;

import io.webserv.handlers.spi.ServerState;

/** Whether a drain has started: raised once, never lowered, read by the modules on any thread. */
final class DrainFlag implements ServerState {

    private volatile boolean raised;

    void raise() {
        raised = true;
    }

    @Override
    public boolean draining() {
        return raised;
    }
}
