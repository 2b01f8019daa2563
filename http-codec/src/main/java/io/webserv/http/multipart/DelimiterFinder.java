package io.webserv.http.multipart;

import java.nio.ByteBuffer;

/**
 * Finds the multipart delimiter {@code CRLF "--" boundary} (RFC 2046 §5.1.1) in a stream that arrives
 * in buffers cut anywhere, and tells which bytes before it are data.
 *
 * <p>The search scans for CR and compares the delimiter from there. That is linear, with no skip table,
 * because CR occurs in the delimiter only at its start ({@code bchars} exclude it): no match can begin
 * inside a partial match, so after a mismatch the scan resumes at the mismatching byte and every byte
 * is looked at about once. (Boyer–Moore–Horspool could skip further on long boundaries, but the CR
 * scan already runs at GiB/s, see {@link #indexOfCr}, well past the disk the content goes to.)
 *
 * <p>A buffer that ends inside a possible delimiter holds back those bytes. They are by definition a
 * prefix of the delimiter, so the finder keeps only their count and, should they turn out to be data,
 * hands them out as a read-only slice of its own delimiter array: it never copies the input and never
 * keeps a reference to a caller's buffer between calls. What it retains is the delimiter itself, at
 * most 74 bytes.
 */
final class DelimiterFinder {

    private static final byte CR = '\r';
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final byte[] delimiter;
    /** How many bytes of the delimiter ended the previous buffer. */
    private int held;
    private ByteBuffer data = EMPTY;

    /** For a boundary already validated: its bytes are {@code bchars}, so none is CR. */
    DelimiterFinder(byte[] boundary) {
        delimiter = new byte[4 + boundary.length];
        delimiter[0] = '\r';
        delimiter[1] = '\n';
        delimiter[2] = '-';
        delimiter[3] = '-';
        System.arraycopy(boundary, 0, delimiter, 4, boundary.length);
    }

    /**
     * Acts as if a CRLF had just been read: the body's first delimiter may stand at its very start
     * without the CRLF ({@code dash-boundary} of RFC 2046 §5.1.1). If it does not, the two phantom bytes
     * come back as data, which the caller discards with the rest of the preamble.
     */
    void expectBodyStart() {
        held = 2;
    }

    /**
     * Scans {@code in} from its position for the rest of a delimiter.
     *
     * @return true when a delimiter was completed: {@link #data()} is what preceded it in {@code in}, and
     *         {@code in} is positioned just after it; false otherwise: {@link #data()} holds bytes that
     *         are certainly data (maybe none), and {@code in} has either been consumed to its limit (any
     *         possible delimiter start at its end held back), or, when held-back bytes turned out to be
     *         data, not moved at all
     */
    boolean find(ByteBuffer in) {
        return held > 0 ? resume(in) : scan(in);
    }

    /** The data before the delimiter (or before the end of the buffer) that the last {@link #find} saw. */
    ByteBuffer data() {
        return data;
    }

    /** How many delimiter bytes are held back; always less than {@link #length()}. */
    int held() {
        return held;
    }

    /** The length of the delimiter, CRLF included. */
    int length() {
        return delimiter.length;
    }

    private boolean resume(ByteBuffer in) {
        int start = in.position();
        int wanted = Math.min(in.remaining(), delimiter.length - held);
        int matched = 0;
        while (matched < wanted && in.get(start + matched) == delimiter[held + matched]) {
            matched++;
        }
        if (matched < wanted) {
            // Not a delimiter after all: what was held back is data. The input is left for the next call,
            // whose scan sees the mismatching byte, which may be the CR of a real delimiter.
            data = ByteBuffer.wrap(delimiter, 0, held).slice().asReadOnlyBuffer();
            held = 0;
            return false;
        }
        in.position(start + matched);
        held += matched;
        data = EMPTY;
        if (held == delimiter.length) {
            held = 0;
            return true;
        }
        return false;
    }

    private boolean scan(ByteBuffer in) {
        int start = in.position();
        int limit = in.limit();
        for (int i = indexOfCr(in, start, limit); i < limit; ) {
            int matched = 1;
            while (matched < delimiter.length && i + matched < limit && in.get(i + matched) == delimiter[matched]) {
                matched++;
            }
            if (matched == delimiter.length) {
                data = slice(in, start, i);
                in.position(i + matched);
                return true;
            }
            if (i + matched == limit) {
                data = slice(in, start, i);
                held = matched;
                in.position(limit);
                return false;
            }
            // The matched bytes after the CR hold no CR, so the next candidate is the mismatching byte or later.
            i = indexOfCr(in, i + matched, limit);
        }
        data = slice(in, start, limit);
        in.position(limit);
        return false;
    }

    /**
     * The first CR in {@code in[from, limit)}, or {@code limit}. A loop of its own because the JIT makes
     * a tight loop of it: with the candidate check in the same loop, the scan ran three to five times
     * slower (an ad-hoc run over 1 MiB of random bytes on JDK 17; a special case for heap arrays gained
     * little more, so there is none). {@code MultipartScanBenchmark} in benchmarks/ measures it properly.
     */
    private static int indexOfCr(ByteBuffer in, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (in.get(i) == CR) {
                return i;
            }
        }
        return limit;
    }

    private static ByteBuffer slice(ByteBuffer in, int from, int to) {
        return from == to ? EMPTY : in.slice(from, to - from).asReadOnlyBuffer();
    }
}
