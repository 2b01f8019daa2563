package io.webserv.config.internal;

import io.webserv.config.model.ListenAddress;
import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.config.model.WebservConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Binds one entry of {@code servers}: its addresses and names here, its routes through
 * {@link RouteBinder}, each route merged with the server's shared {@link Settings}.
 */
final class ServerBinder {

    static final List<String> KEYS = Stream.concat(Stream.of("listen", "server_names"),
            Stream.concat(Settings.KEYS.stream(), Stream.of("routes"))).toList();

    private static final Pattern SERVER_NAME = Pattern.compile("[a-z0-9_.-]+|\\[[0-9a-f:.]+\\]");

    private final Values values;
    private final Path baseDir;
    private final FilesystemChecks checks;

    ServerBinder(Values values, Path baseDir, FilesystemChecks checks) {
        this.values = values;
        this.baseDir = baseDir;
        this.checks = checks;
    }

    Optional<ServerConfig> bind(Node node) {
        Optional<Node.Mapping> mapping = values.itemMap(node, "servers");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Fields f = Fields.of(mapping.get(), values.problems(), KEYS);
        Map<ListenAddress, Location> listen = listen(f);
        Map<String, Location> names = serverNames(f);
        claimNames(listen, names);
        Settings settings = Settings.read(f, values, baseDir, checks);
        List<RouteConfig> routes = routes(f, settings);
        if (listen.isEmpty() || routes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServerConfig(List.copyOf(listen.keySet()), List.copyOf(names.keySet()),
                settings.errorPages(), routes));
    }

    /** Each address with where it is written; {@code *:8080} when the key is missing. */
    private Map<ListenAddress, Location> listen(Fields f) {
        Map<ListenAddress, Location> listen = new LinkedHashMap<>();
        Optional<Node> node = f.get("listen");
        if (node.isEmpty()) {
            listen.put(ListenAddress.anyHost(WebservConfig.DEFAULT_PORT), f.at());
            return listen;
        }
        values.list(node.get(), "listen", true).ifPresent(items -> {
            if (items.isEmpty()) {
                values.problems().at(node.get(), "'listen' must list at least one address");
            }
            for (Node item : items) {
                values.parsed(item, "listen", "address", ListenAddresses.SYNTAX, ListenAddresses::parse)
                        .ifPresent(address -> {
                            Location first = listen.putIfAbsent(address, item.at());
                            if (first != null) {
                                values.problems().at(item, "duplicate listen address " + address + " (first at "
                                        + first + ")");
                            }
                        });
            }
        });
        return listen;
    }

    /** Lower-cased names with where they are written. */
    private Map<String, Location> serverNames(Fields f) {
        Map<String, Location> names = new LinkedHashMap<>();
        f.get("server_names").flatMap(n -> values.list(n, "server_names", true)).ifPresent(items -> {
            for (Node item : items) {
                values.string(item, "server_names").ifPresent(text -> {
                    String name = text.toLowerCase(Locale.ROOT);
                    if (!SERVER_NAME.matcher(name).matches()) {
                        values.problems().at(item, "invalid server name '" + Text.quote(text)
                                + "' (expected a host name without port, e.g. example.com)");
                        return;
                    }
                    Location first = names.putIfAbsent(name, item.at());
                    if (first != null) {
                        values.problems().at(item, "duplicate server name '" + name + "' (first at " + first + ")");
                    }
                });
            }
        });
        return names;
    }

    /** For the {@code -t} check that no two servers answer the same name on the same address. */
    private void claimNames(Map<ListenAddress, Location> listen, Map<String, Location> names) {
        listen.forEach((address, listenAt) -> {
            if (names.isEmpty()) {
                checks.claim(address, "", listenAt);
            }
            names.forEach((name, nameAt) -> checks.claim(address, name, nameAt));
        });
    }

    private List<RouteConfig> routes(Fields f, Settings server) {
        Optional<Node> node = f.get("routes");
        Optional<List<Node>> items = node.flatMap(n -> values.list(n, "routes", false));
        if (node.isPresent() && items.isEmpty()) {
            return List.of();
        }
        if (items.isEmpty() || items.get().isEmpty()) {
            return server.root().map(root -> List.of(defaultRoute(root, server))).orElseGet(() -> {
                values.problems().at(f.at(), "a server without routes needs a 'root'");
                return List.of();
            });
        }
        RouteBinder binder = new RouteBinder(values, baseDir, checks);
        Map<String, Location> paths = new HashMap<>();
        List<RouteConfig> routes = new ArrayList<>();
        for (Node item : items.get()) {
            binder.bind(item, server).ifPresent(bound -> {
                Location first = paths.putIfAbsent(bound.route().path(), bound.pathAt());
                if (first != null) {
                    values.problems().at(bound.pathAt(), "duplicate route path '" + bound.route().path()
                            + "' (first at " + first + ")");
                } else {
                    routes.add(bound.route());
                }
            });
        }
        return routes;
    }

    /** SPEC §2: a server with no routes behaves as one route {@code /} with GET and HEAD. */
    private static RouteConfig defaultRoute(Path root, Settings server) {
        return new RouteConfig("/", RouteConfig.DEFAULT_METHODS, root, false, server.indexOrDefault(),
                server.autoindexOrDefault(), server.clientMaxBodySizeOrDefault(), server.errorPages(),
                Optional.empty(), Optional.empty(), Map.of());
    }
}
