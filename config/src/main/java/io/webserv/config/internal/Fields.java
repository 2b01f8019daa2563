package io.webserv.config.internal;

import io.webserv.config.internal.Node.Entry;
import java.util.List;
import java.util.Optional;

/**
 * One YAML mapping read against the keys its schema allows: every other key is reported at once as
 * unknown (SPEC §2: unknown keys are errors, not silently ignored), with the list of keys that would
 * have been right.
 */
final class Fields {

    private final Node.Mapping mapping;

    private Fields(Node.Mapping mapping) {
        this.mapping = mapping;
    }

    static Fields of(Node.Mapping mapping, Problems problems, List<String> allowed) {
        for (Entry entry : mapping.entries().values()) {
            if (!allowed.contains(entry.key())) {
                problems.at(entry.keyAt(), "unknown key '" + Text.quote(entry.key()) + "' (expected one of: "
                        + String.join(", ", allowed) + ")");
            }
        }
        return new Fields(mapping);
    }

    Optional<Node> get(String key) {
        return entry(key).map(Entry::value);
    }

    Optional<Entry> entry(String key) {
        return Optional.ofNullable(mapping.entries().get(key));
    }

    boolean has(String key) {
        return mapping.entries().containsKey(key);
    }

    /** Where the mapping starts: where a missing key is reported. */
    Location at() {
        return mapping.at();
    }
}
