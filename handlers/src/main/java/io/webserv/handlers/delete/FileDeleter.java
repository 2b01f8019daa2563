package io.webserv.handlers.delete;

import io.webserv.handlers.files.RealPaths;
import io.webserv.http.message.HttpStatus;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The blocking half of {@link DeleteHandler}: decides and removes, returning the status to answer.
 *
 * <p>Two real paths must stay under the real root: the directory that holds the entry (else a linked
 * directory inside the root could lead the removal outside it), and what the entry itself resolves to.
 * So a symbolic link inside the root is removed (the link, never its target) only when its target lies
 * inside the root too, and is not a directory; a link that points out is refused with 403, even though
 * removing the link alone would touch nothing outside: SPEC §5 says nothing outside the root, and a
 * 403 tells the client no more than a GET of it would. A dangling link is missing (404), as for GET.
 */
final class FileDeleter {

    private FileDeleter() {
    }

    /**
     * @param root            the route's root
     * @param file            the path {@link io.webserv.handlers.files.FileLocator} gave, lexically under {@code root}
     * @param directorySyntax whether the request path ended with a slash: it then names a directory, and
     *                        a file of that name is not it (404, as nginx answers ENOTDIR)
     * @return 204 when removed, else the error status
     */
    static HttpStatus delete(Path root, Path file, boolean directorySyntax) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return RealPaths.rootFailureStatus(e, root);
        }
        if (file.equals(root)) {
            return HttpStatus.CONFLICT; // the route's own directory
        }
        Path entry;
        try {
            Optional<Path> parent = RealPaths.under(file.getParent(), realRoot);
            entry = parent.map(p -> p.resolve(file.getFileName())).orElse(null);
            Optional<Path> target = entry == null ? Optional.empty() : RealPaths.under(entry, realRoot);
            if (target.isEmpty()) {
                return HttpStatus.FORBIDDEN;
            }
            if (Files.readAttributes(target.get(), BasicFileAttributes.class).isDirectory()) {
                return HttpStatus.CONFLICT;
            }
        } catch (IOException e) {
            return RealPaths.failureStatus(e, file, root, realRoot);
        }
        return directorySyntax ? HttpStatus.NOT_FOUND : remove(entry);
    }

    /**
     * Removes the entry itself (a link is not followed). A failure of the removal proper is a 403: the
     * entry is there, so what stops it is a permission, the sticky bit, an immutable file or a read-only
     * file system.
     */
    private static HttpStatus remove(Path entry) {
        try {
            Files.delete(entry);
            return HttpStatus.NO_CONTENT;
        } catch (NoSuchFileException e) {
            return HttpStatus.NOT_FOUND; // removed by someone else meanwhile
        } catch (DirectoryNotEmptyException e) {
            return HttpStatus.CONFLICT; // replaced by a directory meanwhile
        } catch (IOException e) {
            return HttpStatus.FORBIDDEN;
        }
    }
}
