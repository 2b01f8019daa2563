package io.webserv.server;

import io.webserv.config.model.Timeouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What SIGTERM and SIGINT do (SPEC §1), in the order a load balancer needs to see it:
 *
 * <pre>
 *  signal ─▶ DRAINING: health answers 503; listeners open; served as usual   (timeouts.drain)
 *         ─▶ STOPPING: listeners closed; idle connections closed; in-flight responses
 *                      and CGI runs finish, each closing its connection         (timeouts.shutdown)
 *         ─▶ what is left is closed, CGI scripts killed; exit 0
 * </pre>
 *
 * <p>A second signal during the drain ends the drain at once (someone is in a hurry), yet in-flight
 * work still gets {@code timeouts.shutdown}: a signal never cuts a response. Any signal after that is
 * ignored; SIGKILL is the way to stop at once.
 */
final class GracefulStop {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private final WebServer server;
    private final Duration drain;
    private final Duration shutdown;
    private final Runnable exit;
    private final AtomicBoolean started = new AtomicBoolean();
    /** Open while the drain runs; a second signal, or the drain's end, opens it. */
    private final CountDownLatch drainOver = new CountDownLatch(1);

    /** @param exit what ends the process once the server is closed */
    GracefulStop(WebServer server, Timeouts timeouts, Runnable exit) {
        this.server = server;
        this.drain = timeouts.drain();
        this.shutdown = timeouts.shutdown();
        this.exit = exit;
    }

    /**
     * A SIGTERM or SIGINT arrived. Runs on the JVM's signal thread: it flips the state (waiting at most
     * for a reload under way to finish) and hands the stop to a thread of its own.
     */
    void signalled(String signal) {
        if (started.compareAndSet(false, true)) {
            server.startDrain(); // the health check says 503 before this handler returns
            if (!drain.isZero()) {
                log.info("SIG{}: draining: health checks answer 503, serving on for {} before closing the listeners",
                        signal, DurationText.of(drain));
            }
            Thread stopper = new Thread(this::drainThenStop, "webserv-shutdown");
            stopper.start();
        } else if (drainOver.getCount() > 0) {
            log.info("SIG{} again: ending the drain now", signal);
            drainOver.countDown();
        } else {
            log.info("SIG{} ignored: already stopping (SIGKILL stops at once)", signal);
        }
    }

    private void drainThenStop() {
        try {
            drainOver.await(drain.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nobody interrupts this thread; stop all the same
        }
        drainOver.countDown();
        log.info("stopping: closing the listeners; {} connections open, in-flight work gets up to {}",
                server.openConnections(), DurationText.of(shutdown));
        server.shutdown(shutdown);
        exit.run();
    }
}
