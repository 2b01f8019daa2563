package io.webserv.cgi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WatchdogTest {

    private static final long TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final CountDownLatch expired = new CountDownLatch(1);
    private final Watchdog watchdog = new Watchdog(timer, TIMEOUT_NANOS, expired::countDown);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void expiresOneTimeoutAfterTheLastProgress() throws InterruptedException {
        long start = System.nanoTime();
        watchdog.start();

        assertThat(expired.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TIMEOUT_NANOS);
    }

    @Test
    void waitingForTheClientDoesNotCount() throws InterruptedException {
        watchdog.start();
        watchdog.clientWaitStarted();

        assertThat(expired.await(3 * TIMEOUT_NANOS, TimeUnit.NANOSECONDS)).as("expired during a client wait").isFalse();
        long ended = System.nanoTime();
        watchdog.clientWaitEnded();
        assertThat(expired.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime() - ended).isGreaterThanOrEqualTo(TIMEOUT_NANOS);
    }

    @Test
    void aCancelledWatchdogNeverFires() throws InterruptedException {
        watchdog.start();
        watchdog.cancel();

        assertThat(expired.await(3 * TIMEOUT_NANOS, TimeUnit.NANOSECONDS)).isFalse();
    }
}
