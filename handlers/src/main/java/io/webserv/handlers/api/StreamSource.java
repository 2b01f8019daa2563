package io.webserv.handlers.api;

/**
 * Produces a streamed response body. The server calls these on the event loop thread; the source
 * writes to the {@link ResponseStream} it is given, as fast as the client reads and no faster.
 */
public interface StreamSource {

    /**
     * The head is sent: start producing.
     *
     * @param out where to write the body, from the event loop thread only
     */
    void start(ResponseStream out);

    /** The client took what was queued: write more (after {@link ResponseStream#write} returned false). */
    void onWritable();

    /** The client is gone or the server is stopping: stop producing and release everything. */
    void onCancel();
}
