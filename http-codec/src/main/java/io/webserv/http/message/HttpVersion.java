package io.webserv.http.message;

/**
 * The protocol versions this codec speaks. A request that says {@code HTTP/1.x} with x ≥ 2 is served
 * as {@link #HTTP_1_1} (RFC 9110 §6.2: the highest minor version we support).
 */
public enum HttpVersion {
    HTTP_1_0("HTTP/1.0"),
    HTTP_1_1("HTTP/1.1");

    private final String text;

    HttpVersion(String text) {
        this.text = text;
    }

    /** As written on the wire, e.g. {@code HTTP/1.1}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
