package io.webserv.config.model;

import java.util.Collections;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A handler module mounted on a route ({@code handler: status}), with the route's
 * {@code handler_options}. The configuration only records the mount: which modules exist is known
 * where the handlers are, so the server checks the name and the option names at start-up, and reports
 * a mistake at {@code line:column} like any other configuration error.
 *
 * @param module    the module's name
 * @param options   each option's values in the order written (a single value is a one-item list)
 * @param line      where {@code handler} is written, 1-based
 * @param column    where {@code handler} is written, 1-based
 * @param optionsAt where each option's name is written, for messages about it
 */
public record HandlerMount(String module, Map<String, List<String>> options, int line, int column,
                           Map<String, Position> optionsAt) {

    /**
     * A place in the configuration file.
     *
     * @param line   1-based
     * @param column 1-based
     */
    public record Position(int line, int column) {
    }

    /**
     * Copies the options and their positions, so that the record is immutable.
     *
     * @param module    the module's name, not null
     * @param options   each option's values; copied, order kept
     * @param line      where {@code handler} is written
     * @param column    where {@code handler} is written
     * @param optionsAt where each option's name is written; copied
     */
    public HandlerMount {
        Objects.requireNonNull(module, "module");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        options.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        options = Collections.unmodifiableMap(copy);
        optionsAt = Map.copyOf(optionsAt);
    }

    /**
     * A mount without positions for its options, as built in code rather than read from a file.
     *
     * @param module  the module's name
     * @param options each option's values
     * @param line    where {@code handler} is written
     * @param column  where {@code handler} is written
     */
    public HandlerMount(String module, Map<String, List<String>> options, int line, int column) {
        this(module, options, line, column, Map.of());
    }

    /**
     * Where an option's name is written, for a message about it.
     *
     * @param name the option's name
     * @return its position, or that of {@code handler} when it is not known
     */
    public Position positionOf(String name) {
        return optionsAt.getOrDefault(name, new Position(line, column));
    }

    /**
     * Reads an option that takes one value.
     *
     * @param name the option's name as written under {@code handler_options}
     * @return its value (the first, if it lists several), or empty when it is not set
     */
    public Optional<String> option(String name) {
        List<String> values = options.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Reads an option that takes a list.
     *
     * @param name the option's name as written under {@code handler_options}
     * @return its values in the order written, or an empty list when it is not set
     */
    public List<String> optionValues(String name) {
        return options.getOrDefault(name, List.of());
    }
}
