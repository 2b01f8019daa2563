package io.webserv.handlers.files;

import io.webserv.handlers.api.ResponseBody;

import java.nio.ByteBuffer;

/**
 * A small regular file as {@link FileCache} keeps it: its bytes and everything a response about it
 * needs, computed once. Immutable, so every event loop may read it at once; each response wraps the
 * shared bytes in its own read-only buffer.
 *
 * @param facts      length, modification time, media type and the validators derived from them
 * @param content    the whole file, {@code facts.length()} bytes
 * @param validUntil {@link System#nanoTime()} after which the file must be looked at again
 */
record CachedFile(FileFacts facts, byte[] content, long validUntil) {

    /** {@code count} bytes from {@code position}, without copying. */
    ResponseBody body(long position, long count) {
        return new ResponseBody.Bytes(ByteBuffer.wrap(content, (int) position, (int) count).slice().asReadOnlyBuffer());
    }
}
