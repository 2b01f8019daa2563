package io.webserv.handlers.api;

import io.webserv.http.message.HttpStatus;

import java.nio.ByteBuffer;

/** Receives a request body as it arrives (de-chunked), on the event loop thread. */
public interface BodyReceiver {

    /**
     * Body bytes arrived.
     *
     * @param data de-chunked body bytes, valid only during this call: copy or consume them before returning
     */
    void onData(ByteBuffer data);

    /** The whole body has arrived. */
    void onEnd();

    /**
     * The body will not complete: it is too large (413), malformed (400), too slow (408), or the client
     * left (status null). Release what you hold; the server answers or closes.
     *
     * @param status the status the server answers with, or null when the client is gone
     */
    void onError(HttpStatus status);
}
