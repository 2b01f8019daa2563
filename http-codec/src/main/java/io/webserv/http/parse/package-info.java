/**
 * The incremental request parser: fed {@link java.nio.ByteBuffer}s of any size, it reports the request
 * head, then body content (Content-Length or chunked), then the end of the message, and starts over for
 * the next pipelined request. Strict by default: every violation is a {@link io.webserv.http.parse.ParseError}
 * that carries its status and the RFC section it breaks.
 */
package io.webserv.http.parse;
