package io.webserv.config.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One route with its EFFECTIVE settings: the server's values with the route's overrides already
 * applied (SPEC §2), so that a handler never looks at the server.
 *
 * @param path               starts with {@code /}, no trailing slash except for {@code /} itself;
 *                           matches on segment boundaries
 * @param methods            allowed methods in the order GET HEAD POST PUT DELETE OPTIONS;
 *                           GET always brings HEAD
 * @param root               absolute directory the route serves
 * @param rootReplacesPrefix {@code true} when the route set its own root: the route path is
 *                           replaced by it (nginx {@code alias}); {@code false} when it inherits the
 *                           server's root and the whole path is appended (nginx {@code root})
 * @param index              index files tried in order for a directory
 * @param autoindex          list a directory that has no index file
 * @param clientMaxBodySize  largest request body in bytes, 0 for no limit → 413
 * @param errorPages         status → URI on this server; the server's entries merged with the
 *                           route's, the route winning per status
 * @param redirect           present: every request is answered with this redirect
 * @param uploadDir          present: POST bodies are stored in this absolute directory
 * @param cgi                file extension with its dot → absolute interpreter path, or {@code ""}
 *                           to execute the script itself
 * @param handler            present: a handler module answers every request of the route
 */
public record RouteConfig(String path, Set<String> methods, Path root, boolean rootReplacesPrefix, List<String> index,
                          boolean autoindex, long clientMaxBodySize, Map<Integer, String> errorPages,
                          Optional<Redirect> redirect, Optional<Path> uploadDir, Map<String, String> cgi,
                          Optional<HandlerMount> handler) {

    /** The methods a route allows when it does not say ({@code methods: [GET]} means the same). */
    public static final Set<String> DEFAULT_METHODS = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("GET", "HEAD")));
    /** The index files a route tries when it does not say: {@code index.html}. */
    public static final List<String> DEFAULT_INDEX = List.of("index.html");
    /** 1m (SPEC §2). */
    public static final long DEFAULT_CLIENT_MAX_BODY_SIZE = 1024 * 1024;

    /**
     * Checks the route and copies its collections, so that the record is immutable.
     *
     * @param path               starts with {@code /}
     * @param methods            not empty; copied, order kept
     * @param root               absolute directory, not null
     * @param rootReplacesPrefix whether the route path is replaced by {@code root}
     * @param index              copied
     * @param autoindex          list directories without an index file
     * @param clientMaxBodySize  0 or more
     * @param errorPages         copied
     * @param redirect           not null; empty for no redirect
     * @param uploadDir          not null; empty for no uploads
     * @param cgi                copied
     * @param handler            not null; empty when no handler module answers the route
     * @throws IllegalArgumentException when the path, methods or body size are invalid
     */
    public RouteConfig {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(redirect, "redirect");
        Objects.requireNonNull(uploadDir, "uploadDir");
        Objects.requireNonNull(handler, "handler");
        if (!path.startsWith("/") || clientMaxBodySize < 0 || methods.isEmpty()) {
            throw new IllegalArgumentException("invalid route " + path + ": " + methods + ", " + clientMaxBodySize);
        }
        methods = Collections.unmodifiableSet(new LinkedHashSet<>(methods));
        index = List.copyOf(index);
        errorPages = Map.copyOf(errorPages);
        cgi = Map.copyOf(cgi);
    }

    /**
     * Creates a route without a handler module: the built-in handlers answer it.
     *
     * @param path               starts with {@code /}
     * @param methods            not empty
     * @param root               absolute directory
     * @param rootReplacesPrefix whether the route path is replaced by {@code root}
     * @param index              index files tried in order for a directory
     * @param autoindex          list directories without an index file
     * @param clientMaxBodySize  largest request body in bytes, 0 for no limit
     * @param errorPages         status → URI
     * @param redirect           empty for no redirect
     * @param uploadDir          empty for no uploads
     * @param cgi                extension → interpreter
     */
    public RouteConfig(String path, Set<String> methods, Path root, boolean rootReplacesPrefix, List<String> index,
                       boolean autoindex, long clientMaxBodySize, Map<Integer, String> errorPages,
                       Optional<Redirect> redirect, Optional<Path> uploadDir, Map<String, String> cgi) {
        this(path, methods, root, rootReplacesPrefix, index, autoindex, clientMaxBodySize, errorPages, redirect, uploadDir,
                cgi, Optional.empty());
    }

    /**
     * Creates a route that serves a directory with every default: GET and HEAD only, {@code index.html},
     * no listing, 1m bodies.
     *
     * @param path the route's prefix, starting with {@code /}
     * @param root the directory the whole request path is appended to (nginx {@code root})
     * @return the route
     */
    public static RouteConfig serving(String path, Path root) {
        return new RouteConfig(path, DEFAULT_METHODS, root, false, DEFAULT_INDEX, false, DEFAULT_CLIENT_MAX_BODY_SIZE,
                Map.of(), Optional.empty(), Optional.empty(), Map.of());
    }

    /**
     * Tells whether the route allows a method (else the server answers 405 with {@code Allow}).
     *
     * @param method the method name, case-sensitive
     * @return whether it is among {@link #methods()}
     */
    public boolean allows(String method) {
        return methods.contains(method);
    }
}
