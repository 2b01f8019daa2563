package io.webserv.config.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in one file instead of stopping at the first, so that a user fixes
 * them all in one round. Binding goes on after a problem with the default in place of the bad value.
 * (The public {@code ConfigError} is made from these by {@code ConfigLoader}, which keeps this package
 * free of a dependency back on the API package.)
 */
public final class Problems {

    /** One problem and where it is. */
    public record Problem(Location at, String message) {
    }

    private final List<Problem> problems = new ArrayList<>();

    public void at(Location location, String message) {
        problems.add(new Problem(location, message));
    }

    public void at(Node node, String message) {
        at(node.at(), message);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** In the order they were found. */
    public List<Problem> list() {
        return List.copyOf(problems);
    }
}
