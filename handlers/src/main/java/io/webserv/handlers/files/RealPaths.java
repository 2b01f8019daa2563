package io.webserv.handlers.files;

import io.webserv.http.message.HttpStatus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The containment rule every file handler shares (SPEC §4: never a file outside the root): a path is
 * used only once its real path, symbolic links followed, lies under the root's real path, and a path
 * that cannot be resolved gets the status nginx would give. Blocking: call it off the event loop.
 */
public final class RealPaths {

    private RealPaths() {
    }

    /**
     * @param path     a path {@link FileLocator} gave, lexically under the root
     * @param realRoot the root's real path
     * @return the real path of {@code path}, or empty when it lies outside {@code realRoot} (→ 403)
     * @throws IOException when {@code path} cannot be resolved (missing, a dangling link, a loop…)
     */
    public static Optional<Path> under(Path path, Path realRoot) throws IOException {
        Path real = path.toRealPath();
        return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
    }

    /**
     * The status for a failure to resolve {@code file}: 404, 403 or 500 as {@link FileErrors} says, and
     * 403 rather than 404 when the missing path would lie outside the real root (a 404 there would tell
     * the client what exists outside it).
     *
     * @param e        the failure of {@link #under(Path, Path)}
     * @param file     the path that could not be resolved
     * @param root     the route's root as configured
     * @param realRoot the root's real path
     * @return the status to answer with
     */
    public static HttpStatus failureStatus(IOException e, Path file, Path root, Path realRoot) {
        HttpStatus status = FileErrors.statusOf(e, file, root);
        if (status.equals(HttpStatus.NOT_FOUND) && FileErrors.missingPathEscapes(file, root, realRoot)) {
            return HttpStatus.FORBIDDEN;
        }
        return status;
    }

    /**
     * Chooses the status for a route root that cannot be resolved.
     *
     * @param e    the failure to resolve it
     * @param root the route's root as configured
     * @return 404 when it is missing, 403 when it may not be read, 500 for any other failure
     */
    public static HttpStatus rootFailureStatus(IOException e, Path root) {
        return FileErrors.statusOf(e, root, root);
    }
}
