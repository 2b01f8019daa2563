package io.webserv.handlers.api;

import java.nio.ByteBuffer;

/** Where a {@link StreamSource} writes its body, on the event loop thread. */
public interface ResponseStream {

    /**
     * Queues {@code data} (owned by the stream from now on).
     *
     * @param data the next body bytes, in read mode
     * @return false when enough is queued: stop until {@link StreamSource#onWritable()}
     */
    boolean write(ByteBuffer data);

    /** The body is complete. */
    void end();

    /** The body cannot be completed (the producer failed after the head was sent): the connection closes. */
    void abort();
}
