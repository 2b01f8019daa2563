package io.webserv.http.parse;

import io.webserv.http.syntax.HttpChars;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Collects CRLF-terminated lines from buffers of any size into one growing block (a request head, a
 * chunk-size line, a trailer section), checking strict line endings and the block's size limit before
 * each byte is kept.
 *
 * <p>Bytes stay in {@link #buffer()} until {@link #clear()}, so a caller can read every completed line
 * of the block by offset. A CR is accepted only as the first half of CRLF (RFC 9112 §2.2).
 */
final class LineReader {

    /**
     * The largest array {@link #clear()} gives back for reuse: one grown for a large head (up to
     * {@code limits.header_bytes}) is left to the garbage collector.
     */
    static final int RETAINED_CAPACITY = 4096;
    private static final byte[] NONE = new byte[0];

    private final int initialCapacity;
    /** {@link #NONE} between blocks: the array is taken from {@link SpareLineArrays} at the first byte. */
    private byte[] buf = NONE;
    private int length;
    private int lineStart;
    private boolean pendingCr;
    /** The current line holds a byte that is not a field-value character (a control byte). */
    private boolean lineDirty;

    LineReader(int initialCapacity) {
        this.initialCapacity = initialCapacity;
    }

    /**
     * Reads from {@code in} up to the end of the current line.
     *
     * @param maxBlock      the limit on the whole block, CRLFs included
     * @param maxLine       the limit on this line without its CRLF
     * @param blockTooLarge the error when {@code maxBlock} is crossed
     * @param lineTooLong   the error when {@code maxLine} is crossed
     * @return true when a line is complete: it is {@link #lineStart()} to {@link #lineEnd()} in
     *         {@link #buffer()}; false when {@code in} ran out first
     */
    boolean readLine(ByteBuffer in, int maxBlock, int maxLine, ParseError blockTooLarge, ParseError lineTooLong) {
        while (in.hasRemaining()) {
            if (pendingCr) {
                if (in.get() != '\n') {
                    throw new HttpParseException(ParseError.BARE_CR);
                }
                pendingCr = false;
                append(1, maxBlock, blockTooLarge);
                buf[length - 1] = '\n';
                return true;
            }
            // Copy the run of field-value bytes in one go. The scan that finds the line's end also
            // tells whether the line is clean, so header values need no second pass.
            int from = in.position();
            int stop = indexOfLineEnd(in, from, in.limit());
            int run = stop - from;
            if (length - lineStart + run > maxLine) {
                throw new HttpParseException(lineTooLong);
            }
            append(run, maxBlock, blockTooLarge);
            in.get(buf, length - run, run);
            if (stop == in.limit()) {
                return false;
            }
            byte b = in.get();
            if (b == '\n') {
                throw new HttpParseException(ParseError.BARE_LF);
            }
            if (b != '\r') {
                lineDirty = true; // a control byte: kept, so the line's parser can name the error
                if (length - lineStart + 1 > maxLine) {
                    throw new HttpParseException(lineTooLong);
                }
                append(1, maxBlock, blockTooLarge);
                buf[length - 1] = b;
                continue;
            }
            pendingCr = true;
            append(1, maxBlock, blockTooLarge);
            buf[length - 1] = '\r';
        }
        return false;
    }

    /** The index of the first byte that is not a field-value character (CR, LF or a control), or {@code to}. */
    private static int indexOfLineEnd(ByteBuffer in, int from, int to) {
        if (in.hasArray()) {
            byte[] a = in.array();
            int offset = in.arrayOffset();
            int i = skipPlainWords(a, from + offset, to + offset);
            for (int end = to + offset; i < end; i++) {
                if (!HttpChars.isFieldValue(a[i])) {
                    return i - offset;
                }
            }
            return to;
        }
        for (int i = from; i < to; i++) {
            if (!HttpChars.isFieldValue(in.get(i))) {
                return i;
            }
        }
        return to;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * Skips 8 bytes at a time while none of them can end a line: no byte below 0x20 (controls, CR, LF;
     * HTAB too, which then takes the byte-by-byte path) and no DEL. Returns where the byte-by-byte scan
     * goes on. It halved the line scan's share of a head's parse (JMH {@code typical500Reused}).
     */
    private static int skipPlainWords(byte[] a, int from, int to) {
        int i = from;
        while (i + Long.BYTES <= to) {
            long word = (long) LONGS.get(a, i);
            // A byte below 0x20 borrows in (word - 0x20 each); a byte 0x80 and up is excluded by ~word.
            long below = (word - 0x20 * ONES) & ~word & HIGHS;
            long del = word ^ (0x7F * ONES);
            long isDel = (del - ONES) & ~del & HIGHS;
            if ((below | isDel) != 0) {
                return i;
            }
            i += Long.BYTES;
        }
        return i;
    }

    /** Makes room for {@code n} more bytes (length grows by n) or refuses when the block would pass its limit. */
    private void append(int n, int maxBlock, ParseError blockTooLarge) {
        if (length + n > maxBlock) {
            throw new HttpParseException(blockTooLarge);
        }
        if (length + n > buf.length) {
            if (buf == NONE) {
                buf = SpareLineArrays.take(Math.min(Math.max(n, initialCapacity), maxBlock));
            } else {
                buf = Arrays.copyOf(buf, Math.min(Math.max(length + n, buf.length * 2), maxBlock));
            }
        }
        length += n;
    }

    /** Moves past the line just completed, keeping it in the block. */
    void nextLine() {
        lineStart = length;
        lineDirty = false;
    }

    /** Whether the completed line holds only field-value characters (VCHAR, SP, HTAB, obs-text). */
    boolean isLineClean() {
        return !lineDirty;
    }

    byte[] buffer() {
        return buf;
    }

    int lineStart() {
        return lineStart;
    }

    /** End of the completed line, before its CRLF. */
    int lineEnd() {
        return length - 2;
    }

    boolean isLineEmpty() {
        return lineEnd() == lineStart;
    }

    /** The size of the array held (0 between blocks), for tests. */
    int capacity() {
        return buf.length;
    }

    /** Bytes held, CRLFs included. */
    int blockLength() {
        return length;
    }

    /** Forgets the block and gives its array back to the thread's spares (or to the collector, if large). */
    void clear() {
        if (buf != NONE) {
            SpareLineArrays.give(buf, RETAINED_CAPACITY);
            buf = NONE;
        }
        length = 0;
        lineStart = 0;
        pendingCr = false;
        lineDirty = false;
    }
}
