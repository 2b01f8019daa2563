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

    /** {@return the parsed request line and header fields} */
    RequestHead request();

    /** {@return the virtual server the request was routed to} */
    ServerConfig server();

    /** {@return the route that matched, its settings already merged with the server's} */
    RouteConfig route();

    /**
     * {@return the client's address and port} The connection's TCP peer, unless a proxy named the client:
     * the source of the PROXY protocol header on a listener with {@code proxy_protocol}, then, when that
     * peer is one of the trusted proxies of {@code real_ip}, the address their {@code X-Forwarded-For}
     * or {@code Forwarded} gives (port 0 when the header gives none). The access log, CGI's
     * {@code REMOTE_ADDR} and allow lists use this one.
     */
    InetSocketAddress remoteAddress();

    /**
     * {@return the address and port of the connection's other end, the TCP peer} Behind a proxy, the
     * proxy; without one, the same as {@link #remoteAddress()}, which this default returns.
     */
    default InetSocketAddress peerAddress() {
        return remoteAddress();
    }

    /** {@return the address and port the request came in on} */
    InetSocketAddress localAddress();

    /**
     * Starts receiving the request body (answering {@code 100 Continue} first if the client waits for
     * it). Without this call the body is read and discarded after the response.
     *
     * @param receiver called on the event loop as body bytes arrive, then once at the end or on error
     */
    void receiveBody(BodyReceiver receiver);

    /** Stops delivering body bytes until {@link #resumeBody()}: the client is held back by TCP. */
    void pauseBody();

    /** Delivers body bytes again after {@link #pauseBody()}. */
    void resumeBody();

    /**
     * Sends the response. Exactly one respond call per exchange.
     *
     * @param response the status, header fields and body
     */
    void respond(Response response);

    /**
     * Sends the error page for {@code status}: the route's configured page if any, else the built-in one.
     *
     * @param status       the error status
     * @param extraHeaders fields the status needs ({@code Allow} for 405, {@code Location} for 3xx…)
     */
    void respondError(HttpStatus status, HttpHeaders extraHeaders);

    /**
     * Sends the error page for {@code status} with no extra header field.
     *
     * @param status the error status
     */
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

    /** {@return where blocking work (file system calls) runs} Come back with {@link #eventLoop()}. */
    Executor blockingExecutor();

    /** {@return the event loop of this exchange's connection} */
    Executor eventLoop();

    /** {@return whether the client is still connected} Long-running work stops when it is not. */
    boolean isOpen();

    /**
     * Registers clean-up for an exchange that does not finish.
     *
     * @param action run on the event loop if the connection closes before the response is complete
     */
    void onAbort(Runnable action);
}
