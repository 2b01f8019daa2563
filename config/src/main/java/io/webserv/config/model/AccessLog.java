package io.webserv.config.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where access-log lines (combined log format) go: nowhere, standard output, or a file.
 *
 * @param kind which of the three
 * @param file the absolute file, present exactly when {@code kind} is {@link Kind#FILE}
 */
public record AccessLog(Kind kind, Optional<Path> file) {

    /** The three destinations of {@code access_log}. */
    public enum Kind {
        /** No access log ({@code access_log: off}). */
        OFF,
        /** One line per response on standard output ({@code access_log: stdout}). */
        STDOUT,
        /** Appended to a file ({@code access_log: path}). */
        FILE
    }

    /** No access log: the default. */
    public static final AccessLog OFF = new AccessLog(Kind.OFF, Optional.empty());
    /** The access log on standard output. */
    public static final AccessLog STDOUT = new AccessLog(Kind.STDOUT, Optional.empty());

    /**
     * Checks that a file is given exactly for {@link Kind#FILE}.
     *
     * @param kind which of the three
     * @param file the absolute file for {@link Kind#FILE}, empty otherwise
     * @throws IllegalArgumentException when {@code file} is present for another kind, or absent for FILE
     */
    public AccessLog {
        Objects.requireNonNull(kind, "kind");
        if (file.isPresent() != (kind == Kind.FILE)) {
            throw new IllegalArgumentException("a file exactly when kind is FILE: " + kind + ", " + file);
        }
    }

    /**
     * Creates a log to a file.
     *
     * @param file the absolute file the lines are appended to
     * @return an access log of kind {@link Kind#FILE}
     */
    public static AccessLog file(Path file) {
        return new AccessLog(Kind.FILE, Optional.of(file));
    }
}
