package io.webserv.http.message;

/**
 * A host and optional port, from a Host header or an absolute-form target (RFC 9110 §7.2).
 *
 * @param host as sent (an IPv6 literal keeps its brackets); compare it case-insensitively
 * @param port the port, or -1 when none was given
 */
public record HostAndPort(String host, int port) {

    /**
     * Tells whether {@code name} names this host, ignoring case and the port.
     *
     * @param name a host name or IP literal, without a port
     * @return true when it equals {@link #host()} ignoring case
     */
    public boolean hostMatches(String name) {
        return host.equalsIgnoreCase(name);
    }

    @Override
    public String toString() {
        return port < 0 ? host : host + ":" + port;
    }
}
