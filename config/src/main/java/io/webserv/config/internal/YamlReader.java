package io.webserv.config.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import io.webserv.config.internal.Node.Entry;
import io.webserv.config.internal.Node.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into a {@link Node} tree with Jackson's streaming parser, which reports the line
 * and column of every token. Also the place for what is wrong in the YAML itself rather than in the
 * configuration: syntax errors, repeated keys, aliases, a second document.
 */
public final class YamlReader {

    /** Thread-safe once built; parsers are cheap. */
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final YAMLParser parser;
    private final Problems problems;

    private YamlReader(YAMLParser parser, Problems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    /**
     * The document's root node, or empty for an empty document or one with a syntax error (reported;
     * YAML cannot be read on after one, so the rest of the file is not checked).
     */
    public static Optional<Node> read(String yaml, Problems problems) {
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(yaml)) {
            YamlReader reader = new YamlReader(parser, problems);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            Node root = reader.value(first);
            reader.rejectMoreDocuments();
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            syntaxError(e, problems);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a String", e);
        }
    }

    /** A second document would be silently ignored by a reader of the first; an empty one is harmless. */
    private void rejectMoreDocuments() throws IOException {
        for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
            boolean empty = t == JsonToken.VALUE_NULL || t == JsonToken.VALUE_STRING && parser.getText().isEmpty();
            if (!empty) {
                problems.at(here(), "only one YAML document is allowed in a configuration file");
                return;
            }
        }
    }

    private Node value(JsonToken token) throws IOException {
        Location at = here();
        switch (token) {
            case START_OBJECT:
                return mapping(at);
            case START_ARRAY:
                List<Node> items = new ArrayList<>();
                for (JsonToken t = next(); t != JsonToken.END_ARRAY; t = next()) {
                    items.add(value(t));
                }
                return new Node.Sequence(items, at);
            default:
                return scalar(token, at);
        }
    }

    private Node.Mapping mapping(Location at) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonToken t = next(); t != JsonToken.END_OBJECT; t = next()) {
            String key = parser.currentName();
            Location keyAt = here();
            Node value = value(next());
            Entry first = entries.get(key);
            if (first != null) {
                problems.at(keyAt, "duplicate key '" + key + "' (first at " + first.keyAt() + ")");
            } else {
                entries.put(key, new Entry(key, keyAt, value));
            }
        }
        return new Node.Mapping(entries, at);
    }

    private Node.Scalar scalar(JsonToken token, Location at) throws IOException {
        String text = parser.getText();
        if (parser.isCurrentAlias()) {
            problems.at(at, "YAML aliases are not supported (*" + text + "): write the value out");
            return new Node.Scalar(text, Kind.ALIAS, at);
        }
        Kind kind = switch (token) {
            case VALUE_NUMBER_INT -> Kind.INT;
            case VALUE_NUMBER_FLOAT -> Kind.FLOAT;
            case VALUE_TRUE -> Kind.TRUE;
            case VALUE_FALSE -> Kind.FALSE;
            case VALUE_NULL -> Kind.NULL;
            default -> Kind.STRING;
        };
        return new Node.Scalar(text == null ? "" : text, kind, at);
    }

    private Location here() {
        return location(parser.currentTokenLocation());
    }

    private static Location location(JsonLocation l) {
        return new Location(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    /**
     * Reports a syntax error where YAML found the problem. Jackson's own location is that of the
     * last good token, so the problem mark of the wrapped SnakeYAML error is preferred: that wrapper
     * is deprecated in Jackson 2 but is the only way to the mark without using SnakeYAML directly.
     */
    @SuppressWarnings("deprecation")
    private static void syntaxError(JsonProcessingException e, Problems problems) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            var mark = marked.getProblemMark();
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            problems.at(new Location(mark.getLine() + 1, mark.getColumn() + 1),
                    "YAML syntax error: " + oneLine(marked.getProblem()) + context);
        } else {
            JsonLocation l = e.getLocation();
            String message = String.valueOf(e.getOriginalMessage());
            problems.at(l == null ? Location.START : location(l), "YAML syntax error: "
                    + (message.startsWith("Expected a field name") ? "a key must be a plain value, not a list or map"
                            : oneLine(message)));
        }
    }

    private static String oneLine(String message) {
        return message == null ? "unreadable YAML" : message.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /** The next token inside a collection; the parser reports a truncated document before this. */
    private JsonToken next() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new IllegalStateException("YAML parser ended inside a collection");
        }
        return token;
    }
}
