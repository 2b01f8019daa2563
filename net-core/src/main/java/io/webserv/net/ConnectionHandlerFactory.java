package io.webserv.net;

/** Creates the protocol handler of each accepted connection, on the connection's event loop thread. */
@FunctionalInterface
public interface ConnectionHandlerFactory {

    /**
     * Creates the handler of a new connection, right after it is accepted and before the first read.
     *
     * @param endpoint the connection, for the handler to keep and write to
     * @return the protocol state of this one connection
     */
    ConnectionHandler create(Endpoint endpoint);
}
