package io.webserv.http.parse;

import io.webserv.http.message.HttpHeaders;
import io.webserv.http.syntax.HttpChars;

import java.nio.ByteBuffer;

/**
 * Decodes the chunked transfer coding (RFC 9112 §7.1) incrementally, handing out chunk data as slices
 * of the input. Extensions are checked for syntax and dropped; trailer fields are checked like header
 * fields and dropped.
 *
 * <pre>
 *   SIZE_LINE ──size&gt;0──▶ DATA ──all read──▶ DATA_CR ─▶ DATA_LF ─▶ SIZE_LINE
 *       │
 *       └──size=0──▶ TRAILERS ──empty line──▶ DONE
 * </pre>
 */
final class ChunkedDecoder {

    private enum State { SIZE_LINE, DATA, DATA_CR, DATA_LF, TRAILERS, DONE }

    private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final ParserLimits limits;
    private final LineReader lines;
    private State state = State.SIZE_LINE;
    private long chunkRemaining;
    private long bodyBytes;
    private int trailerCount;

    ChunkedDecoder(ParserLimits limits) {
        this.limits = limits;
        this.lines = new LineReader(64);
    }

    void reset() {
        state = State.SIZE_LINE;
        chunkRemaining = 0;
        bodyBytes = 0;
        trailerCount = 0;
        lines.clear();
    }

    /**
     * Consumes from {@code in} until it has chunk data to hand out, the body ends, or {@code in} is empty.
     *
     * @param maxBodyBytes the body limit, 0 for none
     * @return a slice of {@code in} with chunk data; an empty buffer when the body is complete
     *         ({@link #isDone()}) or more input is needed
     */
    ByteBuffer decode(ByteBuffer in, long maxBodyBytes) {
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case SIZE_LINE -> readSizeLine(in, maxBodyBytes);
                case DATA -> {
                    int n = (int) Math.min(chunkRemaining, in.remaining());
                    ByteBuffer data = in.slice(in.position(), n);
                    in.position(in.position() + n);
                    chunkRemaining -= n;
                    if (chunkRemaining == 0) {
                        state = State.DATA_CR;
                    }
                    return data;
                }
                case DATA_CR -> expect(in, '\r', State.DATA_LF);
                case DATA_LF -> expect(in, '\n', State.SIZE_LINE);
                case TRAILERS -> readTrailerLine(in);
                default -> throw new IllegalStateException(state.name());
            }
        }
        return NO_DATA;
    }

    /** The bytes of the line array kept between bodies, for tests. */
    int retainedCapacity() {
        return lines.capacity();
    }

    boolean isDone() {
        return state == State.DONE;
    }

    private void expect(ByteBuffer in, char c, State next) {
        if (in.get() != c) {
            throw new HttpParseException(ParseError.CHUNK_NOT_TERMINATED);
        }
        state = next;
    }

    private void readSizeLine(ByteBuffer in, long maxBodyBytes) {
        if (!lines.readLine(in, limits.maxChunkLineBytes() + 2, limits.maxChunkLineBytes(),
                ParseError.CHUNK_LINE_TOO_LONG, ParseError.CHUNK_LINE_TOO_LONG)) {
            return;
        }
        long size = parseSizeLine(lines.buffer(), lines.lineStart(), lines.lineEnd());
        lines.clear();
        bodyBytes += size;
        if (maxBodyBytes > 0 && bodyBytes > maxBodyBytes) {
            throw new HttpParseException(ParseError.BODY_TOO_LARGE);
        }
        chunkRemaining = size;
        state = size == 0 ? State.TRAILERS : State.DATA;
    }

    /** {@code chunk-size [ chunk-ext ]}, where chunk-ext = *( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] ). */
    static long parseSizeLine(byte[] buf, int start, int end) {
        int i = start;
        long size = 0;
        while (i < end && HttpChars.isHex(buf[i])) {
            if (size > (Long.MAX_VALUE >> 4)) {
                throw new HttpParseException(ParseError.CHUNK_SIZE_OVERFLOW);
            }
            size = size << 4 | HttpChars.hexValue(buf[i]);
            i++;
        }
        if (i == start) {
            throw new HttpParseException(ParseError.CHUNK_SIZE_INVALID);
        }
        checkExtensions(buf, i, end);
        return size;
    }

    private static void checkExtensions(byte[] buf, int i, int end) {
        boolean afterSize = true;
        while (i < end) {
            i = skipWhitespace(buf, i, end);
            if (i == end || buf[i] != ';') {
                // Right after the digits it is the size that is wrong ("5x"); later, an extension ("5;a@b").
                throw new HttpParseException(afterSize ? ParseError.CHUNK_SIZE_INVALID : ParseError.CHUNK_EXTENSION_INVALID);
            }
            afterSize = false;
            i = skipWhitespace(buf, i + 1, end);
            int nameStart = i;
            i = skipToken(buf, i, end);
            if (i == nameStart) {
                throw new HttpParseException(ParseError.CHUNK_EXTENSION_INVALID);
            }
            int afterName = skipWhitespace(buf, i, end);
            if (afterName < end && buf[afterName] == '=') {
                i = skipWhitespace(buf, afterName + 1, end);
                i = i < end && buf[i] == '"' ? skipQuotedString(buf, i, end) : requireToken(buf, i, end);
            }
        }
    }

    private static int skipWhitespace(byte[] buf, int i, int end) {
        while (i < end && (buf[i] == ' ' || buf[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int skipToken(byte[] buf, int i, int end) {
        while (i < end && HttpChars.isToken(buf[i])) {
            i++;
        }
        return i;
    }

    private static int requireToken(byte[] buf, int i, int end) {
        int after = skipToken(buf, i, end);
        if (after == i) {
            throw new HttpParseException(ParseError.CHUNK_EXTENSION_INVALID);
        }
        return after;
    }

    /** A quoted-string (RFC 9110 §5.6.4) starting at the opening quote; returns the index after its end. */
    private static int skipQuotedString(byte[] buf, int i, int end) {
        for (i++; i < end; i++) {
            byte b = buf[i];
            if (b == '"') {
                return i + 1;
            }
            if (b == '\\') {
                i++;
                if (i == end || !HttpChars.isFieldValue(buf[i])) {
                    break;
                }
            } else if (!HttpChars.isFieldValue(b)) {
                break;
            }
        }
        throw new HttpParseException(ParseError.CHUNK_EXTENSION_INVALID);
    }

    private void readTrailerLine(ByteBuffer in) {
        if (!lines.readLine(in, limits.maxTrailerBytes(), limits.maxTrailerBytes(),
                ParseError.TRAILERS_TOO_LARGE, ParseError.TRAILERS_TOO_LARGE)) {
            return;
        }
        if (lines.isLineEmpty()) {
            lines.clear();
            state = State.DONE;
            return;
        }
        if (++trailerCount > limits.maxHeaderCount()) {
            throw new HttpParseException(ParseError.TRAILERS_TOO_LARGE);
        }
        // Parsed for their syntax only: SPEC §3 drops trailers, and nothing is kept.
        FieldLine.parseInto(lines.buffer(), lines.lineStart(), lines.lineEnd(), lines.isLineClean(), null, new HttpHeaders(1));
        lines.nextLine();
    }
}
