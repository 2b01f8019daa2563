package io.webserv.config.model;

/**
 * One address a server listens on.
 *
 * @param host {@code null} for every interface (the file's {@code 8080} or {@code *:8080}); otherwise
 *             an IPv4 literal, an IPv6 literal without brackets, or a lower-case host name, resolved
 *             when the server binds. {@code 0.0.0.0} and {@code ::} are kept as written: they ask for
 *             one address family.
 * @param port 1–65535 in a file; 0 (any free port) is allowed for configurations built in code
 */
public record ListenAddress(String host, int port) {

    /**
     * Checks the address.
     *
     * @param host null for every interface, otherwise a literal or a host name, never empty
     * @param port 0 to 65535
     * @throws IllegalArgumentException when the port is out of range or the host is empty
     */
    public ListenAddress {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (host != null && host.isEmpty()) {
            throw new IllegalArgumentException("empty host: use null for every interface");
        }
    }

    /**
     * Creates an address on every interface.
     *
     * @param port the port, 0 for any free one
     * @return the address with a null host
     */
    public static ListenAddress anyHost(int port) {
        return new ListenAddress(null, port);
    }

    /** {@code *:8080}, {@code 127.0.0.1:8080}, {@code [::1]:8080}: the form the file accepts. */
    @Override
    public String toString() {
        if (host == null) {
            return "*:" + port;
        }
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
