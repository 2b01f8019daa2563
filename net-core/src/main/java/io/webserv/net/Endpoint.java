package io.webserv.net;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.io.Closeable;
import java.nio.channels.FileChannel;
import java.util.concurrent.Executor;

/**
 * One connection as a protocol sees it: bytes out, reading on or off, a deadline, close. Every method
 * must be called on the connection's event loop thread ({@link #eventLoop()}); from another thread,
 * submit a task to that executor.
 */
public interface Endpoint {

    /** {@return the peer's address and port} */
    InetSocketAddress remoteAddress();

    /** {@return the local address and port the connection was accepted on} */
    InetSocketAddress localAddress();

    /**
     * Queues {@code data} for writing, after everything queued before. The endpoint owns the buffers
     * until written: do not touch them afterwards. Writes are gathered into as few syscalls as possible.
     *
     * @param data the buffers to send, in order, each in read mode
     */
    void write(ByteBuffer... data);

    /**
     * Queues {@code count} bytes of {@code file} from {@code position}, sent zero-copy
     * ({@link FileChannel#transferTo}). The file is closed once sent, or when the connection closes.
     *
     * @param file     an open channel, owned by the endpoint from now on
     * @param position the first byte to send
     * @param count    how many bytes to send from there
     */
    default void transferFile(FileChannel file, long position, long count) {
        transferFile(file, position, count, file);
    }

    /**
     * Queues {@code count} bytes of {@code file} from {@code position}, sent zero-copy, and closes
     * {@code whenSent} instead of the file once they are sent, or when the connection closes: for a
     * channel shared by several responses (a descriptor cache), whose owner counts its users. The
     * endpoint only reads the file at explicit positions, never moving its position, so one channel
     * may serve many connections at once.
     *
     * @param file     an open channel, readable until {@code whenSent} is closed
     * @param position the first byte to send
     * @param count    how many bytes to send from there
     * @param whenSent closed exactly once, when the endpoint no longer needs {@code file}
     */
    void transferFile(FileChannel file, long position, long count, Closeable whenSent);

    /** {@return the number of bytes queued and not yet written, files included} */
    long queuedBytes();

    /** {@return the bytes written to the socket since the connection opened} A measure of progress, for send timeouts. */
    long bytesWritten();

    /** Stops delivering reads (the socket is not read either, so TCP pushes back on the peer). */
    void suspendReading();

    /** Delivers reads again, starting with any bytes left unconsumed by the last {@link ConnectionHandler#onRead}. */
    void resumeReading();

    /**
     * Calls {@link ConnectionHandler#onTimeout()} once a delay has passed, replacing any earlier deadline.
     *
     * @param nanosFromNow the delay, in nanoseconds of the reactor's clock
     */
    void setDeadline(long nanosFromNow);

    /** Removes the deadline, if any: {@link ConnectionHandler#onTimeout()} will not be called. */
    void clearDeadline();

    /** Closes once every queued byte is written; reads stop now. */
    void closeAfterFlush();

    /** Closes now, dropping queued output. */
    void close();

    /** {@return whether the connection is still open (false once either side closed it)} */
    boolean isOpen();

    /** {@return the event loop that owns this connection} Run tasks from other threads here. */
    Executor eventLoop();
}
