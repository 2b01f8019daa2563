package io.webserv.config.model;

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
 */
public record ServerConfig(List<ListenAddress> listen, List<String> serverNames, Map<Integer, String> errorPages,
                           List<RouteConfig> routes) {

    /**
     * Copies the collections, so that the record is immutable, and checks them.
     *
     * @param listen      never empty
     * @param serverNames may be empty
     * @param errorPages  status → URI, may be empty
     * @param routes      never empty
     * @throws IllegalArgumentException when there is no address or no route
     */
    public ServerConfig {
        listen = List.copyOf(listen);
        serverNames = List.copyOf(serverNames);
        errorPages = Map.copyOf(errorPages);
        routes = List.copyOf(routes);
        if (listen.isEmpty() || routes.isEmpty()) {
            throw new IllegalArgumentException("a server needs an address and a route");
        }
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
