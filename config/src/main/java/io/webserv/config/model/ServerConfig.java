package io.webserv.config.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One virtual server.
 *
 * @param listen      the addresses, never empty, no repeats
 * @param serverNames lower-case names matched against {@code Host} (case-insensitive, port
 *                    ignored); may be empty
 * @param errorPages  the server's own {@code error_pages} (status → URI), for answers given before a
 *                    route is known or when none matches; each route holds its merged copy
 * @param routes      never empty: a server without routes gets one route {@code /} (SPEC §2)
 * @param listenOptions the options of the addresses that have any ({@code reuse_port},
 *                    {@code proxy_protocol}); an address not in it has {@link ListenOptions#DEFAULTS}
 */
public record ServerConfig(List<ListenAddress> listen, List<String> serverNames, Map<Integer, String> errorPages,
                           List<RouteConfig> routes, Map<ListenAddress, ListenOptions> listenOptions) {

    /**
     * Copies the collections, so that the record is immutable, and checks them.
     *
     * @param listen        never empty
     * @param serverNames   may be empty
     * @param errorPages    status → URI, may be empty
     * @param routes        never empty
     * @param listenOptions options of some of {@code listen}; entries equal to the defaults are dropped
     * @throws IllegalArgumentException when there is no address or no route, or options for an address
     *                                  the server does not listen on
     */
    public ServerConfig {
        listen = List.copyOf(listen);
        serverNames = List.copyOf(serverNames);
        errorPages = Map.copyOf(errorPages);
        routes = List.copyOf(routes);
        if (listen.isEmpty() || routes.isEmpty()) {
            throw new IllegalArgumentException("a server needs an address and a route");
        }
        Map<ListenAddress, ListenOptions> set = new LinkedHashMap<>();
        for (Map.Entry<ListenAddress, ListenOptions> entry : listenOptions.entrySet()) {
            if (!listen.contains(entry.getKey())) {
                throw new IllegalArgumentException("options for " + entry.getKey() + ", which is not in " + listen);
            }
            if (!entry.getValue().equals(ListenOptions.DEFAULTS)) {
                set.put(entry.getKey(), entry.getValue());
            }
        }
        listenOptions = Map.copyOf(set);
    }

    /**
     * Creates a server whose addresses have no options.
     *
     * @param listen      the addresses, never empty
     * @param serverNames the names matched against {@code Host}; may be empty
     * @param errorPages  status → URI, may be empty
     * @param routes      never empty
     */
    public ServerConfig(List<ListenAddress> listen, List<String> serverNames, Map<Integer, String> errorPages,
                        List<RouteConfig> routes) {
        this(listen, serverNames, errorPages, routes, Map.of());
    }

    /**
     * The options of one of this server's addresses.
     *
     * @param address one of {@link #listen()}
     * @return its options, {@link ListenOptions#DEFAULTS} when it has none
     */
    public ListenOptions optionsOf(ListenAddress address) {
        return listenOptions.getOrDefault(address, ListenOptions.DEFAULTS);
    }

    /**
     * Creates a server without error pages of its own.
     *
     * @param listen      the addresses, never empty
     * @param serverNames the names matched against {@code Host}; may be empty
     * @param routes      never empty
     */
    public ServerConfig(List<ListenAddress> listen, List<String> serverNames, List<RouteConfig> routes) {
        this(listen, serverNames, Map.of(), routes);
    }
}
