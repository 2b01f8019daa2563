package io.webserv.http.message;

/**
 * A response status code with its reason phrase (RFC 9110 §15). The registered codes are constants;
 * {@link #of(int)} returns them, or a new status with an empty reason for an unregistered code.
 *
 * @param code   the three-digit status code, 100 to 999
 * @param reason the reason phrase written after it in the status line; may be empty
 */
public record HttpStatus(int code, String reason) {

    /**
     * Creates a status; prefer the constants or {@link #of(int)} for registered codes.
     *
     * @param code   the three-digit status code, 100 to 999
     * @param reason the reason phrase; may be empty
     * @throws IllegalArgumentException when {@code code} is not three digits
     */
    public HttpStatus {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("status code out of range: " + code);
        }
    }

    private static final HttpStatus[] REGISTERED = new HttpStatus[600];

    private static HttpStatus register(int code, String reason) {
        HttpStatus status = new HttpStatus(code, reason);
        REGISTERED[code] = status;
        return status;
    }

    /** The client may send the body it announced with {@code Expect: 100-continue} (RFC 9110 §15.2.1). */
    public static final HttpStatus CONTINUE = register(100, "Continue");
    /** The connection switches to the protocol named in {@code Upgrade} (RFC 9110 §15.2.2). */
    public static final HttpStatus SWITCHING_PROTOCOLS = register(101, "Switching Protocols");
    /** The request succeeded (RFC 9110 §15.3.1). */
    public static final HttpStatus OK = register(200, "OK");
    /** A new resource was created, named by {@code Location} (RFC 9110 §15.3.2). */
    public static final HttpStatus CREATED = register(201, "Created");
    /** Accepted for processing that has not finished (RFC 9110 §15.3.3). */
    public static final HttpStatus ACCEPTED = register(202, "Accepted");
    /** Success, with content modified by a transforming proxy (RFC 9110 §15.3.4). */
    public static final HttpStatus NON_AUTHORITATIVE_INFORMATION = register(203, "Non-Authoritative Information");
    /** Success with no content, e.g. after a DELETE (RFC 9110 §15.3.5). */
    public static final HttpStatus NO_CONTENT = register(204, "No Content");
    /** Success; the client should reset the form it sent (RFC 9110 §15.3.6). */
    public static final HttpStatus RESET_CONTENT = register(205, "Reset Content");
    /** The ranges asked for with {@code Range} (RFC 9110 §15.3.7). */
    public static final HttpStatus PARTIAL_CONTENT = register(206, "Partial Content");
    /** Several representations; the client chooses (RFC 9110 §15.4.1). */
    public static final HttpStatus MULTIPLE_CHOICES = register(300, "Multiple Choices");
    /** Permanently at {@code Location}; the method may become GET (RFC 9110 §15.4.2). */
    public static final HttpStatus MOVED_PERMANENTLY = register(301, "Moved Permanently");
    /** Temporarily at {@code Location}; the method may become GET (RFC 9110 §15.4.3). */
    public static final HttpStatus FOUND = register(302, "Found");
    /** Look at {@code Location} with GET (RFC 9110 §15.4.4). */
    public static final HttpStatus SEE_OTHER = register(303, "See Other");
    /** The client's cached copy is still valid; no content (RFC 9110 §15.4.5). */
    public static final HttpStatus NOT_MODIFIED = register(304, "Not Modified");
    /** Temporarily at {@code Location}, same method and body (RFC 9110 §15.4.8). */
    public static final HttpStatus TEMPORARY_REDIRECT = register(307, "Temporary Redirect");
    /** Permanently at {@code Location}, same method and body (RFC 9110 §15.4.9). */
    public static final HttpStatus PERMANENT_REDIRECT = register(308, "Permanent Redirect");
    /** The request is malformed: most {@code ParseError}s (RFC 9110 §15.5.1). */
    public static final HttpStatus BAD_REQUEST = register(400, "Bad Request");
    /** Authentication is required (RFC 9110 §15.5.2). */
    public static final HttpStatus UNAUTHORIZED = register(401, "Unauthorized");
    /** Understood but refused, e.g. a path above the root (RFC 9110 §15.5.4). */
    public static final HttpStatus FORBIDDEN = register(403, "Forbidden");
    /** No resource at the target (RFC 9110 §15.5.5). */
    public static final HttpStatus NOT_FOUND = register(404, "Not Found");
    /** The target does not allow the method; {@code Allow} lists those it does (RFC 9110 §15.5.6). */
    public static final HttpStatus METHOD_NOT_ALLOWED = register(405, "Method Not Allowed");
    /** No representation matches the client's {@code Accept*} fields (RFC 9110 §15.5.7). */
    public static final HttpStatus NOT_ACCEPTABLE = register(406, "Not Acceptable");
    /** The client took too long to send its request (RFC 9110 §15.5.9). */
    public static final HttpStatus REQUEST_TIMEOUT = register(408, "Request Timeout");
    /** The request conflicts with the resource's state, e.g. a DELETE of a directory (RFC 9110 §15.5.10). */
    public static final HttpStatus CONFLICT = register(409, "Conflict");
    /** The resource is gone for good (RFC 9110 §15.5.11). */
    public static final HttpStatus GONE = register(410, "Gone");
    /** A body without Content-Length where one is required (RFC 9110 §15.5.12). */
    public static final HttpStatus LENGTH_REQUIRED = register(411, "Length Required");
    /** An {@code If-Match} or {@code If-Unmodified-Since} precondition is false (RFC 9110 §15.5.13). */
    public static final HttpStatus PRECONDITION_FAILED = register(412, "Precondition Failed");
    /** The body is larger than the server takes (RFC 9110 §15.5.14). */
    public static final HttpStatus CONTENT_TOO_LARGE = register(413, "Content Too Large");
    /** The request-target (here: the request line) is too long (RFC 9110 §15.5.15). */
    public static final HttpStatus URI_TOO_LONG = register(414, "URI Too Long");
    /** The body's media type or coding is not supported (RFC 9110 §15.5.16). */
    public static final HttpStatus UNSUPPORTED_MEDIA_TYPE = register(415, "Unsupported Media Type");
    /** No asked range overlaps the representation (RFC 9110 §15.5.17). */
    public static final HttpStatus RANGE_NOT_SATISFIABLE = register(416, "Range Not Satisfiable");
    /** The server cannot meet the expectation in {@code Expect} (RFC 9110 §15.5.18). */
    public static final HttpStatus EXPECTATION_FAILED = register(417, "Expectation Failed");
    /** This server does not serve the request's authority (RFC 9110 §15.5.20). */
    public static final HttpStatus MISDIRECTED_REQUEST = register(421, "Misdirected Request");
    /** Well-formed content the server cannot process (RFC 9110 §15.5.21). */
    public static final HttpStatus UNPROCESSABLE_CONTENT = register(422, "Unprocessable Content");
    /** The client must switch to the protocol named in {@code Upgrade} (RFC 9110 §15.5.22). */
    public static final HttpStatus UPGRADE_REQUIRED = register(426, "Upgrade Required");
    /** Rate limited (RFC 6585 §4). */
    public static final HttpStatus TOO_MANY_REQUESTS = register(429, "Too Many Requests");
    /** The header section, or one field, is too large (RFC 6585 §5). */
    public static final HttpStatus REQUEST_HEADER_FIELDS_TOO_LARGE = register(431, "Request Header Fields Too Large");
    /** The server failed, e.g. a handler threw (RFC 9110 §15.6.1). */
    public static final HttpStatus INTERNAL_SERVER_ERROR = register(500, "Internal Server Error");
    /** The method or transfer coding is not supported (RFC 9110 §15.6.2). */
    public static final HttpStatus NOT_IMPLEMENTED = register(501, "Not Implemented");
    /** An upstream, e.g. a CGI script, answered badly (RFC 9110 §15.6.3). */
    public static final HttpStatus BAD_GATEWAY = register(502, "Bad Gateway");
    /** Overloaded or shutting down (RFC 9110 §15.6.4). */
    public static final HttpStatus SERVICE_UNAVAILABLE = register(503, "Service Unavailable");
    /** An upstream, e.g. a CGI script, did not answer in time (RFC 9110 §15.6.5). */
    public static final HttpStatus GATEWAY_TIMEOUT = register(504, "Gateway Timeout");
    /** A major version other than 1 (RFC 9110 §15.6.6). */
    public static final HttpStatus HTTP_VERSION_NOT_SUPPORTED = register(505, "HTTP Version Not Supported");

    /**
     * Returns the status for a code.
     *
     * @param code the status code, 100 to 999
     * @return the registered constant, or a new status with an empty reason phrase
     * @throws IllegalArgumentException when {@code code} is not three digits
     */
    public static HttpStatus of(int code) {
        HttpStatus known = code >= 0 && code < REGISTERED.length ? REGISTERED[code] : null;
        return known != null ? known : new HttpStatus(code, "");
    }

    /** {@return whether this is a 1xx interim response} */
    public boolean isInformational() {
        return code < 200;
    }

    /** {@return whether a response with this status never has content (RFC 9110 §6.4.1: 1xx, 204, 304)} */
    public boolean forbidsContent() {
        return code < 200 || code == 204 || code == 304;
    }

    /** {@return whether this is a client or server error, 4xx or 5xx} */
    public boolean isError() {
        return code >= 400;
    }

    @Override
    public String toString() {
        return reason.isEmpty() ? Integer.toString(code) : code + " " + reason;
    }
}
