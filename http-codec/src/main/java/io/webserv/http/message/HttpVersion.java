package io.webserv.http.message;

/**
 * The protocol versions this codec speaks. A request that says {@code HTTP/1.x} with x ≥ 2 is served
 * as {@link #HTTP_1_1} (RFC 9110 §6.2: the highest minor version we support).
 */
public enum HttpVersion {
    /**
     * HTTP/1.0: Host is optional, Transfer-Encoding is refused, and the connection closes after each
     * response unless the client asks for {@code keep-alive}.
     */
    HTTP_1_0("HTTP/1.0"),
    /** HTTP/1.1 (RFC 9112): persistent connections by default. */
    HTTP_1_1("HTTP/1.1");

    private final String text;

    HttpVersion(String text) {
        this.text = text;
    }

    /** {@return the version as written on the wire, e.g. {@code HTTP/1.1}} */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
