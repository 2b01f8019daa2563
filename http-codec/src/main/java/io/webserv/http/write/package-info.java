/**
 * The response side: a serializer that writes a status line and header fields with the right body
 * framing (Content-Length, chunked, or until close; none for HEAD, 1xx, 204 and 304), and the chunked
 * encoder. Never does I/O: it produces buffers for the caller to write.
 */
package io.webserv.http.write;
