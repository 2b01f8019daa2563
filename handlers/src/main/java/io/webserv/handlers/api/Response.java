package io.webserv.handlers.api;

import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A complete answer: status, header fields (without framing fields, which the server adds) and body.
 */
public record Response(HttpStatus status, HttpHeaders headers, ResponseBody body) {

    /** A response with a text body of the given content type (UTF-8). */
    public static Response text(HttpStatus status, String contentType, String text) {
        HttpHeaders headers = new HttpHeaders().add("Content-Type", contentType);
        return new Response(status, headers, new ResponseBody.Bytes(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** A response without a body. */
    public static Response empty(HttpStatus status, HttpHeaders headers) {
        return new Response(status, headers, ResponseBody.EMPTY);
    }
}
