package io.webserv.handlers.upload;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@link UploadSink} on real files, with a real thread pool for the disk and a single thread as the
 * event loop: every sink call is made on that thread, as the server does.
 */
class UploadSinkTest {

    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path dir;
    private final ExecutorService loop = Executors.newSingleThreadExecutor();
    /** One thread, so that {@link #settle} can wait for everything queued before it. */
    private final ExecutorService blocking = Executors.newSingleThreadExecutor();
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final UploadSink.Listener listener = new UploadSink.Listener() {
        @Override
        public void onReady() {
            events.add("ready");
        }

        @Override
        public void onFailed(IOException failure) {
            events.add(failure);
        }
    };

    @AfterEach
    void stop() {
        loop.shutdownNow();
        blocking.shutdownNow();
    }

    private <T> T onLoop(Callable<T> call) throws Exception {
        return loop.submit(call).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private UploadSink open(ExecutorService disk) throws Exception {
        return onLoop(() -> UploadSink.open(dir, disk, loop, listener));
    }

    private Object nextEvent() throws InterruptedException {
        Object event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(event).as("a callback within %d s", WAIT_SECONDS).isNotNull();
        return event;
    }

    /** Writes {@code data} in slices of {@code slice} bytes, waiting for onReady whenever the sink is writing. */
    private void feed(UploadSink sink, byte[] data, int slice) throws Exception {
        for (int at = 0; at < data.length; at += slice) {
            ByteBuffer piece = ByteBuffer.wrap(data, at, Math.min(slice, data.length - at)).asReadOnlyBuffer();
            if (onLoop(() -> {
                sink.write(piece);
                return sink.isWriting();
            })) {
                assertThat(nextEvent()).isEqualTo("ready");
            }
        }
    }

    /** Completes the sink, publishing its file as {@code name}; returns the published path. */
    private Path complete(UploadSink sink, String name) throws Exception {
        BlockingQueue<Path> published = new LinkedBlockingQueue<>();
        onLoop(() -> {
            sink.complete(temp -> Placement.placeNew(temp, name), published::add);
            return null;
        });
        Path file = published.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(file).as("published; events: %s", events).isNotNull();
        return file;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Waits until every disk step queued so far and every callback it posted have run. */
    private void settle(ExecutorService disk) throws Exception {
        disk.submit(() -> null).get(WAIT_SECONDS, TimeUnit.SECONDS);
        onLoop(() -> null);
    }

    @Test
    void storesEveryByteInOrderThroughBoundedBuffers() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 12345];
        new Random(42).nextBytes(data);
        UploadSink sink = open(blocking);

        feed(sink, data, 16 * 1024 + 7);
        Path file = complete(sink, "data.bin");

        assertThat(Files.readAllBytes(file)).isEqualTo(data);
        assertThat(sink.size()).isEqualTo(data.length);
        assertThat(names()).containsExactly("data.bin");
    }

    @Test
    void aFullBufferPausesTheWriterUntilItIsOnDisk() throws Exception {
        UploadSink sink = open(blocking);

        assertThat(onLoop(() -> {
            sink.write(ByteBuffer.allocate(UploadSink.BUFFER_SIZE - 1));
            return sink.isWriting();
        })).as("a buffer not yet full stays in memory").isFalse();
        assertThat(onLoop(() -> {
            sink.write(ByteBuffer.allocate(1));
            return sink.isWriting();
        })).as("a full buffer goes to the disk").isTrue();
        assertThat(nextEvent()).isEqualTo("ready");
        assertThat(onLoop(sink::isWriting)).isFalse();
    }

    @Test
    void takesASliceLargerThanItsBuffersWhole() throws Exception {
        byte[] data = new byte[3 * UploadSink.BUFFER_SIZE + 5];
        new Random(7).nextBytes(data);
        UploadSink sink = open(blocking);

        feed(sink, data, data.length);

        assertThat(Files.readAllBytes(complete(sink, "big.bin"))).isEqualTo(data);
    }

    @Test
    void anEmptyBodyIsAnEmptyFile() throws Exception {
        Path file = complete(open(blocking), "empty.txt");

        assertThat(file).isEmptyFile();
        assertThat(names()).containsExactly("empty.txt");
    }

    @Test
    void abortDeletesTheTemporaryFile() throws Exception {
        UploadSink sink = open(blocking);
        feed(sink, new byte[200_000], 16 * 1024);

        onLoop(() -> {
            sink.abort();
            return null;
        });

        settle(blocking);
        assertThat(names()).as("the temporary file is gone").isEmpty();
        assertThat(events).as("no callback after abort").isEmpty();
    }

    @Test
    void abortWhileAWriteIsInFlightDeletesAfterTheWriteAndSaysNothingMore() throws Exception {
        ExecutorService disk = Executors.newSingleThreadExecutor();
        try {
            UploadSink sink = open(disk);
            disk.submit(() -> null).get(WAIT_SECONDS, TimeUnit.SECONDS); // the temporary file exists now
            assertThat(names()).singleElement().asString().startsWith(".upload-").endsWith(".part");
            CountDownLatch release = new CountDownLatch(1);
            disk.execute(() -> awaitQuietly(release)); // holds the disk thread: the next write stays in flight

            assertThat(onLoop(() -> {
                sink.write(ByteBuffer.allocate(UploadSink.BUFFER_SIZE));
                sink.abort();
                return sink.isWriting();
            })).isTrue();
            release.countDown();

            settle(disk);
            assertThat(names()).as("the temporary file is gone").isEmpty();
            assertThat(events).as("no callback after abort").isEmpty();
        } finally {
            disk.shutdownNow();
        }
    }

    @Test
    void aFailedCommitDeletesTheFileAndReportsOnce() throws Exception {
        UploadSink sink = open(blocking);
        feed(sink, new byte[100_000], 30_000);

        onLoop(() -> {
            sink.complete(temp -> {
                throw new IOException("disk full");
            }, result -> events.add("committed"));
            return null;
        });

        assertThat(nextEvent()).isInstanceOf(IOException.class).hasToString("java.io.IOException: disk full");
        settle(blocking);
        assertThat(names()).as("the temporary file is gone").isEmpty();
        assertThat(events).as("reported once").isEmpty();
    }

    @Test
    void aMissingDirectoryFailsTheUploadAndLaterStepsDoNothing() throws Exception {
        Path gone = dir.resolve("gone");
        UploadSink sink = onLoop(() -> UploadSink.open(gone, blocking, loop, listener));

        assertThat(nextEvent()).isInstanceOf(IOException.class);
        onLoop(() -> {
            sink.write(ByteBuffer.allocate(2 * UploadSink.BUFFER_SIZE));
            return null;
        });
        settle(blocking);
        assertThat(gone).doesNotExist();
        assertThat(events).as("reported once").isEmpty();
    }

    @Test
    void aStoppedPoolFailsTheUploadAndLeavesNothing() throws Exception {
        ExecutorService disk = Executors.newSingleThreadExecutor();
        UploadSink sink = open(disk);
        disk.submit(() -> null).get(WAIT_SECONDS, TimeUnit.SECONDS);
        disk.shutdown();

        onLoop(() -> {
            sink.write(ByteBuffer.allocate(UploadSink.BUFFER_SIZE));
            return null;
        });

        assertThat(nextEvent()).isInstanceOf(IOException.class);
        assertThat(names()).as("the temporary file is gone").isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
