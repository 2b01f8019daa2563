package io.webserv.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.webserv.config.ConfigError;
import io.webserv.config.ConfigException;
import io.webserv.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md against the loader. Convention of the reference: a key table is a Markdown
 * table whose header row starts with {@code | key |}; each of its rows documents one key, whose full
 * dotted path is the first cell, in backticks ({@code `timeouts.header`}, {@code `servers[].routes[].cgi`},
 * {@code []} meaning an item of a list), with a default and an example in their own columns. Those keys
 * must be exactly {@link ConfigBinder#keyPaths()}, which is made of the lists the binders report unknown
 * keys with; and those paths must be where the loader accepts them.
 */
class ConfigurationReferenceTest {

    /** Maven runs a module's tests in the module's directory. */
    private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");
    private static final Pattern KEY_TABLE_HEADER = Pattern.compile("^\\|\\s*key\\s*\\|.*");
    private static final Pattern KEY_CELL = Pattern.compile("`([a-z_]+(?:(?:\\[])?\\.[a-z_]+)*)`");
    private static final Pattern EXPECTED_KEYS = Pattern.compile("unknown key 'zzz_probe' \\(expected one of: (.*)\\)");
    private static final String PROBE = "{zzz_probe: 1}";

    @Test
    void referenceDocumentsEveryKeyTheLoaderAcceptsAndNoOther() throws IOException {
        List<String> documented = documentedKeys(Files.readAllLines(REFERENCE));
        List<String> accepted = ConfigBinder.keyPaths();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(minus(accepted, documented))
                .as("keys the loader accepts that %s does not document", REFERENCE).isEmpty();
        soft.assertThat(minus(documented, accepted))
                .as("keys %s documents that the loader does not accept", REFERENCE).isEmpty();
        soft.assertThat(duplicates(documented)).as("keys %s documents twice", REFERENCE).isEmpty();
        soft.assertAll();
    }

    @Test
    void everyYamlExampleOfTheReferenceLoads() throws IOException {
        List<String> examples = yamlBlocks(Files.readAllLines(REFERENCE));
        assertThat(examples).isNotEmpty();
        for (String yaml : examples) {
            assertThatCode(() -> ConfigLoader.parse(yaml, Path.of("/etc/webserv/webserv.yaml")))
                    .as("example in %s:%n%s", REFERENCE, yaml).doesNotThrowAnyException();
        }
    }

    /** {@link ConfigBinder#keyPaths()} nests the binders' lists by hand: each path must be accepted where it says. */
    @Test
    void everyKeyPathIsAcceptedWhereItSays() {
        for (String path : ConfigBinder.keyPaths()) {
            assertThat(unknownKeyMessages(yamlAt(path, "1"))).as(path).isEmpty();
        }
    }

    /**
     * ...and every map that reports unknown keys (probed as a map and as a list of maps at each path) lists
     * exactly the keys {@link ConfigBinder#keyPaths()} has under that path, so that no nested map is left out.
     */
    @Test
    void everyMapOfKeysIsInKeyPaths() {
        List<String> paths = ConfigBinder.keyPaths();
        List<String> probed = new ArrayList<>(List.of(""));
        for (String path : paths) {
            probed.add(path);
            probed.add(path + "[]");
        }
        for (String path : probed) {
            List<String> listed = unknownKeyMessages(yamlAt(path, PROBE)).stream()
                    .map(EXPECTED_KEYS::matcher).filter(Matcher::matches)
                    .flatMap(m -> List.of(m.group(1).split(", ")).stream()).toList();
            assertThat(listed).as("keys of the map at '%s'", path).isEqualTo(children(paths, path));
        }
    }

    /**
     * The first cell of every row of every key table. A row fails unless that cell is one key in backticks,
     * its default is given and its example writes that key ({@code `header: 5s`} for {@code timeouts.header}).
     */
    static List<String> documentedKeys(List<String> lines) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!KEY_TABLE_HEADER.matcher(lines.get(i)).matches()) {
                continue;
            }
            List<String> columns = cells(lines.get(i));
            int defaultColumn = columns.indexOf("default");
            int exampleColumn = columns.indexOf("example");
            assertThat(defaultColumn).as("%s:%d: a key table needs a 'default' column", REFERENCE, i + 1).isPositive();
            assertThat(exampleColumn).as("%s:%d: a key table needs an 'example' column", REFERENCE, i + 1).isPositive();
            for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                List<String> row = cells(lines.get(i));
                Matcher key = KEY_CELL.matcher(row.get(0));
                assertThat(key.matches()).as("%s:%d: the first cell of a key table must be one key in backticks, "
                        + "its full path (e.g. `servers[].root`): '%s'", REFERENCE, i + 1, row.get(0)).isTrue();
                String name = key.group(1).substring(key.group(1).lastIndexOf('.') + 1);
                assertThat(row.get(defaultColumn)).as("%s:%d: default of %s", REFERENCE, i + 1, key.group(1)).isNotBlank();
                assertThat(row.get(exampleColumn)).as("%s:%d: example of %s", REFERENCE, i + 1, key.group(1))
                        .startsWith("`" + name + ": ");
                keys.add(key.group(1));
            }
        }
        return keys;
    }

    /** The cells of a table row, trimmed ({@code | a | b |} → a, b). */
    private static List<String> cells(String row) {
        String[] parts = row.split("\\|", -1);
        return Stream.of(parts).skip(1).limit(Math.max(0, parts.length - 2)).map(String::strip).toList();
    }

    private static List<String> yamlBlocks(List<String> lines) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : lines) {
            if (block == null && line.equals("```yaml")) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** {@code servers[].routes[].path}, 1 → {@code {servers: [{routes: [{path: 1}]}]}}. */
    private static String yamlAt(String path, String value) {
        if (path.isEmpty()) {
            return value;
        }
        String[] segments = path.split("\\.");
        for (int i = segments.length - 1; i >= 0; i--) {
            boolean item = segments[i].endsWith("[]");
            String key = item ? segments[i].substring(0, segments[i].length() - 2) : segments[i];
            value = "{" + key + ": " + (item ? "[" + value + "]" : value) + "}";
        }
        return value;
    }

    private static List<String> unknownKeyMessages(String yaml) {
        try {
            ConfigLoader.parse(yaml, Path.of("/probe/webserv.yaml"));
            return List.of();
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::message).filter(m -> m.startsWith("unknown key")).toList();
        }
    }

    /** The keys directly under {@code path} ({@code ""}: the top level). */
    private static List<String> children(List<String> paths, String path) {
        String prefix = path.isEmpty() ? "" : path + ".";
        return paths.stream().filter(p -> p.startsWith(prefix)).map(p -> p.substring(prefix.length()))
                .filter(rest -> !rest.contains(".")).toList();
    }

    private static List<String> minus(List<String> a, List<String> b) {
        return a.stream().filter(key -> !b.contains(key)).toList();
    }

    private static List<String> duplicates(List<String> keys) {
        Set<String> seen = new HashSet<>();
        return keys.stream().filter(key -> !seen.add(key)).toList();
    }
}
