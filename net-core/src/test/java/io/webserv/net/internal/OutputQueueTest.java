package io.webserv.net.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue against a real socket whose peer reads slowly, so that writes stop part-way: every byte
 * must arrive once and in order, whichever path (copied into the scratch buffer, or gathered) sent it.
 */
class OutputQueueTest {

    private ServerSocketChannel listener;
    private SocketChannel sender;
    private SocketChannel receiver;

    @BeforeEach
    void connect() throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        receiver = SocketChannel.open();
        receiver.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
        receiver.connect(listener.getLocalAddress());
        sender = listener.accept();
        sender.setOption(StandardSocketOptions.SO_SNDBUF, 4096);
        sender.configureBlocking(false);
        receiver.configureBlocking(false);
    }

    @AfterEach
    void close() throws IOException {
        sender.close();
        receiver.close();
        listener.close();
    }

    @Test
    void everyByteArrivesOnceInOrderThroughPartialWrites() throws IOException {
        Random random = new Random(42);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        OutputQueue queue = new OutputQueue();
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[1 + random.nextInt(3000)];
            random.nextBytes(bytes);
            expected.write(bytes, 0, bytes.length);
            ByteBuffer buffer = switch (i % 5) {
                case 0 -> ByteBuffer.allocateDirect(bytes.length).put(bytes).flip(); // takes the gathering path
                case 1 -> ByteBuffer.wrap(bytes).asReadOnlyBuffer();                 // a cached body's view
                default -> ByteBuffer.wrap(bytes);
            };
            queue.add(buffer);
        }
        ByteBuffer scratch = ByteBuffer.allocateDirect(4096); // smaller than some runs, larger than one buffer

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        ByteBuffer in = ByteBuffer.allocate(1500);
        int partialWrites = 0;
        long deadline = System.nanoTime() + 30_000_000_000L;
        boolean drained = false;
        while (!drained || received.size() < expected.size()) {
            assertThat(System.nanoTime()).as("all bytes within 30 s").isLessThan(deadline);
            if (!drained) {
                drained = queue.flush(sender, scratch);
                partialWrites += drained ? 0 : 1;
            }
            in.clear();
            int n = receiver.read(in); // a little at a time: the sender's buffer stays full
            if (n > 0) {
                received.write(in.array(), 0, n);
            }
        }

        assertThat(partialWrites).as("the socket filled up part-way").isGreaterThan(10);
        assertThat(received.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(queue.queuedBytes()).isZero();
        assertThat(queue.writtenBytes()).isEqualTo(expected.size());
        assertThat(queue.isEmpty()).isTrue();
    }
}
