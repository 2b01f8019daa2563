package io.webserv.net;

import io.webserv.net.internal.BufferPool;
import io.webserv.net.internal.DeadlineQueue;
import io.webserv.net.internal.OutputQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One thread, one {@link Selector}. Each turn of the loop:
 *
 * <ol>
 *   <li>select, waiting at most until the next deadline (not at all if tasks are queued);
 *   <li>dispatch readiness: accept on listeners, read and write on connections;
 *   <li>fire the deadlines that passed;
 *   <li>run the tasks other threads queued with {@link #execute}.
 * </ol>
 *
 * Only this thread touches the selector's keys; other threads queue a task and wake the selector,
 * once per batch of tasks.
 */
final class EventLoop implements Executor {

    private static final Logger log = LoggerFactory.getLogger(EventLoop.class);
    private static final int ACCEPTS_PER_EVENT = 64;
    private static final long ACCEPT_BACKOFF_NANOS = 100_000_000L;
    static final int BYTES_READ = 0;
    static final int BYTES_WRITTEN = 1;
    static final int REJECTED = 2;
    private static final int COUNTERS = 3;

    /** Turns accepting back on after a failed accept (out of file descriptors). */
    private static final class AcceptResumer extends io.webserv.net.internal.Timed {
        private final SelectionKey key;

        AcceptResumer(SelectionKey key) {
            this.key = key;
        }

        @Override
        protected void expire() {
            if (key.isValid()) {
                key.interestOps(SelectionKey.OP_ACCEPT);
            }
        }
    }

    private final Reactor reactor;
    private final NetOptions options;
    /** Accept pauses in a row since accept last succeeded (out of descriptors): 0 when all is well. */
    private int acceptPauses;
    private final Selector selector;
    /** Bound once: a method reference written in the loop would be a new object every turn. */
    private final Consumer<SelectionKey> dispatcher = this::dispatch;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final DeadlineQueue deadlines = new DeadlineQueue();
    private final BufferPool buffers;
    /** Where a connection's small heap buffers are gathered for one write: see {@link OutputQueue#flush}. */
    private final ByteBuffer writeScratch;
    /** Bytes read and written, connections refused over {@code maxConnections}: this loop's own. */
    private final LoopCounters counters = new LoopCounters(COUNTERS);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean running = true;
    private int connections;
    /** {@link #now()}: the clock as first read this turn, and whether it was. */
    private long turnNanos;
    private boolean clockRead;

    EventLoop(Reactor reactor, NetOptions options, String name) throws IOException {
        this.reactor = reactor;
        this.options = options;
        this.selector = Selector.open();
        this.buffers = new BufferPool(options.bufferSize(), options.pooledBuffersPerLoop());
        this.writeScratch = ByteBuffer.allocateDirect(options.bufferSize());
        this.thread = new Thread(this::run, name);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                turn();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed", e);
        } finally {
            closeEverything();
            terminated.countDown();
        }
    }

    /**
     * One turn of the loop. A method of its own, not the body of {@link #run}'s loop, for the JIT:
     * a loop that never returns is compiled only on-stack (OSR), and when anything inlined into it
     * deoptimises — a new connection, the first EOF, a new kind of response — the whole loop falls
     * back to the interpreter until it is compiled on-stack again. A method called every turn is
     * compiled like any other and recompiled alone. In the bench's small → index → large order
     * (2 × 3 repetitions each): index 114–121k req/s but for one slow repetition (median 117k)
     * against 97–115k (median 105k) with the loop's body inline.
     */
    private void turn() throws IOException {
        long timeoutMillis = tasks.isEmpty() ? millisUntil(deadlines.nextAt()) : -1;
        clockRead = false;
        if (timeoutMillis < 0) {
            selector.selectNow(dispatcher);
        } else {
            selector.select(dispatcher, timeoutMillis);
        }
        wakeupPending.set(false);
        deadlines.expire(now());
        runTasks();
    }

    /**
     * The reactor's clock as of this turn: read by the first caller once the wait for events has
     * returned, then the same for the rest of the turn, as nginx's and h2o's loops keep theirs. A
     * turn's work lasts microseconds, which deadlines of seconds do not notice, and a connection
     * re-arms its deadline once or twice per request: those clock reads are saved.
     */
    long now() {
        if (!clockRead) {
            turnNanos = nanoTime();
            clockRead = true;
        }
        return turnNanos;
    }

    /** Milliseconds to wait for {@code at}: 0 = wait without limit, -1 = due already. */
    private long millisUntil(long at) {
        if (at == Long.MAX_VALUE) {
            return 0;
        }
        long nanos = at - nanoTime();
        return nanos <= 0 ? -1 : Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    private void dispatch(SelectionKey key) {
        Object attachment = key.attachment();
        if (!key.isValid()) {
            return;
        }
        if (attachment instanceof SocketConnection connection) {
            connection.onReady(key.readyOps());
        } else if (attachment instanceof Listener listener) {
            accept(key, listener);
        }
    }

    private void accept(SelectionKey key, Listener listener) {
        for (int i = 0; i < ACCEPTS_PER_EVENT; i++) {
            SocketChannel channel;
            try {
                channel = listener.channel().accept();
            } catch (IOException e) {
                // EMFILE and friends. The listener stays readable (level-triggered), so retrying at
                // once would spin: stop accepting for a moment, keep serving the open connections.
                // One warning per episode, not one per pause: a long exhaustion must not flood the log.
                if (acceptPauses++ == 0) {
                    log.warn("accept failed on {}: {}; pausing accepts {} ms at a time until it succeeds",
                            listener.address(), e.toString(), ACCEPT_BACKOFF_NANOS / 1_000_000);
                }
                key.interestOps(0);
                deadlines.set(new AcceptResumer(key), now() + ACCEPT_BACKOFF_NANOS);
                return;
            }
            if (channel == null) {
                return;
            }
            if (acceptPauses > 0) {
                log.warn("accepting again on {} after {} pauses", listener.address(), acceptPauses);
                acceptPauses = 0;
            }
            if (!reactor.reserveConnection()) {
                counters.increment(REJECTED);
                closeQuietly(channel);
                continue;
            }
            EventLoop target = reactor.nextLoop();
            if (target == this) {
                register(channel, listener.factory());
            } else {
                target.execute(() -> target.register(channel, listener.factory()));
            }
        }
    }

    private void register(SocketChannel channel, ConnectionHandlerFactory factory) {
        connections++;
        SocketConnection connection;
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            options.sendBuffer().applyTo(channel);
            SelectionKey key = channel.register(selector, 0);
            connection = new SocketConnection(this, channel, key);
            key.attach(connection);
        } catch (IOException e) {
            log.debug("could not register an accepted connection: {}", e.toString());
            closeQuietly(channel);
            connectionClosed();
            return;
        }
        try {
            connection.attach(factory.create(connection));
        } catch (RuntimeException e) {
            log.warn("handler factory failed", e);
            connection.close();
        }
    }

    void addListener(Listener listener) throws IOException {
        listener.channel().register(selector, SelectionKey.OP_ACCEPT, listener);
    }

    /** Closes the listeners this loop accepts on; connections stay. */
    void closeListeners() {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Listener listener) {
                key.cancel();
                closeQuietly(listener.channel());
            }
        }
    }

    /**
     * Closes the listener bound to {@code address}; the connections it accepted stay.
     *
     * @return whether this loop had a listener there
     */
    boolean closeListener(java.net.InetSocketAddress address) throws IOException {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Listener listener && listener.address().equals(address) && key.isValid()) {
                key.cancel();
                listener.channel().close();
                return true;
            }
        }
        return false;
    }

    /** Gives every open connection's handler to {@code action}; on this loop's thread. */
    void forEachHandler(Consumer<ConnectionHandler> action) {
        for (SelectionKey key : List.copyOf(selector.keys())) {
            if (key.attachment() instanceof SocketConnection connection && connection.isOpen()
                    && connection.handler() != null) {
                action.accept(connection.handler());
            }
        }
    }

    void connectionClosed() {
        connections--;
        reactor.releaseConnection();
    }

    /** Open connections on this loop (read on the loop thread). */
    int connections() {
        return connections;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("task failed on {}", thread.getName(), e);
            }
        }
    }

    boolean inEventLoop() {
        return Thread.currentThread() == thread;
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    boolean awaitTermination(long millis) throws InterruptedException {
        return terminated.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void closeEverything() {
        List<SelectionKey> keys = new ArrayList<>(selector.keys());
        for (SelectionKey key : keys) {
            if (key.attachment() instanceof SocketConnection connection) {
                connection.close();
            } else if (key.attachment() instanceof Listener listener) {
                closeQuietly(listener.channel());
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            log.debug("selector close failed: {}", e.toString());
        }
    }

    long nanoTime() {
        return options.nanoTime().getAsLong();
    }

    LoopCounters counters() {
        return counters;
    }

    DeadlineQueue deadlines() {
        return deadlines;
    }

    BufferPool buffers() {
        return buffers;
    }

    ByteBuffer writeScratch() {
        return writeScratch;
    }

    WriteMode writeMode() {
        return options.writeMode();
    }

    long writeHighWatermark() {
        return options.writeHighWatermark();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a socket we are dropping anyway
        }
    }

    /** A bound listening socket and the protocol it serves. */
    record Listener(ServerSocketChannel channel, java.net.InetSocketAddress address, ConnectionHandlerFactory factory) {
    }
}
