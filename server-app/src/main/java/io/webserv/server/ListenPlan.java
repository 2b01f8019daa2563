package io.webserv.server;

import io.webserv.config.model.ListenAddress;
import io.webserv.config.model.ListenOptions;
import io.webserv.config.model.ServerConfig;
import io.webserv.config.model.SharedSockets;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which sockets to open for a configuration, and which servers each one carries.
 *
 * <p>As nginx does ({@link SharedSockets}): when any server listens on every interface for a port
 * ({@code 8080}), one wildcard socket serves that port for all its servers, and a server bound to one
 * address there ({@code 127.0.0.1:8080}) only takes connections that arrived at that address. Otherwise
 * each address gets its own socket. Port 0 (tests) always gets a socket of its own.
 */
final class ListenPlan {

    /**
     * One socket to open: its address, its servers in configuration order, their local-address filters,
     * and its options (which every server on it wrote alike).
     */
    record Socket(InetSocketAddress address, List<ServerConfig> servers, List<Set<InetAddress>> localAddresses,
                  ListenOptions options) {
    }

    private ListenPlan() {
    }

    static List<Socket> of(List<ServerConfig> servers) throws UnknownHostException {
        Map<Object, List<ServerConfig>> byKey = new LinkedHashMap<>();
        Map<Object, List<ListenAddress>> addressesByKey = new LinkedHashMap<>();
        Map<Object, ListenOptions> optionsByKey = new LinkedHashMap<>();
        SharedSockets shared = SharedSockets.of(servers.stream().flatMap(s -> s.listen().stream()).toList());
        for (ServerConfig server : servers) {
            for (ListenAddress address : server.listen()) {
                Object key = address.port() == 0 ? new Object() : shared.socketOf(address);
                ListenOptions options = optionsByKey.computeIfAbsent(key, k -> server.optionsOf(address));
                if (!options.equals(server.optionsOf(address))) {
                    // the configuration file reports this with positions; a configuration built in code lands here
                    throw new IllegalArgumentException("servers sharing the socket " + key + " disagree on its options: "
                            + options + " and " + server.optionsOf(address));
                }
                List<ServerConfig> list = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                if (!list.contains(server)) {
                    list.add(server);
                    addressesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(address);
                }
            }
        }
        List<Socket> sockets = new ArrayList<>();
        for (Map.Entry<Object, List<ServerConfig>> entry : byKey.entrySet()) {
            List<ListenAddress> addresses = addressesByKey.get(entry.getKey());
            boolean wildcard = entry.getKey() instanceof ListenAddress socket && socket.host() == null;
            InetSocketAddress bind = wildcard ? new InetSocketAddress(addresses.get(0).port()) : resolve(addresses.get(0));
            List<Set<InetAddress>> filters = null;
            if (wildcard) {
                filters = new ArrayList<>();
                for (ListenAddress address : addresses) {
                    filters.add(address.host() == null ? null : Set.of(InetAddress.getAllByName(address.host())));
                }
                if (filters.stream().allMatch(f -> f == null)) {
                    filters = null;
                }
            }
            sockets.add(new Socket(bind, List.copyOf(entry.getValue()), filters, optionsByKey.get(entry.getKey())));
        }
        return sockets;
    }

    private static InetSocketAddress resolve(ListenAddress address) throws UnknownHostException {
        return address.host() == null ? new InetSocketAddress(address.port())
                : new InetSocketAddress(InetAddress.getByName(address.host()), address.port());
    }
}
