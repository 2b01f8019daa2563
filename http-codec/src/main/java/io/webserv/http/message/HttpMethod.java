package io.webserv.http.message;

import java.nio.charset.StandardCharsets;

/**
 * A request method: any token (RFC 9110 §9.1). The methods of RFC 9110 and RFC 5789 are constants;
 * {@link #isStandard()} tells them apart from extension methods, which a server usually answers
 * with 501.
 */
public final class HttpMethod {

    public static final HttpMethod GET = new HttpMethod("GET", true);
    public static final HttpMethod HEAD = new HttpMethod("HEAD", true);
    public static final HttpMethod POST = new HttpMethod("POST", true);
    public static final HttpMethod PUT = new HttpMethod("PUT", true);
    public static final HttpMethod DELETE = new HttpMethod("DELETE", true);
    public static final HttpMethod CONNECT = new HttpMethod("CONNECT", true);
    public static final HttpMethod OPTIONS = new HttpMethod("OPTIONS", true);
    public static final HttpMethod TRACE = new HttpMethod("TRACE", true);
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
     * The method named {@code name} (case-sensitive, RFC 9110 §9.1): a constant for a standard method,
     * a new extension method otherwise.
     *
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
     * The method whose name is {@code length} bytes of {@code buf} from {@code offset}, already known to
     * be a token. Standard methods are matched without allocating.
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

    public String name() {
        return name;
    }

    /** Defined by RFC 9110 or RFC 5789 (PATCH). */
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
