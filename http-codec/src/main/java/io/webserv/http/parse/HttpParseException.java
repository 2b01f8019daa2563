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

    private final ParseError error;

    public HttpParseException(ParseError error) {
        this(error, error.message());
    }

    /** With a detail for logs; clients only ever see {@link ParseError#message()}. */
    public HttpParseException(ParseError error, String detail) {
        super(detail, null, false, false);
        this.error = error;
    }

    public ParseError error() {
        return error;
    }

    public HttpStatus status() {
        return error.status();
    }
}
