package io.webserv.net;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.Executor;

/**
 * One connection as a protocol sees it: bytes out, reading on or off, a deadline, close. Every method
 * must be called on the connection's event loop thread ({@link #eventLoop()}); from another thread,
 * submit a task to that executor.
 */
public interface Endpoint {

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    /**
     * Queues {@code data} for writing, after everything queued before. The endpoint owns the buffers
     * until written: do not touch them afterwards. Writes are gathered into as few syscalls as possible.
     */
    void write(ByteBuffer... data);

    /**
     * Queues {@code count} bytes of {@code file} from {@code position}, sent zero-copy
     * ({@link FileChannel#transferTo}). The file is closed once sent, or when the connection closes.
     */
    void transferFile(FileChannel file, long position, long count);

    /** Bytes queued and not yet written. */
    long queuedBytes();

    /** Bytes written to the socket since the connection opened: progress, for send timeouts. */
    long bytesWritten();

    /** Stops delivering reads (the socket is not read either, so TCP pushes back on the peer). */
    void suspendReading();

    /** Delivers reads again, starting with any bytes left unconsumed by the last {@link ConnectionHandler#onRead}. */
    void resumeReading();

    /** Calls {@link ConnectionHandler#onTimeout()} once {@code nanosFromNow} have passed, replacing any earlier deadline. */
    void setDeadline(long nanosFromNow);

    void clearDeadline();

    /** Closes once every queued byte is written; reads stop now. */
    void closeAfterFlush();

    /** Closes now, dropping queued output. */
    void close();

    boolean isOpen();

    /** The event loop that owns this connection: run tasks from other threads here. */
    Executor eventLoop();
}
