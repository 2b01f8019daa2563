package io.webserv.handlers.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One file being received: the bytes are copied on the event loop into buffers the sink owns, and
 * written on the blocking executor, one write at a time, to a temporary file in the upload directory
 * ({@code .upload-<random>.part}, in the same directory so that publishing it is a rename). The owner
 * then either completes the file (and publishes it, see {@link Placement}) or aborts it, which deletes
 * the temporary file.
 *
 * <pre>
 *   loop  write ──▶ copy into front ──front full──▶ flush ─┐          ┌──▶ written: front full? flush : onReady
 *   disk                                                   └─▶ write ─┘
 *   loop  complete ──▶ disk: write the rest, close, commit(temp) ──▶ loop: then(result)
 *   loop  abort ─────▶ disk, after whatever is in flight: close, delete
 *   any disk failure ──▶ disk: close, delete ──▶ loop: onFailed
 * </pre>
 *
 * <p>Flow control: {@link #write} takes every byte it is given, since the caller's buffer is valid only
 * during the call. While a write is in flight ({@link #isWriting()}), the owner stops feeding (pauses
 * the request body) until {@link Listener#onReady()}. The memory of an upload is thus two buffers of
 * {@value #BUFFER_SIZE} bytes, the front one grown only if a single slice overflows it while a write is
 * in flight. Disk steps run on a {@link SerialExecutor}, so they never overlap, and an abort queued
 * behind a write deletes the file after that write: nothing is left behind, whenever the upload ends.
 *
 * <p>Every method is called on the event loop; every callback comes back on it, and none after
 * {@link #abort()}.
 */
final class UploadSink {

    /** Bytes per disk write. */
    static final int BUFFER_SIZE = 64 * 1024;
    static final String TEMP_PREFIX = ".upload-";
    static final String TEMP_SUFFIX = ".part";
    private static final int TEMP_NAME_ATTEMPTS = 8;

    /** What the owner of a sink hears, on the event loop. */
    interface Listener {

        /** The write in flight is done: feed more. */
        void onReady();

        /** The file could not be written; its temporary file is gone. Nothing more comes from this sink. */
        void onFailed(IOException failure);
    }

    /** What is done with the complete temporary file, on the blocking executor: publish it, usually. */
    @FunctionalInterface
    interface Commit<T> {
        T apply(Path temp) throws IOException;
    }

    private final Path dir;
    private final Executor disk;
    private final Executor loop;
    private final Listener listener;

    // Event loop state.
    private ByteBuffer front = ByteBuffer.allocate(BUFFER_SIZE);
    private ByteBuffer spare;
    private long size;
    private boolean writing;
    private boolean closed;
    private boolean aborted;
    private boolean failed;

    // Disk state: touched only by disk steps, which the serial executor runs one after the other.
    private Path temp;
    private FileChannel channel;
    private boolean broken;

    private UploadSink(Path dir, Executor blocking, Executor loop, Listener listener) {
        this.dir = dir;
        this.disk = new SerialExecutor(blocking);
        this.loop = loop;
        this.listener = listener;
    }

    /** A sink whose temporary file is being created in {@code dir}. */
    static UploadSink open(Path dir, Executor blocking, Executor loop, Listener listener) {
        UploadSink sink = new UploadSink(dir, blocking, loop, listener);
        sink.onDisk(sink::createTemp, created -> { });
        return sink;
    }

    /** Takes a copy of {@code data} (all of it), and starts a disk write when a buffer is full. */
    void write(ByteBuffer data) {
        if (closed) {
            data.position(data.limit());
            return;
        }
        size += data.remaining();
        while (data.hasRemaining()) {
            if (!front.hasRemaining()) {
                if (writing) {
                    front = grown(front, data.remaining());
                } else {
                    flush();
                }
            }
            int n = Math.min(front.remaining(), data.remaining());
            front.put(data.slice(data.position(), n));
            data.position(data.position() + n);
        }
        if (!front.hasRemaining() && !writing) {
            flush();
        }
    }

    /** Whether a write is in flight: feed nothing more until {@link Listener#onReady()}. */
    boolean isWriting() {
        return writing;
    }

    /** How many bytes the file has been given. */
    long size() {
        return size;
    }

    /**
     * Writes what is left, closes the file and passes it to {@code commit} on the blocking executor; then
     * {@code then} gets its result on the loop (or the listener hears of the failure).
     */
    <T> void complete(Commit<T> commit, Consumer<T> then) {
        if (closed) {
            throw new IllegalStateException("sink already completed or aborted");
        }
        closed = true;
        ByteBuffer rest = front.flip();
        front = null;
        spare = null;
        onDisk(() -> {
            writeFully(rest);
            channel.close();
            channel = null;
            return commit.apply(temp);
        }, then);
    }

    /** Abandons the file: its temporary file is deleted once the step in flight, if any, is over. */
    void abort() {
        if (aborted) {
            return;
        }
        aborted = true;
        closed = true;
        front = null;
        spare = null;
        discardAfterQueue();
    }

    private void flush() {
        ByteBuffer full = front.flip();
        front = spare != null ? spare : ByteBuffer.allocate(BUFFER_SIZE);
        spare = null;
        writing = true;
        onDisk(() -> writeFully(full), written -> written(full));
    }

    private void written(ByteBuffer buffer) {
        writing = false;
        if (closed) {
            return;
        }
        if (buffer.capacity() == BUFFER_SIZE) {
            spare = buffer.clear();
        }
        if (!front.hasRemaining()) {
            flush();
        } else {
            listener.onReady();
        }
    }

    /** A larger front buffer holding what {@code full} holds, with room for {@code more} bytes. */
    private static ByteBuffer grown(ByteBuffer full, int more) {
        ByteBuffer bigger = ByteBuffer.allocate(full.position() + more);
        return bigger.put(full.flip());
    }

    /**
     * Runs a step on the disk thread. The first failure breaks the sink: the file is closed and deleted
     * there and then, later steps do nothing, and the listener hears of it once.
     */
    private <T> void onDisk(OffLoop.IoCall<T> step, Consumer<T> then) {
        OffLoop.run(disk, loop, () -> {
            if (broken) {
                throw new IOException("an earlier step failed");
            }
            try {
                return step.call();
            } catch (IOException | RuntimeException e) {
                broken = true;
                discard();
                throw e;
            }
        }, result -> {
            if (!aborted && !failed) {
                then.accept(result);
            }
        }, this::fail);
    }

    private void fail(IOException failure) {
        if (aborted || failed) {
            return;
        }
        failed = true;
        closed = true;
        writing = false;
        discardAfterQueue(); // in case the disk refused the step that failed, and with it the cleanup
        listener.onFailed(failure);
    }

    private void discardAfterQueue() {
        try {
            disk.execute(this::discard);
        } catch (RejectedExecutionException e) {
            // The pool is stopping, and since it refused, no disk step is running: clean up here.
            discard();
        }
    }

    private Void createTemp() throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path candidate = dir.resolve(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
            try {
                channel = FileChannel.open(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                temp = candidate;
                return null;
            } catch (FileAlreadyExistsException e) {
                if (attempt == TEMP_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        return null;
    }

    /** Closes and deletes the temporary file, if there is one; disk side. */
    private void discard() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the file is deleted next: what it held no longer matters
            }
            channel = null;
        }
        if (temp != null) {
            Placement.deleteQuietly(temp);
            temp = null;
        }
    }
}
