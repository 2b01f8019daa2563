package io.webserv.config.internal;

import io.webserv.config.internal.Node.Kind;
import io.webserv.config.internal.Node.Scalar;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * Typed reading of one node: each method returns the value, or reports why it cannot and returns
 * empty so that the caller keeps its default and binding goes on. Every message names the key.
 */
final class Values {

    private final Problems problems;

    Values(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    Optional<Node.Mapping> map(Node node, String key) {
        if (node instanceof Node.Mapping mapping) {
            return Optional.of(mapping);
        }
        return wrongType(node, "'" + key + "'", "a map");
    }

    /** An item of the list {@code listKey} that must be a map (a server, a route). */
    Optional<Node.Mapping> itemMap(Node node, String listKey) {
        if (node instanceof Node.Mapping mapping) {
            return Optional.of(mapping);
        }
        return wrongType(node, "each entry of '" + listKey + "'", "a map");
    }

    /**
     * The items of a list; with {@code scalarAllowed}, a single scalar stands for a one-item list
     * ({@code listen: 8080}).
     */
    Optional<List<Node>> list(Node node, String key, boolean scalarAllowed) {
        if (node instanceof Node.Sequence sequence) {
            return Optional.of(sequence.items());
        }
        if (scalarAllowed && node instanceof Scalar scalar && scalar.kind() != Kind.NULL && !scalar.text().isEmpty()) {
            return Optional.of(List.of(node));
        }
        return wrongType(node, "'" + key + "'", scalarAllowed ? "a list or a single value" : "a list");
    }

    /** The text of a non-empty scalar: strings, and numbers or booleans read as the text written. */
    Optional<String> string(Node node, String key) {
        if (!(node instanceof Scalar scalar)) {
            return wrongType(node, "'" + key + "'", "a string");
        }
        if (scalar.kind() == Kind.ALIAS) {
            return Optional.empty();
        }
        if (scalar.kind() == Kind.NULL || scalar.text().isEmpty()) {
            problems.at(node, "'" + key + "' needs a value");
            return Optional.empty();
        }
        return Optional.of(scalar.text());
    }

    Optional<Boolean> bool(Node node, String key) {
        if (node instanceof Scalar scalar && (scalar.kind() == Kind.TRUE || scalar.kind() == Kind.FALSE)) {
            return Optional.of(scalar.kind() == Kind.TRUE);
        }
        return wrongType(node, "'" + key + "'", "true or false");
    }

    /**
     * A plain decimal integer that {@code valid} accepts; otherwise
     * {@code 'key' must be <expected> (got 'text')}.
     */
    Optional<Integer> integer(Node node, String key, IntPredicate valid, String expected) {
        return string(node, key).flatMap(text -> {
            try {
                long value = Numbers.parseDigits(text);
                if (value <= Integer.MAX_VALUE && valid.test((int) value)) {
                    return Optional.of((int) value);
                }
            } catch (IllegalArgumentException e) {
                // reported below, with what is expected
            }
            problems.at(node, "'" + key + "' must be " + expected + " (got '" + Text.quote(text) + "')");
            return Optional.empty();
        });
    }

    /** A size ({@link Sizes}) in {@code [min, max]} bytes. */
    Optional<Long> size(Node node, String key, long min, long max) {
        return parsed(node, key, "size", Sizes.SYNTAX, Sizes::parse).filter(bytes -> check(node,
                bytes >= min && bytes <= max, "'" + key + "' must be from " + min + " to " + max + " bytes"));
    }

    /** A duration ({@link Durations}), positive unless {@code zeroAllowed}. */
    Optional<Duration> duration(Node node, String key, boolean zeroAllowed) {
        return parsed(node, key, "duration", Durations.SYNTAX, Durations::parse).filter(duration -> check(node,
                zeroAllowed || !duration.isZero(), "'" + key + "' must be longer than 0"));
    }

    /**
     * The text of a scalar read by {@code parser}, whose {@link IllegalArgumentException} becomes
     * {@code invalid <what> for 'key': 'text' (expected <syntax>)} or {@code (too large)}.
     */
    <T> Optional<T> parsed(Node node, String key, String what, String syntax, Function<String, T> parser) {
        return string(node, key).flatMap(text -> {
            try {
                return Optional.of(parser.apply(text));
            } catch (IllegalArgumentException e) {
                String reason = e.getMessage();
                String why = reason.startsWith("not a") ? "expected " + syntax
                        : reason.equals("too large") ? reason : reason + "; expected " + syntax;
                problems.at(node, "invalid " + what + " for '" + key + "': '" + Text.quote(text) + "' (" + why + ")");
                return Optional.empty();
            }
        });
    }

    /** Reports {@code message} at {@code node} unless {@code ok}; returns {@code ok}. */
    boolean check(Node node, boolean ok, String message) {
        if (!ok) {
            problems.at(node, message);
        }
        return ok;
    }

    /** A path, absolute as written or resolved against {@code baseDir}, normalised. */
    Optional<Path> path(Node node, String key, Path baseDir) {
        return string(node, key).flatMap(text -> {
            try {
                return Optional.of(baseDir.resolve(text).normalize());
            } catch (InvalidPathException e) {
                problems.at(node, "invalid path for '" + key + "': '" + Text.quote(text) + "' (" + e.getReason() + ")");
                return Optional.empty();
            }
        });
    }

    /** {@code subject must be expected (got a list)}; nothing for an alias, already reported. */
    private <T> Optional<T> wrongType(Node node, String subject, String expected) {
        if (!(node instanceof Scalar scalar && scalar.kind() == Kind.ALIAS)) {
            problems.at(node, subject + " must be " + expected + " (got " + node.describe() + ")");
        }
        return Optional.empty();
    }
}
