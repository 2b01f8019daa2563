package io.webserv.handlers.files;

import io.webserv.http.message.HttpStatus;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns a file system failure into the status nginx gives it: missing, "not a directory" or a name
 * too long → 404; permission denied or a symbolic link loop → 403; anything else → 500.
 *
 * <p>The JDK reports ENOTDIR, ENAMETOOLONG and ELOOP as a plain {@link FileSystemException} whose only
 * clue is a localisable message, so this class looks at the path instead: a parent that exists and is
 * not a directory, an over-long name, a symbolic link among the components.
 */
final class FileErrors {

    /** The longest file name most file systems accept, in bytes (NAME_MAX). */
    private static final int NAME_MAX = 255;

    private FileErrors() {
    }

    /**
     * @param file the path that failed, lexically under {@code root}
     * @param root the route's root
     */
    static HttpStatus statusOf(IOException e, Path file, Path root) {
        if (e instanceof NoSuchFileException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof AccessDeniedException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof FileSystemException) {
            if (hasLongName(file, root) || hasNonDirectoryParent(file, root)) {
                return HttpStatus.NOT_FOUND;
            }
            if (hasSymbolicLink(file, root)) {
                return HttpStatus.FORBIDDEN;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static boolean hasLongName(Path file, Path root) {
        for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
            Path name = p.getFileName();
            if (name != null && name.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > NAME_MAX) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNonDirectoryParent(Path file, Path root) {
        for (Path p = file.getParent(); p != null && p.startsWith(root); p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSymbolicLink(Path file, Path root) {
        for (Path p = file; p != null && p.startsWith(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a path that does not exist would lie outside {@code realRoot} once its symbolic links are
     * followed: a 404 there would tell the client what exists outside the root, so it gets a 403.
     */
    static boolean missingPathEscapes(Path file, Path root, Path realRoot) {
        for (Path p = file.getParent(); p != null && p.startsWith(root); p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    return !p.toRealPath().startsWith(realRoot);
                } catch (IOException e) {
                    return true; // an ancestor we cannot resolve: do not say more than 403
                }
            }
        }
        return false;
    }
}
