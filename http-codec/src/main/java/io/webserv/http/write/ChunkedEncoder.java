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

    /**
     * Encodes a chunk's size line.
     *
     * @param size the number of data bytes in the chunk; positive (0 is {@link #lastChunk()})
     * @return {@code HEX-SIZE CRLF}, a new buffer
     * @throws IllegalArgumentException when {@code size} is not positive
     */
    public static ByteBuffer header(long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("a data chunk has at least one byte: " + size);
        }
        return ByteBuffer.wrap((Long.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** {@return the CRLF that ends a chunk's data} A fresh read-only view, safe to consume. */
    public static ByteBuffer crlf() {
        return CRLF.duplicate();
    }

    /** {@return {@code 0 CRLF CRLF}, the last chunk with no trailers} A fresh read-only view. */
    public static ByteBuffer lastChunk() {
        return LAST_CHUNK.duplicate();
    }

    /**
     * Frames one chunk for a gathering write.
     *
     * @param data the chunk's bytes, not empty; not copied
     * @return the size line, {@code data} itself and the closing CRLF
     * @throws IllegalArgumentException when {@code data} has no bytes remaining
     */
    public static ByteBuffer[] chunk(ByteBuffer data) {
        return new ByteBuffer[] {header(data.remaining()), data, crlf()};
    }
}
