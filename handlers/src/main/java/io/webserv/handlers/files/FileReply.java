package io.webserv.handlers.files;

import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Response;
import io.webserv.handlers.api.ResponseBody;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;


/**
 * What the blocking half of {@link StaticFileHandler} decided, carried back to the event loop: a
 * response to send as it is, or an error status for the exchange's error page.
 */
sealed interface FileReply {

    /** Sends this reply; called on the event loop. */
    void deliver(Exchange exchange);

    /** Releases what the reply holds when it will not be delivered (the client left). */
    void release();

    static FileReply error(HttpStatus status) {
        return new ErrorPage(status, new HttpHeaders(0));
    }

    /** A response built here: 200, 206 or 304. Owns its FileRegion body's file (or share of it) until delivered. */
    record Send(Response response) implements FileReply {
        @Override
        public void deliver(Exchange exchange) {
            exchange.respond(response);
        }

        @Override
        public void release() {
            if (response.body() instanceof ResponseBody.FileRegion region) {
                region.release();
            }
        }
    }

    /** An error status with the fields it needs ({@code Location}, {@code Content-Range}...). */
    record ErrorPage(HttpStatus status, HttpHeaders headers) implements FileReply {
        @Override
        public void deliver(Exchange exchange) {
            exchange.respondError(status, headers);
        }

        @Override
        public void release() {
            // holds nothing
        }
    }
}
