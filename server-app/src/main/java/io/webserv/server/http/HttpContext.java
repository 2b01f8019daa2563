package io.webserv.server.http;

import io.webserv.http.message.RequestHead;
import io.webserv.http.parse.HeaderValueCache;
import io.webserv.http.parse.ParserLimits;
import io.webserv.http.proxy.TrustedProxies;
import io.webserv.http.syntax.DateHeader;
import io.webserv.http.write.ResponseSerializer;

import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * What every HTTP connection of a server shares: limits, timeouts, the executor for blocking
 * work, the access log, and whether the server is draining.
 */
public final class HttpContext {

    private final ParserLimits limits;
    private final HttpTimeouts timeouts;
    private final Executor blockingExecutor;
    private final AccessLog accessLog;
    private final HttpMetrics metrics = new HttpMetrics();
    private final TrustedProxies realIp;
    /** One serializer per event loop thread: its head is copied out before the next use. */
    private final ThreadLocal<ResponseSerializer> serializers;
    /** One header value cache per event loop thread, shared by that loop's parsers. */
    private final ThreadLocal<HeaderValueCache> valueCaches = ThreadLocal.withInitial(() -> new HeaderValueCache(512));
    private volatile boolean draining;

    public HttpContext(ParserLimits limits, HttpTimeouts timeouts, Executor blockingExecutor,
                       AccessLog accessLog, DateHeader date, TrustedProxies realIp) {
        this.limits = limits;
        this.timeouts = timeouts;
        this.blockingExecutor = blockingExecutor;
        this.accessLog = accessLog;
        this.realIp = realIp;
        this.serializers = ThreadLocal.withInitial(() -> new ResponseSerializer(date, "webserv"));
    }

    ParserLimits limits() {
        return limits;
    }

    HttpTimeouts timeouts() {
        return timeouts;
    }

    Executor blockingExecutor() {
        return blockingExecutor;
    }

    /** The client of {@code request}: {@code peer}, unless it is a trusted proxy whose forwarding header names another. */
    InetSocketAddress clientOf(InetSocketAddress peer, RequestHead request) {
        return realIp.client(peer, request.headers());
    }

    /** The access log, written by each connection as its responses are queued. */
    AccessLog accessLog() {
        return accessLog;
    }

    /** The HTTP counters of every loop, for the status pages and /metrics. */
    public HttpMetrics metrics() {
        return metrics;
    }

    /** The calling event loop's header value cache. */
    HeaderValueCache valueCache() {
        return valueCaches.get();
    }

    ResponseSerializer serializer() {
        return serializers.get();
    }

    /**
     * Graceful shutdown: from now on every response closes its connection, and a connection opened
     * from now on closes as soon as it is idle. The caller closes the idle ones open now: see
     * {@link HttpConnection#closeIfIdle()} (the reactor knows its connections; this context keeps no
     * registry, which would cost every idle connection an entry).
     */
    public void startDraining() {
        draining = true;
    }

    void opened(HttpConnection connection) {
        if (draining) {
            connection.drain();
        }
    }

    boolean isDraining() {
        return draining;
    }
}
