package io.webserv.net;

/** Creates the protocol handler of each accepted connection, on the connection's event loop thread. */
@FunctionalInterface
public interface ConnectionHandlerFactory {

    ConnectionHandler create(Endpoint endpoint);
}
