package io.webserv.handlers.files;

import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Handler;
import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.RequestHead;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Serves the files of the exchange's route (SPEC §4) for GET and HEAD.
 *
 * <p>A file looked at in the last second is answered from {@link FileCache} at once, on the event loop:
 * a small one from memory, a larger one from its shared open descriptor. Otherwise,
 * on the event loop it only maps the path ({@link FileLocator}, pure); every file system call runs on
 * the exchange's blocking executor ({@link StaticFileResolver}), and the reply comes back to the loop
 * to be sent. A regular file goes out as a {@link io.webserv.handlers.api.ResponseBody.FileRegion} that
 * the server sends zero-copy and closes, for HEAD too (the server drops the body but keeps its length).
 *
 * <pre>
 *  event loop            blocking executor                        event loop
 *  locate ──403──▶       realpath ⊂ real root? ─403─▶
 *    │                   directory? ─301 / index / 403─▶
 *    └──────────────────▶ preconditions ─304 / 412─▶
 *                        range ─416─▶ open ─200 / 206─▶ ───────▶ respond (or close, if the client left)
 * </pre>
 */
public final class StaticFileHandler implements Handler {

    private static final String ALLOW = "GET, HEAD";

    private final StaticFileResolver resolver;
    private final FileCache cache;

    /** @param mimeTypes the media types, usually {@code new MimeTypes(config.mimeTypes())} */
    public StaticFileHandler(MimeTypes mimeTypes) {
        this(mimeTypes, new FileCache());
    }

    /**
     * @param mimeTypes the media types
     * @param cache     small files in memory; the handlers that change files must share it
     *                  ({@link FileCache#invalidateAll()})
     */
    public StaticFileHandler(MimeTypes mimeTypes, FileCache cache) {
        this.resolver = new StaticFileResolver(mimeTypes, cache);
        this.cache = cache;
    }

    @Override
    public void handle(Exchange exchange) {
        RequestHead request = exchange.request();
        if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
            // MethodGuard normally stops other methods first; this keeps the handler correct on its own.
            exchange.respondError(HttpStatus.METHOD_NOT_ALLOWED, new HttpHeaders(1).add(HeaderNames.ALLOW, ALLOW));
            return;
        }
        RouteConfig route = exchange.route();
        CachedFile cached = cache.lookup(route, request.target().path());
        FileReply fromCache = cached == null ? null : fromCache(request, cached);
        if (fromCache != null) {
            deliver(exchange, fromCache); // no system call, no thread hop
            return;
        }
        Optional<Path> file = FileLocator.locate(route, request.target().path());
        if (file.isEmpty()) {
            exchange.respondError(HttpStatus.FORBIDDEN);
            return;
        }
        if (!exchange.isOpen()) {
            return; // the client is gone: no reason to touch the disk
        }
        try {
            Executor loop = exchange.eventLoop();
            exchange.blockingExecutor().execute(() -> resolveAndReturn(exchange, loop, request, route, file.get()));
        } catch (RejectedExecutionException e) {
            exchange.respondError(HttpStatus.SERVICE_UNAVAILABLE); // the server is stopping
        }
    }

    /**
     * On the blocking executor: never lets a failure escape, always returns to the loop. Everything it
     * needs was taken from the exchange on the loop, whose thread the exchange's methods belong to.
     */
    private void resolveAndReturn(Exchange exchange, Executor loop, RequestHead request, RouteConfig route, Path file) {
        FileReply reply;
        try {
            reply = resolver.resolve(request, route, file);
        } catch (RuntimeException e) {
            reply = FileReply.error(HttpStatus.INTERNAL_SERVER_ERROR);
        }
        FileReply result = reply;
        try {
            loop.execute(() -> deliver(exchange, result));
        } catch (RejectedExecutionException e) {
            result.release(); // the loop is gone, and the connection with it
        }
    }

    /** The reply from a cached file, or null when its descriptor was closed since the lookup (look at the disk). */
    private static FileReply fromCache(RequestHead request, CachedFile cached) {
        try {
            return FileResponder.respond(request, cached.facts(), cached::body);
        } catch (IOException e) {
            return null;
        }
    }

    private static void deliver(Exchange exchange, FileReply reply) {
        if (!exchange.isOpen()) {
            reply.release();
            return;
        }
        reply.deliver(exchange);
    }
}
