package io.webserv.http.parse;

import io.webserv.http.message.HttpStatus;

/**
 * A request that breaks the protocol. Thrown only by the codec's static helpers (target, host, path
 * parsing); the incremental parsers report the same {@link ParseError} as a result instead.
 *
 * <p>It carries no stack trace: it is an expected outcome of bad input, not a bug, and filling the trace
 * would make a flood of bad requests expensive.
 */
public final class HttpParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What the request broke (part of the serialized form: an enum, written by name). */
    private final ParseError error;

    /**
     * Creates the exception with the error's own message.
     *
     * @param error what the request broke
     */
    public HttpParseException(ParseError error) {
        this(error, error.message());
    }

    /**
     * Creates the exception with a detail for logs; clients only ever see {@link ParseError#message()}.
     *
     * @param error what the request broke
     * @param detail more precise text for the server's log; may quote the offending input
     */
    public HttpParseException(ParseError error, String detail) {
        super(detail, null, false, false);
        this.error = error;
    }

    /** {@return what the request broke} */
    public ParseError error() {
        return error;
    }

    /** {@return the status to answer with, the error's} */
    public HttpStatus status() {
        return error.status();
    }
}
