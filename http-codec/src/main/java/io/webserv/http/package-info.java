/**
 * The HTTP/1.1 codec: a strict, incremental request parser ({@link io.webserv.http.parse}), a response
 * serializer ({@link io.webserv.http.write}), a streaming multipart parser
 * ({@link io.webserv.http.multipart}) and the small message model they share
 * ({@link io.webserv.http.message}).
 *
 * <p>The codec never sees a socket: everything goes in and out as {@link java.nio.ByteBuffer}s, and the
 * module depends on nothing but the JDK, so it can be reused alone.
 */
package io.webserv.http;
