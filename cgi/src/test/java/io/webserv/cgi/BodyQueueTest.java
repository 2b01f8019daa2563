package io.webserv.cgi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyQueueTest {

    @Test
    void holdsTheProducerAtTheHighWaterMarkAndReleasesItAtHalf() throws InterruptedException {
        AtomicInteger released = new AtomicInteger();
        BodyQueue queue = new BodyQueue(released::incrementAndGet);
        byte[] quarter = new byte[BodyQueue.HIGH_WATER / 4];

        assertThat(queue.offer(quarter)).isTrue();
        assertThat(queue.offer(quarter)).isTrue();
        assertThat(queue.offer(quarter)).isTrue();
        assertThat(queue.offer(quarter)).isFalse();
        assertThat(queue.take()).isSameAs(quarter);
        assertThat(released).hasValue(0);
        queue.take();
        assertThat(released).hasValue(1);
        queue.end();
        queue.take();
        queue.take();
        assertThat(queue.take()).isNull();
    }

    @Test
    void closingDropsEverythingReleasesTheProducerAndCancelsTheTaker() {
        AtomicInteger released = new AtomicInteger();
        BodyQueue queue = new BodyQueue(released::incrementAndGet);
        assertThat(queue.offer(new byte[BodyQueue.HIGH_WATER])).isFalse();

        queue.close();

        assertThat(released).hasValue(1);
        assertThat(queue.offer(new byte[10])).isTrue();
        assertThatThrownBy(queue::take).isInstanceOf(CancellationException.class);
    }

    @Test
    void theSpoolKeepsSmallBodiesInMemoryAndLargeOnesInATemporaryFile() throws IOException {
        byte[] big = new byte[BodySpool.MEMORY_LIMIT + 1];
        big[big.length - 1] = 7;
        try (BodySpool spool = new BodySpool()) {
            spool.write(new byte[] {1, 2});
            spool.write(big);
            assertThat(spool.length()).isEqualTo(big.length + 2L);
            try (InputStream in = spool.open()) {
                byte[] all = in.readAllBytes();
                assertThat(all).hasSize(big.length + 2);
                assertThat(all[0]).isEqualTo((byte) 1);
                assertThat(all[all.length - 1]).isEqualTo((byte) 7);
            }
        }
        try (BodySpool small = new BodySpool()) {
            small.write(new byte[] {9});
            try (InputStream in = small.open()) {
                assertThat(in.readAllBytes()).containsExactly(9);
            }
        }
    }
}
