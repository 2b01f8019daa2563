package io.webserv.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A file kept in the repository for users (an example configuration, a unit file), read by a test
 * that adapts a few of its values to the machine: each value to change must appear exactly once, so
 * the file and the test cannot drift apart silently.
 */
public final class RepositoryFile {

    /** The repository's root, seen from the integration-tests module (Maven's working directory). */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private RepositoryFile() {
    }

    /** The text of {@code relative} (to the repository's root). */
    public static String read(String relative) throws IOException {
        return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
    }

    /**
     * {@code text} with each key of {@code replacements} replaced by its value.
     *
     * @throws IllegalStateException naming the text when a key is missing or appears more than once
     */
    public static String replaceEachOnce(String text, Map<String, String> replacements) {
        String result = text;
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            String key = replacement.getKey();
            int first = result.indexOf(key);
            if (first < 0 || result.indexOf(key, first + 1) >= 0) {
                throw new IllegalStateException("'" + key + "' must appear exactly once in the file; it appears "
                        + (first < 0 ? "nowhere" : "more than once"));
            }
            result = result.replace(key, replacement.getValue());
        }
        return result;
    }
}
