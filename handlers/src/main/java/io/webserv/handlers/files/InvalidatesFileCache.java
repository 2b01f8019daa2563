package io.webserv.handlers.files;

import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.ForwardingExchange;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.api.Response;

/**
 * Wraps a handler that changes files (DELETE, uploads) so that {@link FileCache} never answers with
 * what it replaced: the cache is emptied when the request starts and again when it succeeds, so a
 * GET that raced the change and cached the old bytes is forgotten too. A GET sent after the answer
 * sees the change.
 */
public final class InvalidatesFileCache implements Handler {

    private final Handler changer;
    private final FileCache cache;

    /**
     * Wraps a handler that changes files.
     *
     * @param changer the DELETE or upload handler
     * @param cache   the route's cache, emptied around each change
     */
    public InvalidatesFileCache(Handler changer, FileCache cache) {
        this.changer = changer;
        this.cache = cache;
    }

    @Override
    public void handle(Exchange exchange) {
        cache.invalidateAll();
        changer.handle(new ForwardingExchange(exchange) {
            @Override
            public void respond(Response response) {
                if (response.status().code() < 300) {
                    cache.invalidateAll();
                }
                super.respond(response);
            }
        });
    }
}
