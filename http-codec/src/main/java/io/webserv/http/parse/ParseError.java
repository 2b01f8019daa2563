package io.webserv.http.parse;

import io.webserv.http.message.HttpStatus;

/**
 * Every way a request can break the protocol, each with the status to answer, the RFC section it
 * violates and a message that is safe to show to the client (it never echoes client bytes).
 */
public enum ParseError {
    // Request line (RFC 9112 §3)
    /** The request line is not {@code method SP target SP version} with single spaces, or a second empty line came before it. */
    REQUEST_LINE_MALFORMED(HttpStatus.BAD_REQUEST, "RFC 9112 §3", "malformed request line"),
    /** The method holds a character that is not a token character. */
    METHOD_INVALID(HttpStatus.BAD_REQUEST, "RFC 9112 §3.1", "invalid method"),
    /** The request-target is empty, holds a character RFC 3986 does not allow or a bad {@code %XX}, is an absolute form other than {@code http(s)://} or with userinfo, or is {@code *} for a method other than OPTIONS. */
    TARGET_INVALID(HttpStatus.BAD_REQUEST, "RFC 9112 §3.2", "invalid request-target"),
    /** The request line is longer than {@link ParserLimits#maxRequestLineBytes()}. */
    REQUEST_LINE_TOO_LONG(HttpStatus.URI_TOO_LONG, "RFC 9112 §3", "request line too long"),
    /** The version is not exactly {@code HTTP/} DIGIT {@code .} DIGIT. */
    VERSION_MALFORMED(HttpStatus.BAD_REQUEST, "RFC 9112 §2.3", "malformed HTTP version"),
    /** The major version is not 1. */
    VERSION_NOT_SUPPORTED(HttpStatus.HTTP_VERSION_NOT_SUPPORTED, "RFC 9110 §15.6.6", "HTTP version not supported"),
    /** A CONNECT request: this codec does not tunnel. */
    CONNECT_NOT_SUPPORTED(HttpStatus.NOT_IMPLEMENTED, "RFC 9110 §9.3.6", "CONNECT is not supported"),

    // Line framing (RFC 9112 §2.2)
    /** A CR not followed by LF, in the head or in a chunk line. */
    BARE_CR(HttpStatus.BAD_REQUEST, "RFC 9112 §2.2", "bare CR"),
    /** A line ended by LF alone. */
    BARE_LF(HttpStatus.BAD_REQUEST, "RFC 9112 §2.2", "line not terminated by CRLF"),

    // Header fields (RFC 9110 §5, RFC 9112 §5)
    /** A field name that is empty or holds a non-token character. */
    HEADER_NAME_INVALID(HttpStatus.BAD_REQUEST, "RFC 9110 §5.1", "invalid header name"),
    /** A field line without a colon. */
    HEADER_COLON_MISSING(HttpStatus.BAD_REQUEST, "RFC 9112 §5", "header line without a colon"),
    /** Whitespace between a field name and its colon, as in {@code Host : a} (a smuggling vector). */
    WHITESPACE_BEFORE_COLON(HttpStatus.BAD_REQUEST, "RFC 9112 §5.1", "whitespace between header name and colon"),
    /** A field line that starts with whitespace, continuing the previous one (obsolete folding). */
    OBS_FOLD(HttpStatus.BAD_REQUEST, "RFC 9112 §5.2", "obsolete line folding"),
    /** A field value holding a control character other than HTAB, or DEL. */
    HEADER_VALUE_INVALID(HttpStatus.BAD_REQUEST, "RFC 9110 §5.5", "invalid character in header value"),
    /** The head is longer than {@link ParserLimits#maxHeadBytes()} or has more than {@link ParserLimits#maxHeaderCount()} fields. */
    HEAD_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "RFC 6585 §5", "request header fields too large"),
    /** An HTTP/1.1 request without a Host field. */
    HOST_MISSING(HttpStatus.BAD_REQUEST, "RFC 9112 §3.2", "missing Host header"),
    /** More than one Host field. */
    HOST_DUPLICATE(HttpStatus.BAD_REQUEST, "RFC 9112 §3.2", "more than one Host header"),
    /** A Host value (or an absolute-form authority) that is not {@code host[:port]}, see {@link HostParser}. */
    HOST_INVALID(HttpStatus.BAD_REQUEST, "RFC 9112 §3.2", "invalid Host header"),

    // Message body framing (RFC 9112 §6)
    /** A Content-Length that is not one decimal number fitting a {@code long}: no sign, list or inner space. */
    CONTENT_LENGTH_INVALID(HttpStatus.BAD_REQUEST, "RFC 9112 §6.3", "invalid Content-Length"),
    /** More than one Content-Length field, even with equal values. */
    CONTENT_LENGTH_DUPLICATE(HttpStatus.BAD_REQUEST, "RFC 9112 §6.3", "more than one Content-Length"),
    /** Both Content-Length and Transfer-Encoding: the framing is ambiguous (a smuggling vector). */
    CONTENT_LENGTH_WITH_TRANSFER_ENCODING(HttpStatus.BAD_REQUEST, "RFC 9112 §6.1", "both Content-Length and Transfer-Encoding"),
    /** {@code chunked} is not the last transfer coding, or appears twice. */
    TRANSFER_ENCODING_INVALID(HttpStatus.BAD_REQUEST, "RFC 9112 §6.3", "chunked is not the final transfer coding, or is repeated"),
    /** A transfer coding other than {@code chunked}. */
    TRANSFER_ENCODING_NOT_IMPLEMENTED(HttpStatus.NOT_IMPLEMENTED, "RFC 9112 §6.1", "transfer coding not implemented"),
    /** Transfer-Encoding in an HTTP/1.0 request, which cannot use it. */
    TRANSFER_ENCODING_IN_HTTP_1_0(HttpStatus.BAD_REQUEST, "RFC 9112 §6.1", "Transfer-Encoding in an HTTP/1.0 request"),

    // Chunked coding (RFC 9112 §7.1)
    /** A chunk-size line that does not start with hex digits, or has junk after them. */
    CHUNK_SIZE_INVALID(HttpStatus.BAD_REQUEST, "RFC 9112 §7.1", "invalid chunk size"),
    /** A chunk size that does not fit a {@code long}. */
    CHUNK_SIZE_OVERFLOW(HttpStatus.BAD_REQUEST, "RFC 9112 §7.1", "chunk size too large"),
    /** A malformed chunk extension after {@code ;}. */
    CHUNK_EXTENSION_INVALID(HttpStatus.BAD_REQUEST, "RFC 9112 §7.1.1", "invalid chunk extension"),
    /** A chunk-size line longer than {@link ParserLimits#maxChunkLineBytes()}. */
    CHUNK_LINE_TOO_LONG(HttpStatus.BAD_REQUEST, "RFC 9112 §7.1.1", "chunk size line too long"),
    /** Chunk data not followed by CRLF. */
    CHUNK_NOT_TERMINATED(HttpStatus.BAD_REQUEST, "RFC 9112 §7.1", "chunk data not followed by CRLF"),
    /** A trailer section longer than {@link ParserLimits#maxTrailerBytes()}. */
    TRAILERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "RFC 9112 §7.1.2", "trailer fields too large"),

    // Limits and requirements a server applies once it knows the route (RFC 9110 §15.5)
    /** A body over the limit: a Content-Length at once, a chunked body as soon as a chunk size passes it, a multipart body with too many parts. */
    BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "RFC 9110 §15.5.14", "request content too large"),
    /** Not raised by the parser: for a server that requires a Content-Length on some routes. */
    LENGTH_REQUIRED(HttpStatus.LENGTH_REQUIRED, "RFC 9110 §15.5.12", "length required"),

    // Path decoding (RFC 3986 §2.1, §5.2.4)
    /** A path with {@code %00}, {@code %2F}, {@code %5C}, a control or raw non-ASCII character, a bad escape, or invalid or overlong UTF-8. */
    PATH_INVALID(HttpStatus.BAD_REQUEST, "RFC 3986 §2.1", "invalid path encoding"),
    /** A path whose {@code ..} segments climb above {@code /}. */
    PATH_OUTSIDE_ROOT(HttpStatus.FORBIDDEN, "RFC 3986 §5.2.4", "path leaves the document root"),

    // multipart/form-data (RFC 7578, RFC 2046 §5.1)
    /** A Content-Type that is not {@code multipart/form-data} with a valid boundary. */
    MULTIPART_BOUNDARY_INVALID(HttpStatus.BAD_REQUEST, "RFC 2046 §5.1.1", "missing or invalid multipart boundary"),
    /** A multipart body that breaks RFC 2046: a bad delimiter line, a missing or repeated Content-Disposition, a body ending before the close delimiter. */
    MULTIPART_MALFORMED(HttpStatus.BAD_REQUEST, "RFC 2046 §5.1.1", "malformed multipart body"),
    /** A part's header section over {@link io.webserv.http.multipart.MultipartLimits#maxPartHeaderBytes()}. */
    MULTIPART_PART_HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "RFC 7578 §4", "multipart part headers too large");

    private final HttpStatus status;
    private final String rfcSection;
    private final String message;

    ParseError(HttpStatus status, String rfcSection, String message) {
        this.status = status;
        this.rfcSection = rfcSection;
        this.message = message;
    }

    /** {@return the status to answer with} */
    public HttpStatus status() {
        return status;
    }

    /** {@return the section of the RFC this request violates, e.g. {@code RFC 9112 §6.3}, for logs and docs} */
    public String rfcSection() {
        return rfcSection;
    }

    /** {@return a message safe to send to the client: fixed text, never client bytes} */
    public String message() {
        return message;
    }
}
