package io.webserv.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration that cannot be used, with every problem found in it, in file order. The message is
 * one {@code file:line:column: message} line per problem, ready to print.
 */
public final class ConfigException extends Exception {

    private final transient List<ConfigError> errors;

    /** @param errors at least one; kept sorted by line and column (stable: same place, same order) */
    public ConfigException(List<ConfigError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = errors.stream().sorted(ConfigError.BY_POSITION).toList();
    }

    /** {@return every problem found, never empty, sorted by line and column} */
    public List<ConfigError> errors() {
        return errors;
    }

    /** Every error on its own line. */
    @Override
    public String getMessage() {
        return errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n"));
    }
}
