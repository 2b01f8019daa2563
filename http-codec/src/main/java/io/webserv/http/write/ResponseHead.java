package io.webserv.http.write;

import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;

/**
 * What a handler decides about a response before its body: the status, the header fields, and the
 * body length. Framing headers (Content-Length, Transfer-Encoding, Connection) are the serializer's
 * job and must not be among {@code headers}.
 *
 * @param status        the status line's code and reason
 * @param headers       the handler's fields, in the order they will be written
 * @param contentLength the body length, or -1 when it is not known in advance (the body is then
 *                      chunked for HTTP/1.1, or delimited by closing the connection for HTTP/1.0)
 */
public record ResponseHead(HttpStatus status, HttpHeaders headers, long contentLength) {

    /** The {@code contentLength} of a body whose length is not known before it is sent. */
    public static final long UNKNOWN_LENGTH = -1;

    /**
     * Checks the length.
     *
     * @param status        the status line's code and reason
     * @param headers       the handler's fields, in the order they will be written
     * @param contentLength the body length, or {@link #UNKNOWN_LENGTH}
     * @throws IllegalArgumentException when {@code contentLength} is below {@link #UNKNOWN_LENGTH}
     */
    public ResponseHead {
        if (contentLength < UNKNOWN_LENGTH) {
            throw new IllegalArgumentException("content length: " + contentLength);
        }
    }

    /**
     * Creates a head with no header fields of its own (the serializer still adds Date, Server and
     * framing).
     *
     * @param status        the status line's code and reason
     * @param contentLength the body length, or {@link #UNKNOWN_LENGTH}
     */
    public ResponseHead(HttpStatus status, long contentLength) {
        this(status, new HttpHeaders(), contentLength);
    }
}
