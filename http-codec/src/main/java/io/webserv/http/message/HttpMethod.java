package io.webserv.http.message;

import java.nio.charset.StandardCharsets;

/**
 * A request method: any token (RFC 9110 §9.1). The methods of RFC 9110 and RFC 5789 are constants;
 * {@link #isStandard()} tells them apart from extension methods, which a server usually answers
 * with 501.
 */
public final class HttpMethod {

    /** Transfers a current representation of the target resource (RFC 9110 §9.3.1). */
    public static final HttpMethod GET = new HttpMethod("GET", true);
    /** As GET, but the response carries no content (RFC 9110 §9.3.2). */
    public static final HttpMethod HEAD = new HttpMethod("HEAD", true);
    /** Has the target resource process the enclosed content (RFC 9110 §9.3.3). */
    public static final HttpMethod POST = new HttpMethod("POST", true);
    /** Replaces the target resource's state with the enclosed content (RFC 9110 §9.3.4). */
    public static final HttpMethod PUT = new HttpMethod("PUT", true);
    /** Removes the target resource (RFC 9110 §9.3.5). */
    public static final HttpMethod DELETE = new HttpMethod("DELETE", true);
    /** Opens a tunnel (RFC 9110 §9.3.6); the parser refuses it with 501. */
    public static final HttpMethod CONNECT = new HttpMethod("CONNECT", true);
    /** Asks which communication options the target resource supports (RFC 9110 §9.3.7). */
    public static final HttpMethod OPTIONS = new HttpMethod("OPTIONS", true);
    /** Asks for a loop-back of the request (RFC 9110 §9.3.8). */
    public static final HttpMethod TRACE = new HttpMethod("TRACE", true);
    /** Applies partial modifications to the target resource (RFC 5789). */
    public static final HttpMethod PATCH = new HttpMethod("PATCH", true);

    private static final HttpMethod[] STANDARD = {GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH};

    private final String name;
    private final byte[] bytes;
    private final boolean standard;

    private HttpMethod(String name, boolean standard) {
        this.name = name;
        this.bytes = name.getBytes(StandardCharsets.US_ASCII);
        this.standard = standard;
    }

    /**
     * Returns the method with a name, compared case-sensitively (RFC 9110 §9.1).
     *
     * @param name the method name, a token
     * @return the constant for a standard method, a new extension method otherwise
     * @throws IllegalArgumentException when {@code name} is not a token
     */
    public static HttpMethod of(String name) {
        for (HttpMethod m : STANDARD) {
            if (m.name.equals(name)) {
                return m;
            }
        }
        if (!io.webserv.http.syntax.HttpChars.isToken(name)) {
            throw new IllegalArgumentException("not a method token: " + name);
        }
        return new HttpMethod(name, false);
    }

    /**
     * Returns the method named by bytes the parser has already checked to be a token. Standard
     * methods are matched without allocating.
     *
     * @param buf the bytes holding the name
     * @param offset where the name starts in {@code buf}
     * @param length the name's length in bytes
     * @return the constant for a standard method, a new extension method otherwise
     */
    public static HttpMethod of(byte[] buf, int offset, int length) {
        for (HttpMethod m : STANDARD) {
            if (m.matches(buf, offset, length)) {
                return m;
            }
        }
        return new HttpMethod(new String(buf, offset, length, StandardCharsets.US_ASCII), false);
    }

    private boolean matches(byte[] buf, int offset, int length) {
        if (bytes.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[i] != buf[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** {@return the method name as received, e.g. {@code GET}} */
    public String name() {
        return name;
    }

    /** {@return whether the method is defined by RFC 9110 or RFC 5789 (PATCH)} */
    public boolean isStandard() {
        return standard;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof HttpMethod other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
