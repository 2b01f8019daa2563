package io.webserv.handlers.api;

import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.RequestHead;

import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * One request and its response, as a handler sees it. Every method must be called on the event loop
 * thread ({@link #eventLoop()}).
 */
public interface Exchange {

    RequestHead request();

    /** The virtual server the request was routed to. */
    ServerConfig server();

    /** The route that matched (its settings already merged with the server's). */
    RouteConfig route();

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    /**
     * Starts receiving the request body (answering {@code 100 Continue} first if the client waits for
     * it). Without this call the body is read and discarded after the response.
     */
    void receiveBody(BodyReceiver receiver);

    /** Stops delivering body bytes until {@link #resumeBody()}: the client is held back by TCP. */
    void pauseBody();

    void resumeBody();

    /** Sends the response. Exactly one respond call per exchange. */
    void respond(Response response);

    /**
     * Sends the error page for {@code status}: the route's configured page if any, else the built-in one.
     *
     * @param extraHeaders fields the status needs ({@code Allow} for 405, {@code Location} for 3xx…)
     */
    void respondError(HttpStatus status, HttpHeaders extraHeaders);

    default void respondError(HttpStatus status) {
        respondError(status, new HttpHeaders(0));
    }

    /**
     * Answers with whatever this server answers to {@code GET path} (RFC 3875 §6.2.2 local redirect):
     * the path (with an optional {@code ?query}) is routed again on the same virtual server, with the
     * request's header fields and no body. Counts as this exchange's response.
     *
     * @param path an absolute path starting with {@code /}
     */
    void redirectInternally(String path);

    /** Where blocking work (file system calls) runs; come back with {@link #eventLoop()}. */
    Executor blockingExecutor();

    /** The event loop of this exchange's connection. */
    Executor eventLoop();

    /** Whether the client is still connected: long-running work stops when it is not. */
    boolean isOpen();

    /** Runs {@code action} on the event loop if the connection closes before the response is complete. */
    void onAbort(Runnable action);
}
