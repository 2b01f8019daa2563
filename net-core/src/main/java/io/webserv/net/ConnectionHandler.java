package io.webserv.net;

import java.nio.ByteBuffer;

/**
 * A protocol's view of one connection: the reactor calls these on the connection's event loop thread,
 * never concurrently. A handler writes through the {@link Endpoint} it was created with.
 *
 * <p>An exception thrown from a callback closes the connection (and is logged); the loop goes on.
 */
public interface ConnectionHandler {

    /**
     * Bytes arrived. Consume what you can from {@code in} (advance its position); the bytes you leave
     * are kept and handed to you again, before any new ones, at the next read or after
     * {@link Endpoint#resumeReading()}. The buffer is the reactor's: do not keep it after returning.
     *
     * @param in the bytes read, in read mode, starting with any you left last time
     */
    void onRead(ByteBuffer in);

    /**
     * The peer closed its sending side (FIN). The default closes the connection once output is flushed.
     *
     * @param endpoint the connection's endpoint, the same the handler was created with
     */
    default void onInputClosed(Endpoint endpoint) {
        endpoint.closeAfterFlush();
    }

    /** Everything queued has been written. For producers that write a little at a time. */
    default void onOutputDrained() {
    }

    /** The deadline set with {@link Endpoint#setDeadline(long)} passed. */
    void onTimeout();

    /** The connection is closed (by either side, or by an error): release what you hold. Called once. */
    default void onClosed() {
    }
}
