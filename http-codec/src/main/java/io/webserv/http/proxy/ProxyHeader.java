package io.webserv.http.proxy;

import java.net.InetSocketAddress;

/**
 * A decoded PROXY protocol header: the connection the proxy accepted from the client.
 *
 * @param version     1 (text) or 2 (binary)
 * @param source      the client's address and port as the proxy saw it; null when the header carries no
 *                    address to use (v1 {@code UNKNOWN}, v2 {@code LOCAL}, {@code UNSPEC} or
 *                    {@code UNIX}): the TCP peer stays the client then
 * @param destination the address and port the client connected to on the proxy; null with {@code source}
 */
public record ProxyHeader(int version, InetSocketAddress source, InetSocketAddress destination) {

    /**
     * Checks the header.
     *
     * @param version     1 or 2
     * @param source      null, or not null with {@code destination}
     * @param destination null exactly when {@code source} is
     * @throws IllegalArgumentException for another version, or only one of the addresses
     */
    public ProxyHeader {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("PROXY protocol version " + version);
        }
        if ((source == null) != (destination == null)) {
            throw new IllegalArgumentException("a source without a destination, or the reverse");
        }
    }

    /**
     * A header that carries no addresses.
     *
     * @param version 1 or 2
     * @return the header, with null addresses
     */
    static ProxyHeader withoutAddresses(int version) {
        return new ProxyHeader(version, null, null);
    }

    /** {@return whether the header names the client ({@link #source()} is not null)} */
    public boolean hasAddresses() {
        return source != null;
    }
}
