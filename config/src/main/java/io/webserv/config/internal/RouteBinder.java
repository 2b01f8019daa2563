package io.webserv.config.internal;

import io.webserv.config.internal.Node.Entry;
import io.webserv.config.internal.Node.Kind;
import io.webserv.config.model.HandlerMount;
import io.webserv.config.model.Redirect;
import io.webserv.config.model.RouteConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Binds one entry of a server's {@code routes} and merges it with the server's settings into the
 * effective {@link RouteConfig}: the route's root replaces its prefix (nginx {@code alias}), an
 * inherited root gets the whole path (nginx {@code root}); error pages merge per status.
 */
final class RouteBinder {

    static final List<String> KEYS = Stream.concat(Stream.of("path", "methods"),
            Stream.concat(Settings.KEYS.stream(), Stream.of("redirect", "upload_dir", "cgi", "handler", "handler_options"))).toList();

    /** The keys a route with a handler module may not have: the module answers every request. */
    private static final List<String> SERVING_KEYS = List.of("redirect", "upload_dir", "cgi");
    private static final Pattern MODULE_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    static final List<String> REDIRECT_KEYS = List.of("status", "location");

    /** The methods a route may allow; any other token is answered 501 by the server anyway. */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");

    private static final Pattern CGI_EXTENSION = Pattern.compile("\\.[A-Za-z0-9_+-]+");

    private final Values values;
    private final Path baseDir;
    private final FilesystemChecks checks;

    /** A bound route and where its path is written (for duplicate paths). */
    record Bound(RouteConfig route, Location pathAt) {
    }

    RouteBinder(Values values, Path baseDir, FilesystemChecks checks) {
        this.values = values;
        this.baseDir = baseDir;
        this.checks = checks;
    }

    Optional<Bound> bind(Node node, Settings server) {
        Optional<Node.Mapping> mapping = values.itemMap(node, "routes");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Fields f = Fields.of(mapping.get(), values.problems(), KEYS);
        Optional<Node> pathNode = f.get("path");
        if (pathNode.isEmpty()) {
            values.problems().at(f.at(), "a route needs a 'path'");
        }
        Optional<String> path = pathNode.flatMap(this::path);
        Set<String> methods = f.get("methods").flatMap(this::methods).orElse(RouteConfig.DEFAULT_METHODS);
        Settings own = Settings.read(f, values, baseDir, checks);
        Settings merged = server.overriddenBy(own);
        Optional<Redirect> redirect = f.get("redirect").flatMap(this::redirect);
        Optional<Path> uploadDir = f.get("upload_dir").flatMap(n -> values.path(n, "upload_dir", baseDir));
        uploadDir.ifPresent(dir -> checks.directory("upload_dir", dir, true, f.get("upload_dir").orElseThrow().at()));
        Map<String, String> cgi = f.get("cgi").flatMap(n -> values.map(n, "cgi")).map(this::cgi).orElse(Map.of());
        Optional<HandlerMount> handler = handler(f);
        rejectBesideRedirect(f);
        if (merged.root().isEmpty() && path.isPresent()) {
            values.problems().at(pathNode.orElseThrow(), "route '" + path.get()
                    + "' has no root: set 'root' on the route or on its server");
        }
        if (path.isEmpty() || merged.root().isEmpty()) {
            return Optional.empty();
        }
        RouteConfig route = new RouteConfig(path.get(), methods, merged.root().get(), own.root().isPresent(),
                merged.indexOrDefault(), merged.autoindexOrDefault(), merged.clientMaxBodySizeOrDefault(),
                merged.errorPages(), redirect, uploadDir, cgi, handler);
        return Optional.of(new Bound(route, pathNode.get().at()));
    }

    /**
     * {@code handler: NAME} with its {@code handler_options} (each a value or a list of values). Which
     * names and options exist is checked by the server, which knows the modules.
     */
    private Optional<HandlerMount> handler(Fields f) {
        if (!f.has("handler")) {
            f.entry("handler_options").ifPresent(e -> values.problems().at(e.keyAt(),
                    "'handler_options' needs a 'handler' on the same route"));
            return Optional.empty();
        }
        SERVING_KEYS.stream().flatMap(key -> f.entry(key).stream()).forEach(e -> values.problems().at(e.keyAt(),
                "'" + e.key() + "' cannot be combined with 'handler': the module answers every request of the route"));
        Node nameNode = f.get("handler").orElseThrow();
        Optional<String> name = values.string(nameNode, "handler").filter(text -> {
            if (!MODULE_NAME.matcher(text).matches()) {
                values.problems().at(nameNode, "invalid handler module name '" + Text.quote(text)
                        + "' (expected lower-case letters, digits, '-' or '_', e.g. status)");
                return false;
            }
            return true;
        });
        Map<String, List<String>> options = new LinkedHashMap<>();
        Map<String, HandlerMount.Position> optionsAt = new LinkedHashMap<>();
        f.get("handler_options").flatMap(n -> values.map(n, "handler_options")).ifPresent(mapping -> {
            for (Entry entry : mapping.entries().values()) {
                String key = "handler_options." + entry.key();
                optionsAt.put(entry.key(), new HandlerMount.Position(entry.keyAt().line(), entry.keyAt().column()));
                values.list(entry.value(), key, true).ifPresent(items -> options.put(entry.key(),
                        items.stream().flatMap(item -> values.string(item, key).stream()).toList()));
            }
        });
        return name.map(n -> new HandlerMount(n, options, nameNode.at().line(), nameNode.at().column(), optionsAt));
    }

    /** A route that redirects serves nothing: keys that would serve are errors, not silently ignored. */
    private void rejectBesideRedirect(Fields f) {
        if (f.has("redirect")) {
            Stream.of("upload_dir", "cgi").flatMap(key -> f.entry(key).stream()).forEach(e -> values.problems()
                    .at(e.keyAt(), "'" + e.key() + "' cannot be combined with 'redirect': the route only redirects"));
        }
    }

    /** Starts with {@code /}, already normalised (it is matched against normalised paths); no trailing slash. */
    private Optional<String> path(Node node) {
        return values.string(node, "path").flatMap(text -> {
            String path = text.length() > 1 && text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            boolean normal = path.startsWith("/") && (path.equals("/") || Stream.of(path.substring(1).split("/", -1))
                    .noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals("..")));
            if (!normal || path.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                values.problems().at(node, "invalid route path '" + Text.quote(text)
                        + "' (expected an absolute path without '//', '.' or '..' segments, e.g. /images)");
                return Optional.empty();
            }
            return Optional.of(path);
        });
    }

    /** In the order of {@link #METHODS}; GET brings HEAD (SPEC §2). */
    private Optional<Set<String>> methods(Node node) {
        return values.list(node, "methods", true).flatMap(items -> {
            if (items.isEmpty()) {
                values.problems().at(node, "'methods' must list at least one method");
                return Optional.empty();
            }
            Set<String> named = new LinkedHashSet<>();
            for (Node item : items) {
                values.string(item, "methods").ifPresent(m -> {
                    if (METHODS.contains(m)) {
                        named.add(m);
                    } else {
                        values.problems().at(item, "unknown method '" + Text.quote(m) + "' (expected some of: "
                                + String.join(", ", METHODS) + ")");
                    }
                });
            }
            if (named.contains("GET")) {
                named.add("HEAD");
            }
            Set<String> ordered = new LinkedHashSet<>();
            METHODS.stream().filter(named::contains).forEach(ordered::add);
            return ordered.isEmpty() ? Optional.empty() : Optional.of(ordered);
        });
    }

    /** {@code { status: 301, location: /new }}; status 302 when not given, as nginx's {@code return URL}. */
    private Optional<Redirect> redirect(Node node) {
        return values.map(node, "redirect").flatMap(mapping -> {
            Fields f = Fields.of(mapping, values.problems(), REDIRECT_KEYS);
            Optional<Integer> status = f.get("status").flatMap(n -> values.integer(n, "status",
                    Redirect.STATUSES::contains, "301, 302, 303, 307 or 308"));
            Optional<Node> locationNode = f.get("location");
            if (locationNode.isEmpty()) {
                values.problems().at(f.at(), "'redirect' needs a 'location'");
            }
            Optional<String> location = locationNode.flatMap(n -> values.string(n, "location").filter(text -> {
                boolean visible = text.chars().allMatch(c -> c > 0x20 && c < 0x7F);
                if (!visible) {
                    values.problems().at(n, "invalid 'location' '" + Text.quote(text)
                            + "' (a URI has no spaces or non-ASCII characters: percent-encode them)");
                }
                return visible;
            }));
            if (location.isEmpty() || f.has("status") && status.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Redirect(status.orElse(302), location.get()));
        });
    }

    /** Extension with its dot → absolute interpreter, or {@code ""} (also for an empty value) to run the file. */
    private Map<String, String> cgi(Node.Mapping mapping) {
        Map<String, String> cgi = new LinkedHashMap<>();
        for (Entry entry : mapping.entries().values()) {
            boolean extOk = CGI_EXTENSION.matcher(entry.key()).matches();
            if (!extOk) {
                values.problems().at(entry.keyAt(), "cgi key must be a file extension with its dot, e.g. .py (got '"
                        + Text.quote(entry.key()) + "')");
            }
            Optional<String> interpreter = interpreter(entry);
            if (extOk && interpreter.isPresent()) {
                cgi.put(entry.key(), interpreter.get());
            }
        }
        return cgi;
    }

    private Optional<String> interpreter(Entry entry) {
        Node value = entry.value();
        boolean empty = value instanceof Node.Scalar s
                && (s.kind() == Kind.NULL || s.kind() == Kind.STRING && s.text().isEmpty());
        if (empty) {
            return Optional.of("");
        }
        return values.path(value, entry.key(), baseDir).map(path -> {
            checks.executable(entry.key(), path, value.at());
            return path.toString();
        });
    }
}
