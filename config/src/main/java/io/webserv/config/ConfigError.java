package io.webserv.config;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem in a configuration file, where it is. {@link #toString()} is the form the command line
 * prints and editors jump to: {@code file:line:column: message}.
 *
 * @param file    the file as the caller named it (not made absolute, so messages stay short)
 * @param line    1-based; 0 when the problem concerns the whole file (it cannot be read)
 * @param column  1-based; 0 with line 0
 * @param message what is wrong and, when it helps, what was expected
 */
public record ConfigError(Path file, int line, int column, String message) {

    /** File order: by line, then column (whole-file problems first). */
    public static final Comparator<ConfigError> BY_POSITION = Comparator.comparingInt(ConfigError::line)
            .thenComparingInt(ConfigError::column);

    /**
     * Checks the position.
     *
     * @param file    the file as the caller named it
     * @param line    1-based, or 0 for the whole file
     * @param column  1-based, or 0 for the whole file
     * @param message what is wrong
     * @throws IllegalArgumentException when {@code line} or {@code column} is negative
     */
    public ConfigError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative position " + line + ":" + column);
        }
    }

    /**
     * Creates a problem with the whole file, such as one that cannot be read.
     *
     * @param file    the file as the caller named it
     * @param message what is wrong
     * @return the problem at line 0, column 0, printed as {@code file: message}
     */
    public static ConfigError ofFile(Path file, String message) {
        return new ConfigError(file, 0, 0, message);
    }

    @Override
    public String toString() {
        return line == 0 ? file + ": " + message : file + ":" + line + ":" + column + ": " + message;
    }
}
