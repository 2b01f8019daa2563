package io.webserv.handlers.upload;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerialExecutorTest {

    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService pool = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "serial-test");
        thread.setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        return thread;
    });

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void runsTasksOneAtATimeInOrderOnAPoolOfMany() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1000);

        for (int i = 0; i < 1000; i++) {
            int n = i;
            serial.execute(() -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                order.add(n);
                running.decrementAndGet();
                done.countDown();
            });
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps).hasValue(0);
        assertThat(order).isSortedAccordingTo(Integer::compare).hasSize(1000);
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesBehindIt() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        CountDownLatch after = new CountDownLatch(1);

        serial.execute(() -> {
            throw new IllegalStateException("a bug in one task");
        });
        serial.execute(after::countDown);

        assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(uncaught).as("reported as uncaught").singleElement().hasToString("java.lang.IllegalStateException: a bug in one task");
    }

    @Test
    void aStoppedPoolRefusesAtOnce() {
        pool.shutdown();
        SerialExecutor serial = new SerialExecutor(pool);

        assertThatThrownBy(() -> serial.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> serial.execute(() -> { })).as("and again: nothing was left queued")
                .isInstanceOf(RejectedExecutionException.class);
    }
}
