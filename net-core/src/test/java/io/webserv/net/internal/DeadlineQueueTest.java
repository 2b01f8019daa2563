package io.webserv.net.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineQueueTest {

    private final List<String> fired = new ArrayList<>();
    private final DeadlineQueue queue = new DeadlineQueue();

    private Timed timed(String name) {
        return new Timed() {
            @Override
            protected void expire() {
                fired.add(name);
            }
        };
    }

    @Test
    void firesDueDeadlinesInOrderOnce() {
        Timed a = timed("a");
        Timed b = timed("b");
        queue.set(b, 20);
        queue.set(a, 10);

        queue.expire(5);
        assertThat(fired).isEmpty();
        queue.expire(25);
        assertThat(fired).containsExactly("a", "b");
        queue.expire(100);
        assertThat(fired).containsExactly("a", "b");
        assertThat(queue.size()).isZero();
    }

    @Test
    void aDeadlineMovedLaterFiresAtTheLaterTimeWithoutNewEntries() {
        Timed a = timed("a");
        queue.set(a, 10);
        for (int t = 11; t < 1000; t++) {
            queue.set(a, t + 10); // a keep-alive connection pushing its deadline on every request
        }
        assertThat(queue.size()).isEqualTo(1);

        queue.expire(500);
        assertThat(fired).isEmpty();
        queue.expire(1009);
        assertThat(fired).containsExactly("a");
    }

    @Test
    void aDeadlineMovedEarlierFiresEarlyAndItsStaleEntryIsDropped() {
        Timed a = timed("a");
        queue.set(a, 100);
        queue.set(a, 10);

        queue.expire(10);
        assertThat(fired).containsExactly("a");
        queue.expire(200);
        assertThat(fired).containsExactly("a");
        assertThat(queue.size()).isZero();
    }

    @Test
    void entriesStayBoundedWhenADeadlineAlternatesEarlierAndLater() {
        Timed a = timed("a");
        for (int t = 0; t < 10_000; t++) {
            queue.set(a, t + 75); // keep-alive
            queue.set(a, t + 10); // a request starts: header timeout
            queue.expire(t);
        }
        assertThat(queue.size()).isLessThan(200);
        assertThat(fired).isEmpty();
    }

    @Test
    void aClearedDeadlineNeverFires() {
        Timed a = timed("a");
        queue.set(a, 10);
        queue.set(a, Long.MAX_VALUE);

        queue.expire(50);
        assertThat(fired).isEmpty();
        assertThat(queue.nextAt()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void clearedDeadlinesDoNotPileUpUntilTheyComeDue() {
        // A client opening and closing connections: each gets a header deadline, then clears it on close.
        // Their entries must not stay (holding the closed connections) until the deadline would have come.
        for (int i = 0; i < 100_000; i++) {
            Timed closed = timed("closed");
            queue.set(closed, 10_000 + i);
            queue.set(closed, Long.MAX_VALUE);
        }
        assertThat(queue.size()).isLessThan(DeadlineQueue.MIN_SWEEP_SIZE);

        queue.expire(1_000_000);
        assertThat(fired).isEmpty();
    }

    @Test
    void sweepingKeepsEveryLiveDeadlineAndItsOrder() {
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Timed live = timed("live" + i);
            queue.set(live, 20_000 - i); // each earlier than the last: the sweep must keep these entries
            queue.set(live, 30_000 + i); // then moved later, as a keep-alive connection does
            order.add("live" + i);
            for (int k = 0; k < 10; k++) {
                Timed closed = timed("closed");
                queue.set(closed, 5_000);
                queue.set(closed, Long.MAX_VALUE);
            }
        }
        assertThat(queue.size()).isLessThan(2 * 3_000 + DeadlineQueue.MIN_SWEEP_SIZE);

        queue.expire(29_999);
        assertThat(fired).isEmpty();
        queue.expire(40_000);
        assertThat(fired).isEqualTo(order);
    }
}
