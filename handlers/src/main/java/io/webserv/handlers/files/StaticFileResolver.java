package io.webserv.handlers.files;

import io.webserv.config.model.RouteConfig;
import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.RequestHead;
import io.webserv.http.message.RequestTarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The blocking half of {@link StaticFileHandler}: from the located path to a reply. Follows symbolic
 * links and then requires the real path to stay under the real root, so a link can never expose a byte
 * outside it; handles directories (redirect to the slash form, index files); hands regular files to
 * {@link FileResponder}; lists a directory without an index when autoindex is on ({@link AutoIndex}).
 * Every file system call of a static request happens here, off the event loop.
 */
final class StaticFileResolver {

    private static final FileReply FORBIDDEN = FileReply.error(HttpStatus.FORBIDDEN);

    private final MimeTypes mimeTypes;

    StaticFileResolver(MimeTypes mimeTypes) {
        this.mimeTypes = mimeTypes;
    }

    /**
     * @param file the path {@link FileLocator} gave for the request, lexically under the route's root
     */
    FileReply resolve(RequestHead request, RouteConfig route, Path file) {
        Path root = route.root();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return FileReply.error(RealPaths.rootFailureStatus(e, root));
        }
        try {
            Optional<Path> inside = RealPaths.under(file, realRoot);
            if (inside.isEmpty()) {
                return FORBIDDEN;
            }
            Path real = inside.get();
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                return directory(request, route, real, realRoot);
            }
            return FileResponder.respond(request, real, attributes, mimeTypes.forPath(real));
        } catch (IOException e) {
            return FileReply.error(RealPaths.failureStatus(e, file, root, realRoot));
        }
    }

    private FileReply directory(RequestHead request, RouteConfig route, Path directory, Path realRoot) throws IOException {
        if (!request.target().path().endsWith("/")) {
            HttpHeaders location = new HttpHeaders(1).add(HeaderNames.LOCATION, slashLocation(request.target()));
            return new FileReply.ErrorPage(HttpStatus.MOVED_PERMANENTLY, location);
        }
        for (String name : route.index()) {
            Path real;
            try {
                real = directory.resolve(name).toRealPath();
            } catch (NoSuchFileException e) {
                continue;
            }
            if (!real.startsWith(realRoot)) {
                return FORBIDDEN;
            }
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (!attributes.isDirectory()) {
                return FileResponder.respond(request, real, attributes, mimeTypes.forFileName(name));
            }
        }
        // No index file: the listing when the route asks for it (SPEC §4), else 403.
        return route.autoindex() ? AutoIndex.listing(request, route, directory, realRoot) : FORBIDDEN;
    }

    /**
     * The request's own path, as sent (so its percent-encoding survives), plus a slash and the query.
     * Leading slashes and backslashes are folded into one, or {@code //evil.example/} would send the
     * client to another host.
     */
    static String slashLocation(RequestTarget target) {
        String raw = target.rawPath();
        int start = 0;
        while (start < raw.length() && (raw.charAt(start) == '/' || raw.charAt(start) == '\\')) {
            start++;
        }
        String location = "/" + raw.substring(start) + "/";
        return target.rawQuery() == null ? location : location + "?" + target.rawQuery();
    }
}
