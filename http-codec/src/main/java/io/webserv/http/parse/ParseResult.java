package io.webserv.http.parse;

/** What one call of {@link RequestParser#parse} produced. */
public enum ParseResult {
    /** Everything given was consumed and more is needed: call again with more bytes. */
    NEED_MORE_INPUT,
    /** The request head is complete: {@link RequestParser#head()}. */
    HEAD,
    /** A piece of the body (de-chunked): {@link RequestParser#content()}. */
    CONTENT,
    /** The message is complete; the next call starts the next (pipelined) request. */
    MESSAGE_COMPLETE,
    /**
     * The request broke the protocol: {@link RequestParser#error()}. Terminal: answer with its status
     * and close the connection, since the framing of what follows can no longer be trusted.
     */
    ERROR
}
