package io.webserv.cgi;

import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.files.FileLocator;
import io.webserv.http.message.HttpStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Splits a request path into the script and its PATH_INFO (RFC 3875 §3.3, §4.1.5): the script is the
 * first prefix of the path, segment by segment, whose last segment has one of the route's CGI
 * extensions and names a regular file; what follows is PATH_INFO.
 *
 * <p>{@link #namesScript} is lexical (it runs on the event loop); {@link #resolve} touches the file
 * system. As for static files ({@code StaticFileResolver}), links are followed and the real path must
 * stay under the real root, so a link cannot make a file outside the root run as a script.
 */
final class CgiScriptResolver {

    /** The outcome of {@link #resolve}: a script, or the status that refuses the request. */
    sealed interface Resolution {
        record Found(CgiScript script) implements Resolution {
        }

        record Refused(HttpStatus status, String why) implements Resolution {
        }
    }

    private CgiScriptResolver() {
    }

    /**
     * Whether a segment of {@code path} below the route's root has a CGI extension: such a request is
     * the CGI handler's (and is never served as a file, which would give away the script's source).
     */
    static boolean namesScript(RouteConfig route, String path) {
        if (route.cgi().isEmpty()) {
            return false;
        }
        int start = searchStart(route, path);
        while (start >= 0 && start < path.length()) {
            int end = segmentEnd(path, start);
            if (interpreterFor(route, path.substring(start + 1, end)) != null) {
                return true;
            }
            start = end;
        }
        return false;
    }

    /** Finds the script (blocking: file system calls). */
    static Resolution resolve(RouteConfig route, String path) {
        Path realRoot;
        try {
            realRoot = route.root().toRealPath();
        } catch (IOException e) {
            return new Resolution.Refused(HttpStatus.NOT_FOUND, "root " + route.root() + " unavailable: " + e);
        }
        int start = searchStart(route, path);
        while (start >= 0 && start < path.length()) {
            int end = segmentEnd(path, start);
            String interpreter = interpreterFor(route, path.substring(start + 1, end));
            if (interpreter != null) {
                String scriptName = path.substring(0, end);
                Optional<Path> located = FileLocator.locate(route, scriptName);
                if (located.isEmpty()) {
                    return new Resolution.Refused(HttpStatus.FORBIDDEN, scriptName + " leaves the root");
                }
                Resolution found = check(located.get(), realRoot, new CgiScript(located.get(), scriptName,
                        path.substring(end), interpreter));
                if (found != null) {
                    return found;
                }
            }
            start = end;
        }
        return new Resolution.Refused(HttpStatus.NOT_FOUND, "no script in " + path);
    }

    /** The script if {@code candidate} is a runnable regular file, a refusal, or null for a directory. */
    private static Resolution check(Path candidate, Path realRoot, CgiScript script) {
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException | NotDirectoryException e) {
            return new Resolution.Refused(HttpStatus.NOT_FOUND, candidate + " does not exist");
        } catch (IOException e) {
            return new Resolution.Refused(HttpStatus.FORBIDDEN, candidate + ": " + e);
        }
        if (!real.startsWith(realRoot)) {
            return new Resolution.Refused(HttpStatus.FORBIDDEN, candidate + " links outside the root");
        }
        if (Files.isDirectory(real)) {
            return null; // a directory named like a script: keep walking
        }
        if (!Files.isRegularFile(real)) {
            return new Resolution.Refused(HttpStatus.FORBIDDEN, candidate + " is not a regular file");
        }
        String interpreter = script.interpreter();
        if (interpreter.isEmpty() ? !Files.isExecutable(real) : !Files.isExecutable(Path.of(interpreter))) {
            return new Resolution.Refused(HttpStatus.INTERNAL_SERVER_ERROR,
                    (interpreter.isEmpty() ? real : interpreter) + " is not executable");
        }
        return new Resolution.Found(new CgiScript(real, script.scriptName(), script.pathInfo(), interpreter));
    }

    /** The interpreter for a path segment's extension ({@code ""}: run the file), or null when it has none. */
    static String interpreterFor(RouteConfig route, String segment) {
        int dot = segment.lastIndexOf('.');
        return dot > 0 ? route.cgi().get(segment.substring(dot)) : null;
    }

    /**
     * Where the segments under the root begin: after the route's prefix when the route's root replaces
     * it, else at the start (the whole path is appended to the root); -1 when the path is not the route's.
     */
    private static int searchStart(RouteConfig route, String path) {
        if (!route.rootReplacesPrefix() || route.path().equals("/")) {
            return 0;
        }
        boolean below = path.startsWith(route.path())
                && (path.length() == route.path().length() || path.charAt(route.path().length()) == '/');
        return below ? route.path().length() : -1;
    }

    /** The end of the segment that starts after the {@code '/'} at {@code slash}. */
    private static int segmentEnd(String path, int slash) {
        int next = path.indexOf('/', slash + 1);
        return next < 0 ? path.length() : next;
    }
}
