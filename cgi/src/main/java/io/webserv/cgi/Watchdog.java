package io.webserv.cgi;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CGI timeout of one run (SPEC §2 {@code timeouts.cgi}): fires when the script made no progress
 * (no byte read from its stdout, none written to its stdin) for the whole timeout. Time spent waiting
 * for the client (to send more body, or to take more output) is not the script's fault and never
 * counts: the connection's own body and send timeouts watch the client.
 *
 * <p>One check is scheduled at a time on the shared timer, for when the timeout would expire; the
 * pumps only write a volatile timestamp, so progress costs nothing.
 */
final class Watchdog {

    private final ScheduledExecutorService timer;
    private final long timeoutNanos;
    private final Runnable onExpiry;
    private final AtomicInteger clientWaits = new AtomicInteger();
    private volatile long lastProgress;
    private volatile boolean cancelled;
    private ScheduledFuture<?> check;

    Watchdog(ScheduledExecutorService timer, long timeoutNanos, Runnable onExpiry) {
        this.timer = timer;
        this.timeoutNanos = timeoutNanos;
        this.onExpiry = onExpiry;
    }

    /** Starts watching (the process has just started). */
    void start() {
        progress();
        schedule(timeoutNanos);
    }

    /** The script moved: read or wrote something. */
    void progress() {
        lastProgress = System.nanoTime();
    }

    /** A pump starts waiting for the client; the clock stops until {@link #clientWaitEnded()}. */
    void clientWaitStarted() {
        clientWaits.incrementAndGet();
    }

    void clientWaitEnded() {
        progress();
        clientWaits.decrementAndGet();
    }

    synchronized void cancel() {
        cancelled = true;
        if (check != null) {
            check.cancel(false);
        }
    }

    private synchronized void schedule(long delayNanos) {
        if (cancelled) {
            return;
        }
        try {
            check = timer.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            cancelled = true; // the server is stopping: the registry kills the process
        }
    }

    private void check() {
        if (cancelled) {
            return;
        }
        long idle = System.nanoTime() - lastProgress;
        if (clientWaits.get() > 0) {
            schedule(timeoutNanos);
        } else if (idle >= timeoutNanos) {
            cancel();
            onExpiry.run();
        } else {
            schedule(timeoutNanos - idle);
        }
    }
}
