package io.webserv.http.write;

/** How the body after a serialized head is delimited, so the caller knows what to send next. */
public enum BodyFraming {
    /** No body follows (HEAD, 1xx, 204, 304, or a zero Content-Length). */
    NONE,
    /** Exactly Content-Length bytes follow. */
    FIXED,
    /** The body goes through {@link ChunkedEncoder}, ending with its last chunk. */
    CHUNKED,
    /** The body ends when the connection closes (an HTTP/1.0 client and no known length). */
    UNTIL_CLOSE
}
