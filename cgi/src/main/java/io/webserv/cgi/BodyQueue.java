package io.webserv.cgi;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;

/**
 * The request body on its way from the event loop to the thread that writes it to the script (or to
 * the spool): a queue bounded in bytes. When it holds {@link #HIGH_WATER} bytes the loop is told to
 * pause the body, so the client is held back by TCP; when the writer has taken it down to half, the
 * {@code onRoom} callback (run on the writer's thread) asks the loop to resume.
 */
final class BodyQueue {

    /** Body bytes buffered per request at most (plus one slice of the reactor's buffer). */
    static final int HIGH_WATER = 64 * 1024;

    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private final Runnable onRoom;
    private long bytes;
    private boolean ended;
    private boolean closed;
    private boolean producerHeld;

    /** @param onRoom called, on the consumer's thread, when a held producer may go on */
    BodyQueue(Runnable onRoom) {
        this.onRoom = onRoom;
    }

    /**
     * Adds a chunk (the loop's copy). After {@link #close()} chunks are dropped.
     *
     * @return false when the producer should pause until {@code onRoom}
     */
    synchronized boolean offer(byte[] chunk) {
        if (closed) {
            return true;
        }
        chunks.add(chunk);
        bytes += chunk.length;
        notifyAll();
        if (bytes >= HIGH_WATER) {
            producerHeld = true;
            return false;
        }
        return true;
    }

    /** The whole body has been offered. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** Nothing more will be taken: drops what is queued and releases a held producer. */
    void close() {
        boolean release;
        synchronized (this) {
            closed = true;
            chunks.clear();
            bytes = 0;
            release = producerHeld;
            producerHeld = false;
            notifyAll();
        }
        if (release) {
            onRoom.run();
        }
    }

    /**
     * The next chunk, waiting for one; null at the end of the body.
     *
     * @throws CancellationException when the queue was closed (the run stopped)
     */
    byte[] take() throws InterruptedException {
        byte[] chunk;
        boolean release = false;
        synchronized (this) {
            while (chunks.isEmpty() && !ended && !closed) {
                wait();
            }
            if (closed) {
                throw new CancellationException("the CGI run stopped");
            }
            chunk = chunks.poll();
            if (chunk != null) {
                bytes -= chunk.length;
                if (producerHeld && bytes <= HIGH_WATER / 2) {
                    producerHeld = false;
                    release = true;
                }
            }
        }
        if (release) {
            onRoom.run();
        }
        return chunk;
    }
}
