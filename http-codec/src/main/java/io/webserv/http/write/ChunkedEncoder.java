package io.webserv.http.write;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The chunked transfer coding (RFC 9112 §7.1) for response bodies. Made for gathering writes: a chunk
 * is {@code [header(size), data, crlf()]}, so the data itself is never copied.
 */
public final class ChunkedEncoder {

    private static final ByteBuffer CRLF = ByteBuffer.wrap(new byte[] {'\r', '\n'}).asReadOnlyBuffer();
    private static final ByteBuffer LAST_CHUNK =
            ByteBuffer.wrap("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();

    private ChunkedEncoder() {
    }

    /** {@code HEX-SIZE CRLF} for a chunk of {@code size} bytes; size must be positive (0 is the last chunk). */
    public static ByteBuffer header(long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("a data chunk has at least one byte: " + size);
        }
        return ByteBuffer.wrap((Long.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** The CRLF that ends a chunk's data: a fresh read-only view, safe to consume. */
    public static ByteBuffer crlf() {
        return CRLF.duplicate();
    }

    /** {@code 0 CRLF CRLF}: the last chunk with no trailers. A fresh read-only view. */
    public static ByteBuffer lastChunk() {
        return LAST_CHUNK.duplicate();
    }

    /** The three buffers of one chunk carrying {@code data} (which must not be empty). */
    public static ByteBuffer[] chunk(ByteBuffer data) {
        return new ByteBuffer[] {header(data.remaining()), data, crlf()};
    }
}
