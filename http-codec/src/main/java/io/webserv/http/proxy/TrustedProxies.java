package io.webserv.http.proxy;

import io.webserv.http.message.HttpHeaders;
import io.webserv.http.syntax.AddressRange;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * The proxies whose word on the client is believed, and how to read it: nginx's {@code set_real_ip_from}
 * with {@code real_ip_recursive on}. A request from a trusted peer has its client taken from the
 * forwarding header: the right-most address that is not itself a trusted proxy. Each proxy appends
 * the peer it saw, so everything to the right of that address was written by proxies we trust, and
 * everything to its left by the client, who may write anything. A request from an untrusted peer keeps
 * the peer, whatever its header says. Immutable.
 *
 * <pre>{@code
 * TrustedProxies proxies = new TrustedProxies(List.of(AddressRange.parse("10.0.0.0/8")), ForwardingHeader.X_FORWARDED_FOR);
 * // peer 10.0.0.2, "X-Forwarded-For: 6.6.6.6, 203.0.113.7, 10.0.0.1" → 203.0.113.7
 * InetSocketAddress client = proxies.client(peer, request.headers());
 * }</pre>
 */
public final class TrustedProxies {

    /** No proxy is trusted: the client is always the peer. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of(), ForwardingHeader.X_FORWARDED_FOR);

    private final List<AddressRange> trusted;
    private final ForwardingHeader header;

    /**
     * Creates the rule.
     *
     * @param trusted the proxies' addresses or blocks; empty trusts nobody
     * @param header  which field names the client
     */
    public TrustedProxies(List<AddressRange> trusted, ForwardingHeader header) {
        this.trusted = List.copyOf(trusted);
        this.header = Objects.requireNonNull(header, "header");
    }

    /** {@return the trusted addresses and blocks} */
    public List<AddressRange> trusted() {
        return trusted;
    }

    /** {@return the field that names the client} */
    public ForwardingHeader header() {
        return header;
    }

    /**
     * Tells whether an address is one of the trusted proxies.
     *
     * @param address any address
     * @return whether a trusted range contains it
     */
    public boolean trusts(InetAddress address) {
        for (AddressRange range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client of a request.
     *
     * @param peer    the immediate peer: the TCP peer, or the source of the connection's PROXY header
     * @param headers the request's header fields
     * @return {@code peer} unless it is trusted and the header names a client: then the right-most
     *     address of the header that is not trusted (the left-most when all are), with its port when the
     *     header gives one and port 0 when not. A header that is malformed where the walk from the
     *     right reaches it, or absent, leaves {@code peer}.
     */
    public InetSocketAddress client(InetSocketAddress peer, HttpHeaders headers) {
        if (trusted.isEmpty() || !trusts(peer.getAddress())) {
            return peer;
        }
        List<String> values = headers.getAll(header.fieldName());
        if (values.isEmpty()) {
            return peer;
        }
        List<InetSocketAddress> hops = header == ForwardingHeader.FORWARDED
                ? ForwardedNodes.forwarded(values) : ForwardedNodes.xForwardedFor(values);
        if (hops == null) {
            return peer;
        }
        InetSocketAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetSocketAddress hop = hops.get(i);
            if (hop == null) {
                return peer;
            }
            client = hop;
            if (!trusts(hop.getAddress())) {
                return hop;
            }
        }
        return client;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedProxies other && trusted.equals(other.trusted) && header == other.header;
    }

    @Override
    public int hashCode() {
        return 31 * trusted.hashCode() + header.hashCode();
    }

    @Override
    public String toString() {
        return "TrustedProxies" + trusted + " by " + header.fieldName();
    }
}
