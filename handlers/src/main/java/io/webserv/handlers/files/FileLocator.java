package io.webserv.handlers.files;

import io.webserv.config.model.RouteConfig;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Maps a request path onto a file path under a route's root, without touching the file system.
 *
 * <p>A route that set its own root replaces its prefix by it (nginx {@code alias}:
 * {@code /kapouet/pouic/toto} → {@code /tmp/www/pouic/toto}); otherwise the whole path is appended to
 * the root (nginx {@code root}). The codec already hands over a decoded, normalised path; this class
 * does not trust that: it resolves segment by segment and refuses any segment that could name
 * something other than a child ({@code .}, {@code ..}, empty, a separator or NUL inside), as well as
 * a result that is not lexically under the root. Symbolic links are checked later, on the real path.
 */
public final class FileLocator {

    private FileLocator() {
    }

    /**
     * @param route the matched route (its root is absolute)
     * @param path  the decoded, normalised request path, starting with {@code /}
     * @return the file the path names under the root, or empty when the path must be refused (→ 403)
     */
    public static Optional<Path> locate(RouteConfig route, String path) {
        String relative = route.rootReplacesPrefix() ? stripPrefix(route.path(), path) : path;
        if (relative == null || !(relative.isEmpty() || relative.startsWith("/"))) {
            return Optional.empty();
        }
        Path root = route.root();
        Path file = root;
        // The leading '/' gives an empty first segment and a trailing '/' an empty last one: skip both.
        int start = 1;
        while (start < relative.length()) {
            int slash = relative.indexOf('/', start);
            int end = slash < 0 ? relative.length() : slash;
            String segment = relative.substring(start, end);
            if (!isPlainName(segment)) {
                return Optional.empty();
            }
            try {
                file = file.resolve(segment);
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
            start = end + 1;
        }
        return file.normalize().startsWith(root.normalize()) ? Optional.of(file) : Optional.empty();
    }

    /** The path below {@code routePath}, {@code ""} for the route path itself, or null when it is not below. */
    private static String stripPrefix(String routePath, String path) {
        if (routePath.equals("/")) {
            return path;
        }
        if (!path.startsWith(routePath)) {
            return null;
        }
        String rest = path.substring(routePath.length());
        return rest.isEmpty() || rest.startsWith("/") ? rest : null;
    }

    /**
     * A segment that names a child and nothing else. The backslash is refused too: it is a separator
     * on Windows, and the codec already refuses it encoded.
     */
    static boolean isPlainName(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '/' || c == '\\' || c == '\0') {
                return false;
            }
        }
        return true;
    }
}
