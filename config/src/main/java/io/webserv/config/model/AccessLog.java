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
    public enum Kind { OFF, STDOUT, FILE }

    public static final AccessLog OFF = new AccessLog(Kind.OFF, Optional.empty());
    public static final AccessLog STDOUT = new AccessLog(Kind.STDOUT, Optional.empty());

    public AccessLog {
        Objects.requireNonNull(kind, "kind");
        if (file.isPresent() != (kind == Kind.FILE)) {
            throw new IllegalArgumentException("a file exactly when kind is FILE: " + kind + ", " + file);
        }
    }

    public static AccessLog file(Path file) {
        return new AccessLog(Kind.FILE, Optional.of(file));
    }
}
