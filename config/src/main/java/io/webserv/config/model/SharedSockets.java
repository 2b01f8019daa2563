package io.webserv.config.model;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which listen addresses share one socket, as nginx decides: when any server listens on every interface
 * for a port ({@code 8080}), one wildcard socket serves that port for all its servers, and a server
 * bound to one address there ({@code 127.0.0.1:8080}) only takes the connections that arrived at that
 * address. Otherwise each address has a socket of its own. The server opens its sockets by this rule,
 * and the configuration checks by it that servers sharing a socket agree on its {@link ListenOptions}.
 */
public final class SharedSockets {

    private final Set<Integer> wildcardPorts;

    private SharedSockets(Set<Integer> wildcardPorts) {
        this.wildcardPorts = wildcardPorts;
    }

    /**
     * The rule for a set of addresses.
     *
     * @param addresses every listen address of every server
     * @return the rule
     */
    public static SharedSockets of(Collection<ListenAddress> addresses) {
        return new SharedSockets(addresses.stream().filter(a -> a.host() == null && a.port() != 0)
                .map(ListenAddress::port).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * The socket that serves an address.
     *
     * @param address one of the addresses the rule was made of
     * @return {@code *:port} when some server listens on every interface of that port, else the address
     *     itself (port 0, any free port, is never shared: each such address is its own socket)
     */
    public ListenAddress socketOf(ListenAddress address) {
        return wildcardPorts.contains(address.port()) ? ListenAddress.anyHost(address.port()) : address;
    }
}
