package io.webserv.http.parse;

import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HostAndPort;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.RequestHead;

import java.nio.ByteBuffer;

/**
 * An incremental HTTP/1.1 request parser (RFC 9112), one per connection. Feed it buffers of any size;
 * each call consumes what it can and says what it found:
 *
 * <pre>{@code
 * switch (parser.parse(in)) {
 *     case HEAD -> route(parser.head());              // then, if needed, parser.limitBody(routeLimit)
 *     case CONTENT -> write(parser.content());        // a slice of `in`: use it before refilling `in`
 *     case MESSAGE_COMPLETE -> respond();             // the next call starts the next request
 *     case NEED_MORE_INPUT -> readMore();             // `in` is fully consumed
 *     case ERROR -> reject(parser.error().status());  // terminal: answer, then close
 * }
 * }</pre>
 *
 * <p>States, one message at a time (pipelined requests follow one another in the same input):
 *
 * <pre>
 *   REQUEST_LINE ─▶ HEADERS ─▶ HEAD_DONE ─┬─ no body ──────────────────▶ COMPLETE ─▶ REQUEST_LINE …
 *                                          ├─ Content-Length ─▶ FIXED_BODY ─┤
 *                                          └─ chunked ─▶ CHUNKED_BODY ──────┘
 *   any state ─ violation ─▶ FAILED (terminal)
 * </pre>
 *
 * <p>Strict by default, as SPEC §3 wants: each violation ends the parse with a {@link ParseError}
 * carrying its status. Limits ({@link ParserLimits}) are checked before bytes are buffered. Body
 * bytes are never copied: {@link #content()} is a slice of the caller's buffer. Not thread-safe.
 */
public final class RequestParser {

    private enum State { REQUEST_LINE, HEADERS, HEAD_DONE, FIXED_BODY, CHUNKED_BODY, COMPLETE, FAILED }

    private final ParserLimits limits;
    private final LineReader head;
    /** Made for the first chunked body: most connections never send one, and an idle one keeps its parser. */
    private ChunkedDecoder chunked;
    private final HeaderValueCache valueCache;

    private State state = State.REQUEST_LINE;
    private boolean skippedEmptyLine;
    private RequestLine requestLine;
    private HttpHeaders headers;
    /*
     * How many Host, Content-Length and Transfer-Encoding fields the head has, counted while its fields
     * are parsed (names arrive as HeaderNames constants) so that the framing rules need no scan; up to
     * 2, all the rules ask. Bytes in the parser rather than an object of their own: 32 bytes less per
     * idle connection (jcmd GC.class_histogram with 9,916 idle connections: the 24-byte object gone,
     * the parser 8 bytes smaller).
     */
    private byte hostFields;
    private byte contentLengthFields;
    private byte transferEncodingFields;
    private RequestHead parsedHead;
    private long bodyRemaining;
    private long bodyLimit;
    private ByteBuffer content;
    private ParseError error;

    /** Creates a parser with {@link ParserLimits#DEFAULT}. */
    public RequestParser() {
        this(ParserLimits.DEFAULT);
    }

    /**
     * Creates a parser.
     *
     * @param limits what it accepts before it refuses
     */
    public RequestParser(ParserLimits limits) {
        this(limits, null);
    }

    /**
     * Creates a parser that reuses the header value strings of earlier requests.
     *
     * @param limits     what it accepts before it refuses
     * @param valueCache header values to reuse across requests (one per thread, shared by that thread's
     *                   parsers), or null to allocate every value
     */
    public RequestParser(ParserLimits limits, HeaderValueCache valueCache) {
        this.limits = limits;
        this.valueCache = valueCache;
        this.head = new LineReader(1024);
        this.bodyLimit = limits.maxBodyBytes();
    }

    /**
     * Consumes bytes from {@code in} (advancing its position) until something happens.
     *
     * @param in the bytes received, in read mode; what is not consumed stays for the next call
     * @return what happened; {@link ParseResult#NEED_MORE_INPUT} only when {@code in} has no bytes left
     */
    public ParseResult parse(ByteBuffer in) {
        try {
            return advance(in);
        } catch (HttpParseException e) {
            return fail(e.error());
        }
    }

    private ParseResult advance(ByteBuffer in) {
        switch (state) {
            case COMPLETE:
                startNextMessage();
                return readHead(in);
            case REQUEST_LINE:
            case HEADERS:
                return readHead(in);
            case HEAD_DONE:
                return startBody(in);
            case FIXED_BODY:
                return readFixedBody(in);
            case CHUNKED_BODY:
                return readChunkedBody(in);
            case FAILED:
                return ParseResult.ERROR;
            default:
                throw new IllegalStateException(state.name());
        }
    }

    private ParseResult readHead(ByteBuffer in) {
        while (head.readLine(in, limits.maxHeadBytes(), lineLimit(), ParseError.HEAD_TOO_LARGE, lineError())) {
            if (state == State.REQUEST_LINE) {
                readRequestLine();
            } else if (head.isLineEmpty()) {
                completeHead();
                return ParseResult.HEAD;
            } else {
                if (headers.size() == limits.maxHeaderCount()) {
                    throw new HttpParseException(ParseError.HEAD_TOO_LARGE);
                }
                countFramingField(FieldLine.parseInto(head.buffer(), head.lineStart(), head.lineEnd(), head.isLineClean(), valueCache, headers));
            }
            head.nextLine();
        }
        return ParseResult.NEED_MORE_INPUT;
    }

    /** Counts {@code name} if it is one of the framing fields; the counts stop at 2. */
    private void countFramingField(String name) {
        if (name == HeaderNames.HOST) {
            hostFields = atMostTwo(hostFields + 1);
        } else if (name == HeaderNames.CONTENT_LENGTH) {
            contentLengthFields = atMostTwo(contentLengthFields + 1);
        } else if (name == HeaderNames.TRANSFER_ENCODING) {
            transferEncodingFields = atMostTwo(transferEncodingFields + 1);
        }
    }

    private static byte atMostTwo(int count) {
        return (byte) Math.min(count, 2);
    }

    private int lineLimit() {
        return state == State.REQUEST_LINE ? limits.maxRequestLineBytes() : limits.maxHeadBytes();
    }

    private ParseError lineError() {
        return state == State.REQUEST_LINE ? ParseError.REQUEST_LINE_TOO_LONG : ParseError.HEAD_TOO_LARGE;
    }

    private void readRequestLine() {
        if (head.isLineEmpty()) {
            // RFC 9112 §2.2: one empty line before the request line is ignored (a stray CRLF after a
            // previous body); a second one is not.
            if (skippedEmptyLine) {
                throw new HttpParseException(ParseError.REQUEST_LINE_MALFORMED);
            }
            skippedEmptyLine = true;
            head.clear();
            return;
        }
        requestLine = valueCache != null ? valueCache.requestLine(head.buffer(), head.lineStart(), head.lineEnd())
                : RequestLine.parse(head.buffer(), head.lineStart(), head.lineEnd());
        headers = new HttpHeaders();
        hostFields = 0;
        contentLengthFields = 0;
        transferEncodingFields = 0;
        state = State.HEADERS;
    }

    private void completeHead() {
        headers.freeze();
        HostAndPort host = Framing.host(headers, hostFields, requestLine.version(), requestLine.target(),
                valueCache);
        long length = Framing.bodyLength(headers, contentLengthFields, transferEncodingFields, requestLine.version());
        parsedHead = new RequestHead(requestLine.method(), requestLine.target(), requestLine.version(), headers, host, length);
        bodyRemaining = length;
        state = State.HEAD_DONE;
        head.clear(); // every field is parsed: the head's bytes are no longer needed while the exchange runs
    }

    /** The first call after HEAD: the caller may have set a limit with {@link #limitBody(long)} in between. */
    private ParseResult startBody(ByteBuffer in) {
        if (parsedHead.isChunked()) {
            if (chunked == null) {
                chunked = new ChunkedDecoder(limits);
            }
            state = State.CHUNKED_BODY;
            return readChunkedBody(in);
        }
        if (bodyLimit > 0 && bodyRemaining > bodyLimit) {
            throw new HttpParseException(ParseError.BODY_TOO_LARGE);
        }
        state = State.FIXED_BODY;
        return readFixedBody(in);
    }

    private ParseResult readFixedBody(ByteBuffer in) {
        if (bodyRemaining == 0) {
            return completeMessage();
        }
        if (!in.hasRemaining()) {
            return ParseResult.NEED_MORE_INPUT;
        }
        int n = (int) Math.min(bodyRemaining, in.remaining());
        content = in.slice(in.position(), n);
        in.position(in.position() + n);
        bodyRemaining -= n;
        return ParseResult.CONTENT;
    }

    private ParseResult readChunkedBody(ByteBuffer in) {
        ByteBuffer data = chunked.decode(in, bodyLimit);
        if (data.hasRemaining()) {
            content = data;
            return ParseResult.CONTENT;
        }
        if (chunked.isDone()) {
            return completeMessage();
        }
        return ParseResult.NEED_MORE_INPUT;
    }

    /**
     * Lets go of the message's head: the caller has it since HEAD, and a connection keeps its parser
     * while idle, which must not keep the last request's fields (up to the head limit) with it.
     */
    private ParseResult completeMessage() {
        state = State.COMPLETE;
        requestLine = null;
        headers = null;
        parsedHead = null;
        return ParseResult.MESSAGE_COMPLETE;
    }

    private ParseResult fail(ParseError e) {
        error = e;
        state = State.FAILED;
        content = null;
        return ParseResult.ERROR;
    }

    private void startNextMessage() {
        head.clear();
        if (chunked != null) {
            chunked.reset();
        }
        skippedEmptyLine = false;
        requestLine = null;
        headers = null;
        parsedHead = null;
        content = null;
        bodyRemaining = 0;
        bodyLimit = limits.maxBodyBytes();
        state = State.REQUEST_LINE;
    }

    /**
     * Sets the body limit of the current message, replacing {@link ParserLimits#maxBodyBytes()}: call it
     * between {@link ParseResult#HEAD} and the next {@link #parse}, once the route is known. A
     * Content-Length over the limit fails the next call at once; a chunked body fails as soon as a
     * chunk-size line takes it over.
     *
     * @param maxBytes the largest body this message may have, 0 for no limit
     * @throws IllegalStateException when not called right after {@link ParseResult#HEAD}
     * @throws IllegalArgumentException when {@code maxBytes} is negative
     */
    public void limitBody(long maxBytes) {
        if (state != State.HEAD_DONE) {
            throw new IllegalStateException("limitBody belongs between HEAD and the next parse()");
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("negative body limit");
        }
        bodyLimit = maxBytes;
    }

    /** {@return the head of the current message, from {@link ParseResult#HEAD} until MESSAGE_COMPLETE; null otherwise} */
    public RequestHead head() {
        return parsedHead;
    }

    /**
     * {@return the body bytes of the last {@link ParseResult#CONTENT}} They are a slice of the buffer
     * given to {@link #parse}, de-chunked, valid until that buffer is changed.
     */
    public ByteBuffer content() {
        return content;
    }

    /** {@return the violation after {@link ParseResult#ERROR}; null otherwise} */
    public ParseError error() {
        return error;
    }

    /**
     * {@return whether some bytes of a request have arrived and its message is not complete yet} A
     * server uses it to tell an idle keep-alive connection from a slow request when a timer fires.
     */
    public boolean isMidMessage() {
        return switch (state) {
            case REQUEST_LINE -> head.blockLength() > 0;
            case COMPLETE -> false;
            default -> true;
        };
    }

    /** {@return whether the parser has failed; {@link #error()} says why} */
    public boolean hasFailed() {
        return state == State.FAILED;
    }

    /** The bytes of the arrays the parser keeps between messages, for tests. */
    int retainedCapacity() {
        return head.capacity() + (chunked == null ? 0 : chunked.retainedCapacity());
    }

    /** Forgets everything, including a failure: the parser is as new (for a pooled connection object). */
    public void reset() {
        startNextMessage();
        error = null;
    }
}
