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

/**
 * The blocking half of {@link StaticFileHandler}: from the located path to a reply. Follows symbolic
 * links and then requires the real path to stay under the real root, so a link can never expose a byte
 * outside it; handles directories (redirect to the slash form, index files); hands regular files to
 * {@link FileResponder}. Every file system call of a static request happens here, off the event loop.
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
            return FileReply.error(FileErrors.statusOf(e, root, root));
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(realRoot)) {
                return FORBIDDEN;
            }
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                return directory(request, route, real, realRoot);
            }
            return FileResponder.respond(request, real, attributes, mimeTypes.forPath(real));
        } catch (IOException e) {
            HttpStatus status = FileErrors.statusOf(e, file, root);
            if (status.equals(HttpStatus.NOT_FOUND) && FileErrors.missingPathEscapes(file, root, realRoot)) {
                return FORBIDDEN;
            }
            return FileReply.error(status);
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
        // TODO(issue #4): when route.autoindex() is on, answer with the directory listing here instead
        // of 403. Until then a directory without an index file is refused whether autoindex is on or off.
        return FORBIDDEN;
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
