package io.webserv.http.multipart;

import io.webserv.http.parse.HttpParseException;
import io.webserv.http.parse.ParseError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A streaming pull parser for a {@code multipart/form-data} body (RFC 7578, RFC 2046 §5.1): each call of
 * {@link #parse} consumes what it can of a buffer and reports one {@link MultipartEvent}. Part content
 * comes out as read-only slices of the input as soon as it is known not to begin a delimiter. The parser
 * never keeps a reference to an input buffer between calls: what it holds back (fewer bytes than the
 * delimiter, 74 at most) is a prefix of its own delimiter, so it keeps a count (see
 * {@link DelimiterFinder}). Besides, it holds one part's header block while reading it.
 *
 * <pre>
 *   PREAMBLE ──CRLF--boundary──┐   (a body may start with "--boundary": read as if a CRLF came first)
 *                              ▼
 *   ┌──────────────────▶ AFTER_BOUNDARY ──"-"──▶ CLOSING ──"-"──▶ EPILOGUE: [PART_END], END for ever
 *   │                          │ any other byte, left for PADDING
 *   │                          ▼
 *   │                       PADDING ◀─┐ SP / HTAB
 *   │                          │ CR ──┘
 *   │                          ▼
 *   │                     BOUNDARY_LF ──LF──▶ PART_START: [PART_END]; one more part, within the limit
 *   │                                              │
 *   │                                              ▼
 *   │                                           HEADERS ──empty line──▶ PART_HEADERS
 *   │ CRLF--boundary                               │
 *   │                                              ▼
 *   └─────────────────────────────────────────  CONTENT: PART_CONTENT ...
 *
 *   [PART_END]: only when a part is open, i.e. not after the first boundary.
 *   any state ──bad byte, limit, or endOfInput() before EPILOGUE──▶ FAILED: ERROR for ever
 * </pre>
 *
 * <p>PART_END is reported only once the delimiter line after the content is valid, so a consumer may
 * trust the part to be complete; the body as a whole is valid only at END. A {@code "\r\n--boundary"}
 * inside content that is not followed by padding and CRLF or by {@code "--"} is an error: RFC 2046
 * §5.1.1 forbids the delimiter inside a part, and guessing would let two parsers read one body apart.
 * A body of no part at all ({@code --boundary--}) is accepted: browsers send it for an empty form.
 * Whatever follows the close delimiter is epilogue, discarded unread.
 *
 * <p>Usage: call {@link #parse} with a buffer until it returns NEED_MORE_INPUT (the buffer is then
 * consumed to its limit), handling the events in between; at the end of the body call
 * {@link #endOfInput()}. One parser per body.
 */
public final class MultipartParser {

    private enum State { PREAMBLE, AFTER_BOUNDARY, CLOSING, PADDING, BOUNDARY_LF, PART_START, HEADERS, CONTENT, EPILOGUE, FAILED }

    /** RFC 2046 §5.1.1: {@code boundary := 0*69<bchars> bcharsnospace}. */
    private static final int MAX_BOUNDARY_LENGTH = 70;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final MultipartLimits limits;
    private final DelimiterFinder finder;
    private final PartHeadersParser headers;
    private State state = State.PREAMBLE;
    private boolean partOpen;
    private int parts;
    private Part part;
    private ByteBuffer content = EMPTY;
    private ParseError error;

    /**
     * Creates a parser for one body.
     *
     * @param boundary the boundary, as {@link #boundaryOf} returns it
     * @param limits   the bounds on part headers and part count
     * @throws IllegalArgumentException when {@code boundary} is not a valid RFC 2046 boundary
     */
    public MultipartParser(byte[] boundary, MultipartLimits limits) {
        if (!isValidBoundary(boundary)) {
            throw new IllegalArgumentException("invalid multipart boundary");
        }
        this.limits = Objects.requireNonNull(limits, "limits");
        this.finder = new DelimiterFinder(boundary);
        this.headers = new PartHeadersParser(limits.maxPartHeaderBytes());
        finder.expectBodyStart();
    }

    /**
     * Reads the boundary of a {@code multipart/form-data} Content-Type.
     *
     * @param contentType the request's Content-Type value, may be null
     * @return the boundary, unquoted, as bytes
     * @throws HttpParseException MULTIPART_BOUNDARY_INVALID when {@code contentType} is null, is not
     *         {@code multipart/form-data}, or has no boundary of 1 to 70 {@code bchars} not ending in a space
     */
    public static byte[] boundaryOf(String contentType) {
        ParameterizedValue value = ParameterizedValue.parse(contentType, ParseError.MULTIPART_BOUNDARY_INVALID);
        if (!value.value().equalsIgnoreCase("multipart/form-data")) {
            throw new HttpParseException(ParseError.MULTIPART_BOUNDARY_INVALID, "not multipart/form-data");
        }
        String boundary = value.parameter("boundary");
        byte[] bytes = boundary == null || !isAscii(boundary) ? null : boundary.getBytes(StandardCharsets.US_ASCII);
        if (!isValidBoundary(bytes)) {
            throw new HttpParseException(ParseError.MULTIPART_BOUNDARY_INVALID, "missing or invalid boundary");
        }
        return bytes;
    }

    /**
     * Consumes what it can of {@code in}, from its position, and reports what it found. Any event but
     * NEED_MORE_INPUT may leave bytes in {@code in}: call again with the same buffer. {@link #content()}
     * stays valid until the next call or until the caller changes {@code in}'s bytes.
     *
     * @param in the body bytes received, in read mode
     * @return what was found: PART_HEADERS, PART_CONTENT, PART_END, END, ERROR, or NEED_MORE_INPUT when
     *     {@code in} is used up
     */
    public MultipartEvent parse(ByteBuffer in) {
        content = EMPTY;
        try {
            while (true) {
                MultipartEvent event = step(in);
                if (event != null) {
                    return event;
                }
            }
        } catch (HttpParseException e) {
            return fail(e.error());
        }
    }

    /**
     * Tells the parser that the body has ended.
     *
     * @return END when the close delimiter has been read, else ERROR with MULTIPART_MALFORMED: a body
     *     cut short must not pass for a complete one
     */
    public MultipartEvent endOfInput() {
        if (state == State.EPILOGUE) {
            return MultipartEvent.END;
        }
        return state == State.FAILED ? MultipartEvent.ERROR : fail(ParseError.MULTIPART_MALFORMED);
    }

    /** {@return the current part, from its PART_HEADERS on; null before the first} */
    public Part part() {
        return part;
    }

    /**
     * {@return the bytes of the last PART_CONTENT} A read-only slice of the input, or of the parser's
     * delimiter for bytes it held back.
     */
    public ByteBuffer content() {
        return content;
    }

    /** {@return what was wrong after ERROR; null otherwise} */
    public ParseError error() {
        return error;
    }

    /** How many bytes the parser holds back as a possible delimiter start; for tests. */
    int heldBack() {
        return finder.held();
    }

    /** The length of {@code CRLF "--" boundary}; for tests. */
    int delimiterLength() {
        return finder.length();
    }

    /** One transition; null when it produced no event and the loop should go on. */
    private MultipartEvent step(ByteBuffer in) {
        return switch (state) {
            case PREAMBLE -> preamble(in);
            case AFTER_BOUNDARY, CLOSING, PADDING, BOUNDARY_LF -> delimiterLine(in);
            case PART_START -> startPart();
            case HEADERS -> headers(in);
            case CONTENT -> content(in);
            case EPILOGUE -> {
                in.position(in.limit());
                yield MultipartEvent.END;
            }
            case FAILED -> MultipartEvent.ERROR;
        };
    }

    private MultipartEvent startPart() {
        if (++parts > limits.maxParts()) {
            throw new HttpParseException(ParseError.BODY_TOO_LARGE, "too many parts");
        }
        headers.reset();
        state = State.HEADERS;
        return null;
    }

    private MultipartEvent preamble(ByteBuffer in) {
        if (finder.find(in)) {
            state = State.AFTER_BOUNDARY;
            return null;
        }
        return in.hasRemaining() ? null : MultipartEvent.NEED_MORE_INPUT;
    }

    private MultipartEvent headers(ByteBuffer in) {
        Part parsed = headers.parse(in);
        if (parsed == null) {
            return MultipartEvent.NEED_MORE_INPUT;
        }
        part = parsed;
        partOpen = true;
        state = State.CONTENT;
        return MultipartEvent.PART_HEADERS;
    }

    private MultipartEvent content(ByteBuffer in) {
        if (finder.find(in)) {
            state = State.AFTER_BOUNDARY;
        }
        content = finder.data();
        if (content.hasRemaining()) {
            return MultipartEvent.PART_CONTENT;
        }
        return state == State.CONTENT && !in.hasRemaining() ? MultipartEvent.NEED_MORE_INPUT : null;
    }

    /**
     * The rest of a delimiter line, one byte at a time (RFC 2046 §5.1.1): {@code "--"} closes the body,
     * else {@code transport-padding CRLF} opens the next part. Padding is never generated but must be
     * accepted; it is not buffered, so it needs no limit here.
     */
    private MultipartEvent delimiterLine(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return MultipartEvent.NEED_MORE_INPUT;
        }
        byte b = in.get();
        switch (state) {
            case AFTER_BOUNDARY -> {
                if (b == '-') {
                    state = State.CLOSING;
                } else {
                    in.position(in.position() - 1); // not a close delimiter: padding decides
                    state = State.PADDING;
                }
                return null;
            }
            case CLOSING -> {
                expect(b == '-');
                state = State.EPILOGUE;
                return endPart();
            }
            case PADDING -> {
                if (b == '\r') {
                    state = State.BOUNDARY_LF;
                } else {
                    expect(b == ' ' || b == '\t');
                }
                return null;
            }
            case BOUNDARY_LF -> {
                expect(b == '\n');
                state = State.PART_START;
                return endPart();
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    /** PART_END when a part was open; null (go on) for the first delimiter. */
    private MultipartEvent endPart() {
        if (!partOpen) {
            return null;
        }
        partOpen = false;
        return MultipartEvent.PART_END;
    }

    private static void expect(boolean valid) {
        if (!valid) {
            throw new HttpParseException(ParseError.MULTIPART_MALFORMED, "invalid delimiter line");
        }
    }

    private MultipartEvent fail(ParseError why) {
        error = why;
        state = State.FAILED;
        content = EMPTY;
        return MultipartEvent.ERROR;
    }

    /** {@code 1*70 bchars}, the last not a space (RFC 2046 §5.1.1). */
    private static boolean isValidBoundary(byte[] boundary) {
        if (boundary == null || boundary.length == 0 || boundary.length > MAX_BOUNDARY_LENGTH
                || boundary[boundary.length - 1] == ' ') {
            return false;
        }
        for (byte b : boundary) {
            if (!isBchar(b)) {
                return false;
            }
        }
        return true;
    }

    /** Checked before encoding, which would turn other chars into '?', a bchar. */
    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    private static boolean isBchar(byte b) {
        return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || "'()+_,-./:=? ".indexOf(b) >= 0;
    }
}
