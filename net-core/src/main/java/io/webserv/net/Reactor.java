package io.webserv.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The entry point of net-core: a set of {@link NetOptions#workers()} event loops, the first of which
 * also accepts on every bound address and hands each new connection to the loops in turn.
 *
 * <pre>{@code
 * Reactor reactor = new Reactor(NetOptions.defaults());
 * InetSocketAddress bound = reactor.bind(new InetSocketAddress("127.0.0.1", 0), endpoint -> new MyProtocol(endpoint));
 * reactor.start();
 * ...
 * reactor.close();
 * }</pre>
 */
public final class Reactor implements AutoCloseable {

    /** How long {@link #bind} and {@link #unbind} wait for a running accepting loop to take the change. */
    private static final long LISTENER_CHANGE_SECONDS = 5;

    private final NetOptions options;
    private final AtomicInteger openConnections = new AtomicInteger();
    /** A LongAdder: bumped by whichever loop accepts, read rarely (status pages). */
    private final LongAdder acceptedConnections = new LongAdder();
    private final List<EventLoop> loops = new ArrayList<>();
    private int nextLoop;
    /** Set before the loop threads start; read by threads that bind or unbind later. */
    private volatile boolean started;

    /**
     * Creates the event loops (and their selectors); no thread runs until {@link #start()}.
     *
     * @param options the number of loops and every other knob
     * @throws IOException when a selector cannot be opened
     */
    public Reactor(NetOptions options) throws IOException {
        this.options = options;
        for (int i = 0; i < options.workers(); i++) {
            loops.add(new EventLoop(this, options, "webserv-loop-" + i));
        }
    }

    /**
     * Binds {@code address} (port 0 picks a free one) and serves every connection accepted there with a
     * handler from {@code factory}. Call it once per address, before or after {@link #start()}: a
     * running reactor (a configuration reload) accepts there from the moment this returns.
     *
     * @param address the address and port to listen on; port 0 picks a free one
     * @param factory creates the protocol handler of each connection accepted there
     * @return the address actually bound
     * @throws IOException when the address cannot be bound; the message names it
     */
    public InetSocketAddress bind(InetSocketAddress address, ConnectionHandlerFactory factory) throws IOException {
        return bind(address, BindOptions.DEFAULTS, factory);
    }

    /**
     * Binds {@code address} as {@link #bind(InetSocketAddress, ConnectionHandlerFactory)} does, with
     * socket options set before the bind ({@code SO_REUSEPORT}, so that several processes can share a
     * port).
     *
     * @param address the address and port to listen on; port 0 picks a free one
     * @param options how the listening socket is set up
     * @param factory creates the protocol handler of each connection accepted there
     * @return the address actually bound
     * @throws IOException when the address cannot be bound or an option is not supported on this
     *                     platform; the message names the address
     */
    public InetSocketAddress bind(InetSocketAddress address, BindOptions options, ConnectionHandlerFactory factory)
            throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            options.applyTo(channel);
            channel.bind(address, 1024);
            channel.configureBlocking(false);
            InetSocketAddress bound = (InetSocketAddress) channel.getLocalAddress();
            onAcceptingLoop(loop -> loop.addListener(new EventLoop.Listener(channel, bound, factory)));
            return bound;
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    /**
     * Closes the listening socket {@link #bind} returned {@code bound} for: it accepts nothing more, its
     * port is released on the accepting loop's next turn (at once: the selector deregisters a channel
     * before the socket closes), and the connections it accepted go on until they close.
     *
     * @param bound the address {@link #bind} returned
     * @return whether a listener was bound there (false: none, or closed already)
     * @throws IOException when the listening socket cannot be closed
     */
    public boolean unbind(InetSocketAddress bound) throws IOException {
        boolean[] found = new boolean[1];
        onAcceptingLoop(loop -> found[0] = loop.closeListener(bound));
        return found[0];
    }

    /** What a listener change does on the accepting loop. */
    private interface ListenerChange {
        void apply(EventLoop loop) throws IOException;
    }

    /**
     * Runs {@code change} on the accepting loop and waits for it: before {@link #start()} here (no loop
     * thread touches the selector yet), after it as a task on the loop's thread, which alone may touch
     * its selector's keys.
     */
    private void onAcceptingLoop(ListenerChange change) throws IOException {
        EventLoop acceptor = loops.get(0);
        if (!started || acceptor.inEventLoop()) {
            change.apply(acceptor);
            return;
        }
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        acceptor.execute(() -> {
            try {
                change.apply(acceptor);
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(LISTENER_CHANGE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("listener change failed on the accepting loop", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("the accepting loop did not take the listener change within "
                    + LISTENER_CHANGE_SECONDS + " s (is it stopped?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while changing a listener", e);
        }
    }

    /** Starts the loop threads: from now on connections are accepted and served. */
    public void start() {
        started = true;
        loops.forEach(EventLoop::start);
    }

    /** Closes every listening socket; open connections go on. */
    public void stopAccepting() {
        EventLoop acceptor = loops.get(0);
        acceptor.execute(acceptor::closeListeners);
    }

    /**
     * Runs {@code action} on the handler of every connection open now, each on its own loop's
     * thread (so the handler needs no lock), without waiting. The loops already know their
     * connections through their selectors: a protocol needs no registry of its own (an idle
     * connection saves the registry's entry), e.g. to close the idle ones on shutdown.
     *
     * @param action what to do with each handler; runs on the connection's loop
     */
    public void forEachConnection(Consumer<ConnectionHandler> action) {
        for (EventLoop loop : loops) {
            loop.execute(() -> loop.forEachHandler(action));
        }
    }

    /** {@return the number of connections open right now, across all loops} */
    public int openConnections() {
        return openConnections.get();
    }

    /** Stops every loop, closing every connection, and waits for the threads to end (at most 5 s). */
    @Override
    public void close() {
        if (!started) {
            loops.forEach(EventLoop::closeEverything);
            return;
        }
        loops.forEach(EventLoop::stop);
        try {
            for (EventLoop loop : loops) {
                loop.awaitTermination(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean reserveConnection() {
        acceptedConnections.increment();
        if (openConnections.incrementAndGet() > options.maxConnections()) {
            openConnections.decrementAndGet();
            return false;
        }
        return true;
    }

    void releaseConnection() {
        openConnections.decrementAndGet();
    }

    /** {@return the connections accepted since the start, those closed at once over {@code maxConnections} included} */
    public long acceptedConnections() {
        return acceptedConnections.sum();
    }

    /** {@return the connections closed at once since the start because {@code maxConnections} were open} */
    public long rejectedConnections() {
        return sum(EventLoop.REJECTED);
    }

    /** {@return the bytes read from every connection since the start, across all loops} */
    public long bytesRead() {
        return sum(EventLoop.BYTES_READ);
    }

    /** {@return the bytes written to every connection since the start (what the kernel took), across all loops} */
    public long bytesWritten() {
        return sum(EventLoop.BYTES_WRITTEN);
    }

    private long sum(int slot) {
        long total = 0;
        for (EventLoop loop : loops) {
            total += loop.counters().get(slot);
        }
        return total;
    }

    /** Buffers the loops' pools have lent out right now (each read on its own loop thread). */
    int buffersInUse() throws InterruptedException {
        int total = 0;
        for (EventLoop loop : loops) {
            java.util.concurrent.CompletableFuture<Integer> n = new java.util.concurrent.CompletableFuture<>();
            loop.execute(() -> n.complete(loop.buffers().outstanding()));
            try {
                total += n.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("loop did not answer", e);
            }
        }
        return total;
    }

    /** Round robin; called on the accepting loop only. */
    EventLoop nextLoop() {
        EventLoop loop = loops.get(nextLoop);
        nextLoop = (nextLoop + 1) % loops.size();
        return loop;
    }
}
