package io.webserv.http.message;

/**
 * A response status code with its reason phrase (RFC 9110 §15). The registered codes are constants;
 * {@link #of(int)} returns them, or a new status with an empty reason for an unregistered code.
 */
public record HttpStatus(int code, String reason) {

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

    public static final HttpStatus CONTINUE = register(100, "Continue");
    public static final HttpStatus SWITCHING_PROTOCOLS = register(101, "Switching Protocols");
    public static final HttpStatus OK = register(200, "OK");
    public static final HttpStatus CREATED = register(201, "Created");
    public static final HttpStatus ACCEPTED = register(202, "Accepted");
    public static final HttpStatus NON_AUTHORITATIVE_INFORMATION = register(203, "Non-Authoritative Information");
    public static final HttpStatus NO_CONTENT = register(204, "No Content");
    public static final HttpStatus RESET_CONTENT = register(205, "Reset Content");
    public static final HttpStatus PARTIAL_CONTENT = register(206, "Partial Content");
    public static final HttpStatus MULTIPLE_CHOICES = register(300, "Multiple Choices");
    public static final HttpStatus MOVED_PERMANENTLY = register(301, "Moved Permanently");
    public static final HttpStatus FOUND = register(302, "Found");
    public static final HttpStatus SEE_OTHER = register(303, "See Other");
    public static final HttpStatus NOT_MODIFIED = register(304, "Not Modified");
    public static final HttpStatus TEMPORARY_REDIRECT = register(307, "Temporary Redirect");
    public static final HttpStatus PERMANENT_REDIRECT = register(308, "Permanent Redirect");
    public static final HttpStatus BAD_REQUEST = register(400, "Bad Request");
    public static final HttpStatus UNAUTHORIZED = register(401, "Unauthorized");
    public static final HttpStatus FORBIDDEN = register(403, "Forbidden");
    public static final HttpStatus NOT_FOUND = register(404, "Not Found");
    public static final HttpStatus METHOD_NOT_ALLOWED = register(405, "Method Not Allowed");
    public static final HttpStatus NOT_ACCEPTABLE = register(406, "Not Acceptable");
    public static final HttpStatus REQUEST_TIMEOUT = register(408, "Request Timeout");
    public static final HttpStatus CONFLICT = register(409, "Conflict");
    public static final HttpStatus GONE = register(410, "Gone");
    public static final HttpStatus LENGTH_REQUIRED = register(411, "Length Required");
    public static final HttpStatus PRECONDITION_FAILED = register(412, "Precondition Failed");
    public static final HttpStatus CONTENT_TOO_LARGE = register(413, "Content Too Large");
    public static final HttpStatus URI_TOO_LONG = register(414, "URI Too Long");
    public static final HttpStatus UNSUPPORTED_MEDIA_TYPE = register(415, "Unsupported Media Type");
    public static final HttpStatus RANGE_NOT_SATISFIABLE = register(416, "Range Not Satisfiable");
    public static final HttpStatus EXPECTATION_FAILED = register(417, "Expectation Failed");
    public static final HttpStatus MISDIRECTED_REQUEST = register(421, "Misdirected Request");
    public static final HttpStatus UNPROCESSABLE_CONTENT = register(422, "Unprocessable Content");
    public static final HttpStatus UPGRADE_REQUIRED = register(426, "Upgrade Required");
    public static final HttpStatus TOO_MANY_REQUESTS = register(429, "Too Many Requests");
    public static final HttpStatus REQUEST_HEADER_FIELDS_TOO_LARGE = register(431, "Request Header Fields Too Large");
    public static final HttpStatus INTERNAL_SERVER_ERROR = register(500, "Internal Server Error");
    public static final HttpStatus NOT_IMPLEMENTED = register(501, "Not Implemented");
    public static final HttpStatus BAD_GATEWAY = register(502, "Bad Gateway");
    public static final HttpStatus SERVICE_UNAVAILABLE = register(503, "Service Unavailable");
    public static final HttpStatus GATEWAY_TIMEOUT = register(504, "Gateway Timeout");
    public static final HttpStatus HTTP_VERSION_NOT_SUPPORTED = register(505, "HTTP Version Not Supported");

    /** The registered status for {@code code}, or a new one with an empty reason phrase. */
    public static HttpStatus of(int code) {
        HttpStatus known = code >= 0 && code < REGISTERED.length ? REGISTERED[code] : null;
        return known != null ? known : new HttpStatus(code, "");
    }

    /** 1xx. */
    public boolean isInformational() {
        return code < 200;
    }

    /** Whether a response with this status never has content (RFC 9110 §6.4.1: 1xx, 204, 304). */
    public boolean forbidsContent() {
        return code < 200 || code == 204 || code == 304;
    }

    public boolean isError() {
        return code >= 400;
    }

    @Override
    public String toString() {
        return reason.isEmpty() ? Integer.toString(code) : code + " " + reason;
    }
}
