package io.webserv.config.internal;

import io.webserv.config.model.ListenAddress;
import io.webserv.config.model.ListenOptions;
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

    /** The keys of a {@code listen} entry written as a map. */
    static final List<String> LISTEN_KEYS = List.of("address", "reuse_port", "proxy_protocol");

    private static final Pattern SERVER_NAME = Pattern.compile("[a-z0-9_.-]+|\\[[0-9a-f:.]+\\]");

    private final Values values;
    private final Path baseDir;
    private final FilesystemChecks checks;
    private final ListenAgreement agreement;

    ServerBinder(Values values, Path baseDir, FilesystemChecks checks, ListenAgreement agreement) {
        this.values = values;
        this.baseDir = baseDir;
        this.checks = checks;
        this.agreement = agreement;
    }

    /** One {@code listen} entry: its address, its options and where it is written. */
    private record Listen(ListenAddress address, ListenOptions options, Location at) {
    }

    Optional<ServerConfig> bind(Node node) {
        Optional<Node.Mapping> mapping = values.itemMap(node, "servers");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Fields f = Fields.of(mapping.get(), values.problems(), KEYS);
        List<Listen> listen = listen(f);
        Map<String, Location> names = serverNames(f);
        claimNames(listen, names);
        listen.forEach(l -> agreement.add(l.address(), l.options(), l.at()));
        Settings settings = Settings.read(f, values, baseDir, checks);
        List<RouteConfig> routes = routes(f, settings);
        if (listen.isEmpty() || routes.isEmpty()) {
            return Optional.empty();
        }
        Map<ListenAddress, ListenOptions> options = new LinkedHashMap<>();
        listen.forEach(l -> options.put(l.address(), l.options()));
        return Optional.of(new ServerConfig(listen.stream().map(Listen::address).toList(),
                List.copyOf(names.keySet()), settings.errorPages(), routes, options));
    }

    /** Each address with its options and where it is written; {@code *:8080} when the key is missing. */
    private List<Listen> listen(Fields f) {
        List<Listen> listen = new ArrayList<>();
        Optional<Node> node = f.get("listen");
        if (node.isEmpty()) {
            listen.add(new Listen(ListenAddress.anyHost(WebservConfig.DEFAULT_PORT), ListenOptions.DEFAULTS, f.at()));
            return listen;
        }
        Map<ListenAddress, Location> seen = new HashMap<>();
        values.list(node.get(), "listen", true).ifPresent(items -> {
            if (items.isEmpty()) {
                values.problems().at(node.get(), "'listen' must list at least one address");
            }
            for (Node item : items) {
                listenEntry(item).ifPresent(entry -> {
                    Location first = seen.putIfAbsent(entry.address(), entry.at());
                    if (first != null) {
                        values.problems().at(item, "duplicate listen address " + entry.address() + " (first at "
                                + first + ")");
                    } else {
                        listen.add(entry);
                    }
                });
            }
        });
        return listen;
    }

    /** {@code 8080}, {@code "127.0.0.1:8080"}, or {@code { address: 8080, reuse_port: true, proxy_protocol: true }}. */
    private Optional<Listen> listenEntry(Node item) {
        if (!(item instanceof Node.Mapping mapping)) {
            return values.parsed(item, "listen", "address", ListenAddresses.SYNTAX, ListenAddresses::parse)
                    .map(address -> new Listen(address, ListenOptions.DEFAULTS, item.at()));
        }
        Fields f = Fields.of(mapping, values.problems(), LISTEN_KEYS);
        Optional<Node> addressNode = f.get("address");
        if (addressNode.isEmpty()) {
            values.problems().at(f.at(), "a listen entry written as a map needs an 'address'");
        }
        Optional<ListenAddress> address = addressNode.flatMap(n -> values.parsed(n, "address", "address",
                ListenAddresses.SYNTAX, ListenAddresses::parse));
        boolean reusePort = f.get("reuse_port").flatMap(n -> values.bool(n, "reuse_port")).orElse(false);
        boolean proxyProtocol = f.get("proxy_protocol").flatMap(n -> values.bool(n, "proxy_protocol")).orElse(false);
        return address.map(a -> new Listen(a, new ListenOptions(reusePort, proxyProtocol), item.at()));
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
    private void claimNames(List<Listen> listen, Map<String, Location> names) {
        for (Listen l : listen) {
            if (names.isEmpty()) {
                checks.claim(l.address(), "", l.at());
            }
            names.forEach((name, nameAt) -> checks.claim(l.address(), name, nameAt));
        }
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
