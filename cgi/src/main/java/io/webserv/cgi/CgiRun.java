package io.webserv.cgi;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What the threads of one CGI request share: the process once started, the body queue, the output
 * credits and the watchdog; and the two ways a run ends. Thread-safe; every method may be called from
 * any thread.
 *
 * <ul>
 *   <li>{@link #stop()}: the run is abandoned (client gone, error, timeout, local redirect): the
 *       process tree is killed at once, the pumps are released and end.
 *   <li>{@link #finish()}: the response is complete: the pumps end, and a script that has closed its
 *       stdout but still runs is given one more timeout to exit before it is killed.
 * </ul>
 * Either way the process is never left behind: it dies by itself or is killed, and the JDK reaps it.
 */
final class CgiRun {

    /** Released when stopping: more than any pump could ever wait for. */
    private static final int RELEASE_ALL = 1 << 20;

    final BodyQueue body;
    final Watchdog watchdog;
    private final ProcessRegistry registry;
    private final RunSlot slot;
    private final ScheduledExecutorService timer;
    private final long timeoutNanos;
    private final Semaphore credits = new Semaphore(0);
    private Process process;
    private volatile boolean processStarted;
    private volatile boolean stopped;
    private volatile boolean timedOut;

    /**
     * @param slot      the run's place among the handler's runs: released once the run's process is gone
     * @param onRoom    the body may flow again (called on the stdin thread)
     * @param onTimeout the watchdog fired; the process is already killed (called on the timer thread)
     */
    CgiRun(ProcessRegistry registry, ScheduledExecutorService timer, long timeoutNanos, RunSlot slot, Runnable onRoom,
           Runnable onTimeout) {
        this.registry = registry;
        this.slot = slot;
        this.timer = timer;
        this.timeoutNanos = timeoutNanos;
        this.body = new BodyQueue(onRoom);
        this.watchdog = new Watchdog(timer, timeoutNanos, () -> {
            timedOut = true;
            registry.timedOut();
            stop();
            onTimeout.run();
        });
    }

    /**
     * Adopts the process just started, and starts the watchdog.
     *
     * @return false when the run stopped meanwhile (or the server is stopping): the process is killed
     */
    boolean attach(Process started) {
        processStarted = true;
        started.onExit().thenRun(slot::release); // killed or not, the place is free once the process is gone
        boolean keep = registry.add(started);
        synchronized (this) {
            keep &= !stopped;
            if (keep) {
                process = started;
            }
        }
        if (!keep) {
            registry.kill(started);
            return false;
        }
        watchdog.start();
        return true;
    }

    /** The launcher thread is ending: a run that started no process gives its place back now. */
    void launcherEnded() {
        if (!processStarted) {
            slot.release();
        }
    }

    /** The loop took a chunk of output: the stdout pump may read the next. */
    void grant() {
        credits.release();
    }

    /**
     * Waits until the loop wants the next chunk of output; the watchdog does not count this wait.
     *
     * @return false when the run is over: stop reading
     */
    boolean awaitCredit() throws InterruptedException {
        watchdog.clientWaitStarted();
        try {
            credits.acquire();
        } finally {
            watchdog.clientWaitEnded();
        }
        return !stopped;
    }

    /**
     * The next chunk of the request body, waiting for the client if need be (not counted by the
     * watchdog); null at its end.
     *
     * @throws java.util.concurrent.CancellationException when the run stopped
     */
    byte[] nextBodyChunk() throws InterruptedException {
        watchdog.clientWaitStarted();
        try {
            return body.take();
        } finally {
            watchdog.clientWaitEnded();
        }
    }

    boolean isStopped() {
        return stopped;
    }

    /** Whether the run ended because the watchdog fired (then the answer is 504, whatever the pumps saw). */
    boolean isTimedOut() {
        return timedOut;
    }

    /**
     * Abandons the run: kills the process tree now. Idempotent. The kill itself runs on the timer
     * thread: listing descendants reads {@code /proc}, which is not for the event loop.
     */
    void stop() {
        Process victim = end();
        if (victim != null) {
            try {
                timer.execute(() -> registry.kill(victim));
            } catch (RejectedExecutionException e) {
                registry.kill(victim); // the server is stopping
            }
        }
    }

    /** The response is complete: lets the script exit by itself, within one more timeout. */
    void finish() {
        Process done = end();
        if (done == null || !done.isAlive()) {
            return;
        }
        try {
            timer.schedule(() -> {
                if (done.isAlive()) {
                    registry.kill(done);
                }
            }, timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            registry.kill(done); // the server is stopping
        }
    }

    /** Marks the run over and releases everything waiting; returns the process the first time only. */
    private Process end() {
        Process current;
        synchronized (this) {
            if (stopped) {
                return null;
            }
            stopped = true;
            current = process;
        }
        watchdog.cancel();
        body.close();
        credits.release(RELEASE_ALL);
        return current;
    }
}
