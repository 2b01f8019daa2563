package io.webserv.server;

import io.webserv.config.model.ListenAddress;
import io.webserv.config.model.ServerConfig;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which sockets to open for a configuration, and which servers each one carries.
 *
 * <p>As nginx does: when any server listens on every interface for a port ({@code 8080}), one wildcard
 * socket serves that port for all its servers, and a server bound to one address there
 * ({@code 127.0.0.1:8080}) only takes connections that arrived at that address. Otherwise each
 * address gets its own socket. Port 0 (tests) always gets a socket of its own.
 */
final class ListenPlan {

    /** One socket to open: its address, its servers in configuration order, and their local-address filters. */
    record Socket(InetSocketAddress address, List<ServerConfig> servers, List<Set<InetAddress>> localAddresses) {
    }

    private ListenPlan() {
    }

    static List<Socket> of(List<ServerConfig> servers) throws UnknownHostException {
        Map<Object, List<ServerConfig>> byKey = new LinkedHashMap<>();
        Map<Object, List<ListenAddress>> addressesByKey = new LinkedHashMap<>();
        Set<Integer> wildcardPorts = new LinkedHashSet<>();
        for (ServerConfig server : servers) {
            for (ListenAddress address : server.listen()) {
                if (address.host() == null && address.port() != 0) {
                    wildcardPorts.add(address.port());
                }
            }
        }
        for (ServerConfig server : servers) {
            for (ListenAddress address : server.listen()) {
                Object key = address.port() == 0 ? new Object()
                        : wildcardPorts.contains(address.port()) ? address.port() : address;
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
            boolean wildcard = entry.getKey() instanceof Integer;
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
            sockets.add(new Socket(bind, List.copyOf(entry.getValue()), filters));
        }
        return sockets;
    }

    private static InetSocketAddress resolve(ListenAddress address) throws UnknownHostException {
        return address.host() == null ? new InetSocketAddress(address.port())
                : new InetSocketAddress(InetAddress.getByName(address.host()), address.port());
    }
}
