package io.webserv.config.model;

/**
 * How a listening socket is set up beyond its address: a {@code listen} entry written as a map,
 * {@code { address: 8080, reuse_port: true, proxy_protocol: true }}. Servers that share one socket
 * ({@link SharedSockets}) have the same options.
 *
 * @param reusePort     {@code SO_REUSEPORT}: several processes may listen on the same address and port,
 *                      and the kernel spreads new connections among them (Linux)
 * @param proxyProtocol every connection starts with a PROXY protocol header (v1 or v2) naming the client;
 *                      one that does not is closed without an answer
 */
public record ListenOptions(boolean reusePort, boolean proxyProtocol) {

    /** A plain socket: neither option, what a scalar {@code listen} entry means. */
    public static final ListenOptions DEFAULTS = new ListenOptions(false, false);

    /** {@code reuse_port: true, proxy_protocol: false}: the options as the file writes them. */
    @Override
    public String toString() {
        return "reuse_port: " + reusePort + ", proxy_protocol: " + proxyProtocol;
    }
}
