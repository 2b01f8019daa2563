package io.webserv.handlers.upload;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives a complete temporary file its final name in the same directory, in one step: a reader sees no
 * file or the whole file, never a part of it. Blocking: runs on the blocking executor.
 *
 * <p>A new name must never replace an existing file, and {@code Files.move} cannot promise that: with
 * {@code ATOMIC_MOVE} the JDK calls rename(2), which on Linux replaces the target whatever the other
 * options say (its javadoc leaves that "implementation specific"), and without it the JDK checks for
 * the target and then renames, a race between two uploads of the same name. So a new file is
 * published as a hard link, which the kernel refuses atomically (EEXIST) when the name is taken, and
 * the temporary name is then removed. On a file system without hard links the name is reserved by
 * creating it empty ({@code O_EXCL}), then the complete file is renamed over the reservation.
 */
final class Placement {

    /** Names {@code name-1} … {@code name-99} are tried in turn, then random suffixes. */
    private static final int SEQUENTIAL_SUFFIXES = 100;
    private static final int RANDOM_SUFFIXES = 100;

    /** PUT named a directory: there is no file to replace (→ 409). */
    static final class TargetIsDirectory extends FileSystemException {
        TargetIsDirectory(Path target) {
            super(target.toString(), null, "is a directory");
        }
    }

    private Placement() {
    }

    /**
     * Publishes {@code temp} under {@code name} in its directory, or under the first free alternative
     * ({@link FileNames#withSuffix}); never replaces a file.
     *
     * @return the file's final path
     */
    static Path placeNew(Path temp, String name) throws IOException {
        Path dir = temp.getParent();
        for (long n = 0; n < SEQUENTIAL_SUFFIXES + RANDOM_SUFFIXES; n++) {
            long suffix = n < SEQUENTIAL_SUFFIXES ? n : ThreadLocalRandom.current().nextLong(SEQUENTIAL_SUFFIXES, 1L << 40);
            Path target = dir.resolve(FileNames.withSuffix(name, suffix));
            if (publish(temp, target)) {
                return target;
            }
        }
        throw new FileAlreadyExistsException(dir.resolve(name).toString(), null, "no free name left");
    }

    /**
     * Publishes {@code temp} as {@code target}, replacing the file there if there is one.
     *
     * @return true when the file was created, false when it replaced one
     * @throws TargetIsDirectory when {@code target} is a directory
     */
    static boolean replace(Path temp, Path target) throws IOException {
        if (publish(temp, target)) {
            return true;
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new TargetIsDirectory(target);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return false;
    }

    /** Deletes a file nobody wants any more; there is nothing better to do if that fails. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for the administrator: the name starts with a dot and says what it is
        }
    }

    /**
     * Gives {@code temp} the name {@code target} unless that name is taken.
     *
     * @return false, {@code temp} untouched, when {@code target} exists
     */
    static boolean publish(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            return reserveThenRename(temp, target); // no hard links here
        }
        deleteQuietly(temp); // the file is published: a stray second name must not turn that into a failure
        return true;
    }

    /** {@link #publish} without hard links: reserve the name with an empty file, then rename over it. */
    static boolean reserveThenRename(Path temp, Path target) throws IOException {
        try {
            Files.createFile(target);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(target);
            throw e;
        }
        return true;
    }
}
