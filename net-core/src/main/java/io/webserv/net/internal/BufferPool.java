package io.webserv.net.internal;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Direct buffers of one size, owned by one event loop (no locking). A connection takes one only while
 * bytes are in flight and gives it back as soon as it is empty, so an idle connection holds none.
 */
public final class BufferPool {

    private final int bufferSize;
    private final int maxPooled;
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
    private int outstanding;

    public BufferPool(int bufferSize, int maxPooled) {
        this.bufferSize = bufferSize;
        this.maxPooled = maxPooled;
    }

    /** A cleared buffer in write mode. */
    public ByteBuffer take() {
        ByteBuffer buffer = free.pollFirst();
        outstanding++;
        return buffer != null ? buffer : ByteBuffer.allocateDirect(bufferSize);
    }

    public void release(ByteBuffer buffer) {
        outstanding--;
        if (free.size() < maxPooled) {
            free.addFirst(buffer.clear());
        }
    }

    /** Buffers taken and not released: what connections hold right now. */
    public int outstanding() {
        return outstanding;
    }
}
