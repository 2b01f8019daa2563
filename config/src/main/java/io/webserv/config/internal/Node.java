package io.webserv.config.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML document as a small tree that remembers where each node starts. Jackson's own
 * {@code JsonNode} forgets locations, and every error message needs one.
 */
public sealed interface Node permits Node.Scalar, Node.Sequence, Node.Mapping {

    Location at();

    /** "a list", "a number"...: how an error message names what it found. */
    String describe();

    /** What YAML made of a scalar (YAML 1.1 rules: {@code on}/{@code off}/{@code yes}/{@code no} are booleans). */
    enum Kind { STRING, INT, FLOAT, TRUE, FALSE, NULL, ALIAS }

    /**
     * A scalar with its text exactly as written ({@code 0x10} stays {@code 0x10}); the binder
     * decides what text is valid where.
     */
    record Scalar(String text, Kind kind, Location at) implements Node {

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> text.isEmpty() ? "an empty value" : "a string";
                case INT, FLOAT -> "a number";
                case TRUE, FALSE -> "a boolean";
                case NULL -> "null";
                case ALIAS -> "an alias";
            };
        }
    }

    record Sequence(List<Node> items, Location at) implements Node {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A mapping in file order; a repeated key was reported by the reader and keeps its first value. */
    record Mapping(Map<String, Entry> entries, Location at) implements Node {

        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A key, where it is written, and its value. */
    record Entry(String key, Location keyAt, Node value) {
    }
}
