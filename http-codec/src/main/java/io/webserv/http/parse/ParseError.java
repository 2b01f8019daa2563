package io.webserv.http.parse;

import io.webserv.http.message.HttpStatus;

/**
 * Every way a request can break the protocol, each with the status to answer, the RFC section it
 * violates and a message that is safe to show to the client (it never echoes client bytes).
 */
public enum ParseError {
    // Request line (RFC 9112 §3)
    REQUEST_LINE_MALFORMED(HttpStatus.BAD_REQUEST, "RFC 9112 §3", "malformed request line"),
    METHOD_INVALID(HttpStatus.BAD_REQUEST, "RFC 9112 §3.1", "invalid method"),
    TARGET_INVALID(HttpStatus.BAD_REQUEST, "RFC 9112 §3.2", "invalid request-target"),
    REQUEST_LINE_TOO_LONG(HttpStatus.URI_TOO_LONG, "RFC 9112 §3", "request line too long"),
    VERSION_MALFORMED(HttpStatus.BAD_REQUEST, "RFC 9112 §2.3", "malformed HTTP version"),
    VERSION_NOT_SUPPORTED(HttpStatus.HTTP_VERSION_NOT_SUPPORTED, "RFC 9110 §15.6.6", "HTTP version not supported"),
    CONNECT_NOT_SUPPORTED(HttpStatus.NOT_IMPLEMENTED, "RFC 9110 §9.3.6", "CONNECT is not supported"),

    // Line framing (RFC 9112 §2.2)
    BARE_CR(HttpStatus.BAD_REQUEST, "RFC 9112 §2.2", "bare CR"),
    BARE_LF(HttpStatus.BAD_REQUEST, "RFC 9112 §2.2", "line not terminated by CRLF"),

    // Header fields (RFC 9110 §5, RFC 9112 §5)
    HEADER_NAME_INVALID(HttpStatus.BAD_REQUEST, "RFC 9110 §5.1", "invalid header name"),
    HEADER_COLON_MISSING(HttpStatus.BAD_REQUEST, "RFC 9112 §5", "header line without a colon"),
    WHITESPACE_BEFORE_COLON(HttpStatus.BAD_REQUEST, "RFC 9112 §5.1", "whitespace between header name and colon"),
    OBS_FOLD(HttpStatus.BAD_REQUEST, "RFC 9112 §5.2", "obsolete line folding"),
    HEADER_VALUE_INVALID(HttpStatus.BAD_REQUEST, "RFC 9110 §5.5", "invalid character in header value"),
    HEAD_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "RFC 6585 §5", "request header fields too large"),
    HOST_MISSING(HttpStatus.BAD_REQUEST, "RFC 9112 §3.2", "missing Host header"),
    HOST_DUPLICATE(HttpStatus.BAD_REQUEST, "RFC 9112 §3.2", "more than one Host header"),
    HOST_INVALID(HttpStatus.BAD_REQUEST, "RFC 9112 §3.2", "invalid Host header"),

    // Message body framing (RFC 9112 §6)
    CONTENT_LENGTH_INVALID(HttpStatus.BAD_REQUEST, "RFC 9112 §6.3", "invalid Content-Length"),
    CONTENT_LENGTH_DUPLICATE(HttpStatus.BAD_REQUEST, "RFC 9112 §6.3", "more than one Content-Length"),
    CONTENT_LENGTH_WITH_TRANSFER_ENCODING(HttpStatus.BAD_REQUEST, "RFC 9112 §6.1", "both Content-Length and Transfer-Encoding"),
    TRANSFER_ENCODING_INVALID(HttpStatus.BAD_REQUEST, "RFC 9112 §6.3", "chunked is not the final transfer coding, or is repeated"),
    TRANSFER_ENCODING_NOT_IMPLEMENTED(HttpStatus.NOT_IMPLEMENTED, "RFC 9112 §6.1", "transfer coding not implemented"),
    TRANSFER_ENCODING_IN_HTTP_1_0(HttpStatus.BAD_REQUEST, "RFC 9112 §6.1", "Transfer-Encoding in an HTTP/1.0 request"),

    // Chunked coding (RFC 9112 §7.1)
    CHUNK_SIZE_INVALID(HttpStatus.BAD_REQUEST, "RFC 9112 §7.1", "invalid chunk size"),
    CHUNK_SIZE_OVERFLOW(HttpStatus.BAD_REQUEST, "RFC 9112 §7.1", "chunk size too large"),
    CHUNK_EXTENSION_INVALID(HttpStatus.BAD_REQUEST, "RFC 9112 §7.1.1", "invalid chunk extension"),
    CHUNK_LINE_TOO_LONG(HttpStatus.BAD_REQUEST, "RFC 9112 §7.1.1", "chunk size line too long"),
    CHUNK_NOT_TERMINATED(HttpStatus.BAD_REQUEST, "RFC 9112 §7.1", "chunk data not followed by CRLF"),
    TRAILERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "RFC 9112 §7.1.2", "trailer fields too large"),

    // Limits and requirements a server applies once it knows the route (RFC 9110 §15.5)
    BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "RFC 9110 §15.5.14", "request content too large"),
    LENGTH_REQUIRED(HttpStatus.LENGTH_REQUIRED, "RFC 9110 §15.5.12", "length required"),

    // Path decoding (RFC 3986 §2.1, §5.2.4)
    PATH_INVALID(HttpStatus.BAD_REQUEST, "RFC 3986 §2.1", "invalid path encoding"),
    PATH_OUTSIDE_ROOT(HttpStatus.FORBIDDEN, "RFC 3986 §5.2.4", "path leaves the document root"),

    // multipart/form-data (RFC 7578, RFC 2046 §5.1)
    MULTIPART_BOUNDARY_INVALID(HttpStatus.BAD_REQUEST, "RFC 2046 §5.1.1", "missing or invalid multipart boundary"),
    MULTIPART_MALFORMED(HttpStatus.BAD_REQUEST, "RFC 2046 §5.1.1", "malformed multipart body"),
    MULTIPART_PART_HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "RFC 7578 §4", "multipart part headers too large");

    private final HttpStatus status;
    private final String rfcSection;
    private final String message;

    ParseError(HttpStatus status, String rfcSection, String message) {
        this.status = status;
        this.rfcSection = rfcSection;
        this.message = message;
    }

    /** The status to answer with. */
    public HttpStatus status() {
        return status;
    }

    /** The section of the RFC this request violates, for logs and docs. */
    public String rfcSection() {
        return rfcSection;
    }

    /** A message safe to send to the client: fixed text, never client bytes. */
    public String message() {
        return message;
    }
}
