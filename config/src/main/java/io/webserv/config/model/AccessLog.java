package io.webserv.config.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where access-log lines go (nowhere, standard output, or a file) and in which format.
 *
 * @param kind   which of the three destinations
 * @param file   the absolute file, present exactly when {@code kind} is {@link Kind#FILE}
 * @param format the format of each line
 */
public record AccessLog(Kind kind, Optional<Path> file, Format format) {

    /** The three destinations of {@code access_log}. */
    public enum Kind {
        /** No access log ({@code access_log: off}). */
        OFF,
        /** One line per response on standard output ({@code access_log: stdout}). */
        STDOUT,
        /** Appended to a file ({@code access_log: path}). */
        FILE
    }

    /** The line formats of {@code access_log.format}. */
    public enum Format {
        /** The combined log format of Apache and nginx: the default. */
        COMBINED,
        /** One JSON object per line. */
        JSON
    }

    /** No access log. */
    public static final AccessLog OFF = new AccessLog(Kind.OFF, Optional.empty());
    /** The access log on standard output, in the combined format: the default. */
    public static final AccessLog STDOUT = new AccessLog(Kind.STDOUT, Optional.empty());

    /**
     * Checks that a file is given exactly for {@link Kind#FILE}.
     *
     * @param kind   which of the three destinations
     * @param file   the absolute file for {@link Kind#FILE}, empty otherwise
     * @param format the format of each line
     * @throws IllegalArgumentException when {@code file} is present for another kind, or absent for FILE
     */
    public AccessLog {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        if (file.isPresent() != (kind == Kind.FILE)) {
            throw new IllegalArgumentException("a file exactly when kind is FILE: " + kind + ", " + file);
        }
    }

    /**
     * A log in the combined format.
     *
     * @param kind which of the three destinations
     * @param file the absolute file for {@link Kind#FILE}, empty otherwise
     * @throws IllegalArgumentException when {@code file} is present for another kind, or absent for FILE
     */
    public AccessLog(Kind kind, Optional<Path> file) {
        this(kind, file, Format.COMBINED);
    }

    /**
     * Creates a log to a file, in the combined format.
     *
     * @param file the absolute file the lines are appended to
     * @return an access log of kind {@link Kind#FILE}
     */
    public static AccessLog file(Path file) {
        return new AccessLog(Kind.FILE, Optional.of(file));
    }

    /**
     * The same destination with another format.
     *
     * @param newFormat the format of each line
     * @return this log's destination, writing {@code newFormat}
     */
    public AccessLog withFormat(Format newFormat) {
        return new AccessLog(kind, file, newFormat);
    }
}
