package io.webserv.net;

import io.webserv.net.internal.OutputQueue;
import io.webserv.net.internal.Timed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;

/**
 * One accepted socket, driven by its {@link EventLoop}: the {@link Endpoint} a protocol handler writes
 * through. Every method runs on the loop thread.
 *
 * <pre>
 *   OPEN ──closeAfterFlush()──▶ FLUSHING ──output drained──▶ LINGERING ──EOF or 2 s──▶ CLOSED
 *     │                                                                               ▲
 *     └──────────────── close(), I/O error, handler exception ────────────────────────┘
 * </pre>
 *
 * <p>Reading: OP_READ is on only while the handler wants input, the output is not backed up and the
 * read buffer has room. The pooled buffer is held only while it has unconsumed bytes. Lingering: after
 * a final response the write side is shut and what the client still sends is read and dropped for a
 * moment, so that closing does not reset the connection before the client has read the response.
 */
final class SocketConnection extends Timed implements Endpoint {

    private static final Logger log = LoggerFactory.getLogger(SocketConnection.class);
    private static final long LINGER_NANOS = 2_000_000_000L;

    private enum State { OPEN, FLUSHING, LINGERING, CLOSED }

    private final EventLoop loop;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final OutputQueue output = new OutputQueue();
    private final InetSocketAddress remoteAddress;
    private final InetSocketAddress localAddress;
    private ConnectionHandler handler;
    private ByteBuffer input;
    private State state = State.OPEN;
    private boolean readingWanted = true;
    private boolean inputEnded;
    private boolean backedUp;
    private boolean notifyingDrained;
    private boolean redeliveryScheduled;
    /** Inside {@code handler.onRead}: the handler is reading the buffer itself, nothing to redeliver. */
    private boolean delivering;
    private int interestOps;

    SocketConnection(EventLoop loop, SocketChannel channel, SelectionKey key) {
        this.loop = loop;
        this.channel = channel;
        this.key = key;
        this.interestOps = key.interestOps();
        // Both were read at accept and are held by the channel: asking costs no system call. Asked of
        // the channel itself, as channel.socket() would create a Socket adaptor per connection (~80
        // bytes that an idle connection keeps); kept here because a closed channel no longer says.
        this.remoteAddress = address(true);
        this.localAddress = address(false);
    }

    /** The protocol's handler, or null before it is attached. */
    ConnectionHandler handler() {
        return handler;
    }

    void attach(ConnectionHandler handler) {
        this.handler = handler;
        updateInterest();
    }

    /** The selector reported {@code readyOps} for this connection. */
    void onReady(int readyOps) {
        if ((readyOps & SelectionKey.OP_WRITE) != 0 && state != State.CLOSED) {
            flush();
        }
        if ((readyOps & SelectionKey.OP_READ) != 0 && state != State.CLOSED) {
            read();
        }
    }

    private void read() {
        if (input == null) {
            input = loop.buffers().take();
        }
        int n;
        try {
            n = channel.read(input);
        } catch (IOException e) {
            log.debug("read failed, closing {}: {}", remoteAddress(), e.toString());
            close();
            return;
        }
        if (n > 0) {
            loop.counters().add(EventLoop.BYTES_READ, n);
        }
        if (state == State.LINGERING) {
            input.clear(); // a closing connection reads only to drop
            if (n < 0) {
                close();
            }
            return;
        }
        if (n < 0) {
            inputEnded = true;
            releaseInputIfEmpty();
            updateInterest();
            guard(() -> handler.onInputClosed(this));
            return;
        }
        deliver();
    }

    /** Hands the buffered input to the handler, keeps what it leaves. */
    private void deliver() {
        input.flip();
        delivering = true;
        try {
            handler.onRead(input);
        } catch (RuntimeException e) {
            log.warn("handler failed on read, closing {}", remoteAddress(), e);
            close();
            return;
        } finally {
            delivering = false;
            if (input != null) {
                input.compact();
            }
        }
        releaseInputIfEmpty();
        updateInterest();
    }

    private void releaseInputIfEmpty() {
        if (input != null && input.position() == 0) {
            loop.buffers().release(input);
            input = null;
        }
    }

    @Override
    public void write(ByteBuffer... data) {
        if (state != State.OPEN) {
            return; // closing: nothing more goes out
        }
        for (ByteBuffer buffer : data) {
            output.add(buffer);
        }
        afterQueueing();
    }

    @Override
    public void transferFile(FileChannel file, long position, long count, Closeable whenSent) {
        if (state != State.OPEN) {
            closeQuietly(whenSent);
            return;
        }
        output.addFile(file, position, count, whenSent);
        afterQueueing();
    }

    private void afterQueueing() {
        if (loop.writeMode() == WriteMode.EAGER && !notifyingDrained) {
            flush();
        } else {
            checkBackpressure();
            updateInterest();
        }
    }

    private void flush() {
        while (true) {
            boolean drained;
            long before = output.writtenBytes();
            try {
                drained = output.flush(channel, loop.writeScratch());
            } catch (IOException e) {
                log.debug("write failed, closing {}: {}", remoteAddress(), e.toString());
                close();
                return;
            } finally {
                loop.counters().add(EventLoop.BYTES_WRITTEN, output.writtenBytes() - before);
            }
            if (!drained || state != State.OPEN) {
                break;
            }
            // Let a producer queue its next piece; loop rather than recurse when it does.
            notifyingDrained = true;
            guard(handler::onOutputDrained);
            notifyingDrained = false;
            if (output.isEmpty() || state == State.CLOSED) {
                break;
            }
        }
        if (state == State.FLUSHING && output.isEmpty()) {
            startLingering();
            return;
        }
        checkBackpressure();
        updateInterest();
    }

    private void checkBackpressure() {
        long queued = output.queuedBytes();
        long high = loop.writeHighWatermark();
        if (queued > high) {
            backedUp = true;
        } else if (queued <= high / 2) {
            backedUp = false;
        }
    }

    private void updateInterest() {
        if (state == State.CLOSED) {
            return;
        }
        boolean wantsRead = state == State.LINGERING
                || state == State.OPEN && readingWanted && !inputEnded && !backedUp && (input == null || input.hasRemaining());
        int ops = (wantsRead ? SelectionKey.OP_READ : 0) | (output.isEmpty() ? 0 : SelectionKey.OP_WRITE);
        if (ops != interestOps) {
            interestOps = ops;
            key.interestOps(ops);
        }
    }

    @Override
    public long queuedBytes() {
        return output.queuedBytes();
    }

    @Override
    public long bytesWritten() {
        return output.writtenBytes();
    }

    @Override
    public void suspendReading() {
        readingWanted = false;
        updateInterest();
    }

    @Override
    public void resumeReading() {
        readingWanted = true;
        updateInterest();
        // Inside onRead (a response sent at once) the handler goes on reading the buffer itself: a
        // redelivery task there cost every such request a queued task (JFR, 13-byte file under wrk).
        if (!delivering && input != null && input.position() > 0 && !redeliveryScheduled) {
            // Bytes left from an earlier read (a pipelined request): hand them over from the loop, not
            // from inside the caller's callback.
            redeliveryScheduled = true;
            loop.execute(() -> {
                redeliveryScheduled = false;
                if (state == State.OPEN && readingWanted && input != null && input.position() > 0) {
                    deliver();
                }
            });
        }
    }

    @Override
    public void setDeadline(long nanosFromNow) {
        long now = loop.now();
        loop.deadlines().set(this, nanosFromNow >= Long.MAX_VALUE - now ? Long.MAX_VALUE - 1 : now + nanosFromNow);
    }

    @Override
    public void clearDeadline() {
        loop.deadlines().set(this, Long.MAX_VALUE);
    }

    @Override
    protected void expire() {
        if (state == State.LINGERING) {
            close();
        } else if (state != State.CLOSED) {
            guard(handler::onTimeout);
        }
    }

    @Override
    public void closeAfterFlush() {
        if (state != State.OPEN) {
            return;
        }
        state = State.FLUSHING;
        if (output.isEmpty()) {
            startLingering();
        } else {
            updateInterest();
        }
    }

    private void startLingering() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            close();
            return;
        }
        if (inputEnded) {
            close();
            return;
        }
        state = State.LINGERING;
        if (input != null) {
            input.clear();
        }
        loop.deadlines().set(this, loop.now() + LINGER_NANOS);
        updateInterest();
    }

    @Override
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("close failed: {}", e.toString());
        }
        output.clear();
        if (input != null) {
            loop.buffers().release(input);
            input = null;
        }
        loop.deadlines().set(this, Long.MAX_VALUE);
        loop.connectionClosed();
        if (handler != null) {
            guard(handler::onClosed);
        }
    }

    @Override
    public boolean isOpen() {
        return state == State.OPEN;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    private InetSocketAddress address(boolean remote) {
        try {
            return (InetSocketAddress) (remote ? channel.getRemoteAddress() : channel.getLocalAddress());
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Executor eventLoop() {
        return loop;
    }

    /** Runs a handler callback; a handler that throws loses its connection, not the loop. */
    private void guard(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("connection handler failed, closing {}", remoteAddress(), e);
            close();
        }
    }

    private static void closeQuietly(Closeable file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // never used
        }
    }
}
