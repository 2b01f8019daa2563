package io.webserv.handlers.api;

import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A complete answer: status, header fields (without framing fields, which the server adds) and body.
 *
 * @param status  the status line's code and reason
 * @param headers the handler's fields; never Content-Length, Transfer-Encoding or Connection
 * @param body    bytes, a file region or a stream
 */
public record Response(HttpStatus status, HttpHeaders headers, ResponseBody body) {

    /**
     * Creates a response with a text body.
     *
     * @param status      the status
     * @param contentType the {@code Content-Type} value, e.g. {@code text/plain; charset=utf-8}
     * @param text        the body, encoded as UTF-8
     * @return the response, its length known
     */
    public static Response text(HttpStatus status, String contentType, String text) {
        HttpHeaders headers = new HttpHeaders().add("Content-Type", contentType);
        return new Response(status, headers, new ResponseBody.Bytes(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Creates a response without a body ({@code Content-Length: 0}, or none for 204 and 304).
     *
     * @param status  the status
     * @param headers the handler's fields, e.g. {@code Location}
     * @return the response
     */
    public static Response empty(HttpStatus status, HttpHeaders headers) {
        return new Response(status, headers, ResponseBody.EMPTY);
    }
}
