package io.webserv.handlers.files;

import io.webserv.handlers.api.ResponseBody;

import java.nio.ByteBuffer;

/**
 * A small file's bytes. Immutable, so every event loop may read them at once; each response wraps
 * them in its own read-only buffer.
 *
 * @param bytes the whole file
 */
record InMemoryContent(byte[] bytes) implements CachedContent {

    /** {@code count} bytes from {@code position}, without copying. */
    @Override
    public ResponseBody body(long position, long count) {
        return new ResponseBody.Bytes(ByteBuffer.wrap(bytes, (int) position, (int) count).slice().asReadOnlyBuffer());
    }

    @Override
    public long memoryBytes() {
        return bytes.length;
    }

    @Override
    public boolean holdsDescriptor() {
        return false;
    }

    @Override
    public void dropped() {
        // the garbage collector takes the bytes once no response holds them
    }
}
