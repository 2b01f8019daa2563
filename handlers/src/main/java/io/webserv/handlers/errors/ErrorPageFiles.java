package io.webserv.handlers.errors;

import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.handlers.files.FileLocator;
import io.webserv.handlers.files.MimeTypes;
import io.webserv.handlers.files.RealPaths;
import io.webserv.handlers.routing.VirtualHosts;
import io.webserv.http.parse.HttpParseException;
import io.webserv.http.parse.PathNormalizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Finds and reads the file behind a configured error page URI, the way a GET of that URI on the same
 * server would find it: the server's route by longest prefix on segment boundaries, then
 * {@link FileLocator} and the real-path containment of {@link RealPaths}. It only ever reads a file; it
 * never runs a handler, so an error page cannot loop, redirect or start a CGI script.
 *
 * <p>Anything but a readable regular file of at most {@link #MAX_PAGE_BYTES} is "no page" and the
 * caller falls back to the built-in one: a missing file, a directory, a file outside the root, a
 * route that redirects, a URI that does not parse. The route's {@code methods} are not consulted (the
 * page answers whatever method failed, as nginx's internal redirect does).
 */
final class ErrorPageFiles {

    /** An error page is a small document: a larger file is a mistake, not something to hold in memory. */
    static final int MAX_PAGE_BYTES = 1024 * 1024;

    /** A page read from disk, with the media type of its name. */
    record Page(byte[] body, String contentType) {
    }

    /** A located page: the root it must stay under, and the file. */
    record Located(Path root, Path file) {
    }

    private final MimeTypes mimeTypes;

    ErrorPageFiles(MimeTypes mimeTypes) {
        this.mimeTypes = mimeTypes;
    }

    /**
     * The route and file {@code uri} names on {@code server}, without touching the file system.
     *
     * @param uri a configured error page, starting with {@code /}; a query or fragment is ignored
     */
    static Optional<Located> locate(ServerConfig server, String uri) {
        String path;
        try {
            path = PathNormalizer.normalize(withoutQuery(uri));
        } catch (HttpParseException e) {
            return Optional.empty();
        }
        RouteConfig best = null;
        for (RouteConfig route : server.routes()) {
            if (VirtualHosts.matches(route.path(), path) && (best == null || route.path().length() > best.path().length())) {
                best = route;
            }
        }
        if (best == null || best.redirect().isPresent()) {
            return Optional.empty();
        }
        RouteConfig route = best;
        return FileLocator.locate(route, path).map(file -> new Located(route.root(), file));
    }

    /** Blocking: the page {@code uri} names on {@code server}, or empty when there is none to serve. */
    Optional<Page> load(ServerConfig server, String uri) {
        return locate(server, uri).flatMap(this::read);
    }

    private Optional<Page> read(Located page) {
        try {
            Optional<Path> real = RealPaths.under(page.file(), page.root().toRealPath());
            if (real.isEmpty()) {
                return Optional.empty();
            }
            BasicFileAttributes attributes = Files.readAttributes(real.get(), BasicFileAttributes.class);
            if (!attributes.isRegularFile() || attributes.size() > MAX_PAGE_BYTES) {
                return Optional.empty();
            }
            byte[] body;
            try (FileChannel channel = FileChannel.open(real.get(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                 InputStream in = Channels.newInputStream(channel)) {
                body = in.readNBytes(MAX_PAGE_BYTES + 1); // bounded even if the file grew since
            }
            return body.length > MAX_PAGE_BYTES ? Optional.empty()
                    : Optional.of(new Page(body, mimeTypes.forPath(page.file())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String withoutQuery(String uri) {
        int end = uri.length();
        int query = uri.indexOf('?');
        int fragment = uri.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return uri.substring(0, end);
    }
}
