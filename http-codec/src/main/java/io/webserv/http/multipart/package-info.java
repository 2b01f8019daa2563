/**
 * A streaming {@code multipart/form-data} parser (RFC 7578, RFC 2046 §5.1): fed
 * {@link java.nio.ByteBuffer}s of any size, it reports each part's headers, then its content as slices
 * of the input, then the part's end, and holds back no more than a delimiter's length of bytes, so an
 * upload never has to sit whole in memory. Strict like the request parser: every violation is a
 * {@link io.webserv.http.parse.ParseError}.
 */
package io.webserv.http.multipart;
