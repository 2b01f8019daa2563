package io.webserv.config.internal;

import io.webserv.config.internal.Node.Entry;
import io.webserv.config.model.RouteConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a server and its routes share (SPEC §2: root, index, autoindex, client_max_body_size,
 * error_pages), read the same way at both levels, each empty when not written, so that a route's
 * value can override its server's.
 */
record Settings(Optional<Path> root, Optional<List<String>> index, Optional<Boolean> autoindex,
                Optional<Long> clientMaxBodySize, Map<Integer, String> errorPages) {

    static final List<String> KEYS = List.of("root", "index", "autoindex", "client_max_body_size", "error_pages");

    /** Largest body limit: 1 TiB is far beyond any upload; anything larger is a typo. */
    private static final long MAX_BODY = 1L << 40;

    static Settings read(Fields fields, Values values, Path baseDir, FilesystemChecks checks) {
        Optional<Node> rootNode = fields.get("root");
        Optional<Path> root = rootNode.flatMap(n -> values.path(n, "root", baseDir));
        root.ifPresent(path -> checks.directory("root", path, false, rootNode.get().at()));
        if (rootNode.isPresent() && root.isEmpty()) {
            root = Optional.of(baseDir); // a bad root is reported; this stand-in spares its routes "no root" errors
        }
        return new Settings(root,
                fields.get("index").flatMap(n -> index(n, values)),
                fields.get("autoindex").flatMap(n -> values.bool(n, "autoindex")),
                fields.get("client_max_body_size").flatMap(n -> values.size(n, "client_max_body_size", 0, MAX_BODY)),
                fields.get("error_pages").flatMap(n -> values.map(n, "error_pages"))
                        .map(m -> errorPages(m, values)).orElse(Map.of()));
    }

    /** These settings, each overridden by {@code route}'s where the route sets it. */
    Settings overriddenBy(Settings route) {
        Map<Integer, String> pages = new HashMap<>(errorPages);
        pages.putAll(route.errorPages);
        return new Settings(route.root.or(() -> root), route.index.or(() -> index), route.autoindex.or(() -> autoindex),
                route.clientMaxBodySize.or(() -> clientMaxBodySize), pages);
    }

    List<String> indexOrDefault() {
        return index.orElse(RouteConfig.DEFAULT_INDEX);
    }

    boolean autoindexOrDefault() {
        return autoindex.orElse(false);
    }

    long clientMaxBodySizeOrDefault() {
        return clientMaxBodySize.orElse(RouteConfig.DEFAULT_CLIENT_MAX_BODY_SIZE);
    }

    private static Optional<List<String>> index(Node node, Values values) {
        return values.list(node, "index", true).map(items -> {
            List<String> names = new ArrayList<>();
            for (Node item : items) {
                values.string(item, "index").ifPresent(name -> {
                    if (name.indexOf('/') >= 0 || name.equals(".") || name.equals("..")) {
                        values.problems().at(item, "index file '" + Text.quote(name)
                                + "' must be a file name, without '/'");
                    } else {
                        names.add(name);
                    }
                });
            }
            return names;
        });
    }

    private static Map<Integer, String> errorPages(Node.Mapping mapping, Values values) {
        Map<Integer, String> pages = new LinkedHashMap<>();
        for (Entry entry : mapping.entries().values()) {
            Optional<Integer> status = status(entry, values.problems());
            Optional<String> uri = values.string(entry.value(), entry.key());
            uri.filter(u -> !u.startsWith("/")).ifPresent(u -> values.problems().at(entry.value(),
                    "error page '" + Text.quote(u) + "' must be a path on this server, starting with '/'"));
            if (status.isPresent() && uri.isPresent() && uri.get().startsWith("/")) {
                pages.put(status.get(), uri.get());
            }
        }
        return pages;
    }

    private static Optional<Integer> status(Entry entry, Problems problems) {
        String key = entry.key();
        if (key.length() == 3 && key.chars().allMatch(Numbers::isDigit)) {
            int status = Integer.parseInt(key);
            if (status >= 300 && status <= 599) {
                return Optional.of(status);
            }
        }
        problems.at(entry.keyAt(), "error_pages key must be a status code from 300 to 599 (got '"
                + Text.quote(key) + "')");
        return Optional.empty();
    }
}
