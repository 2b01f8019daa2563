package io.webserv.handlers.files;

import java.util.Locale;

/**
 * Interprets a {@code Range} field (RFC 9110 §14.2) against a representation of known length.
 *
 * <p>What we serve: one {@code bytes} range in any of its three forms ({@code a-b}, {@code a-},
 * {@code -n}). A request for several ranges is answered with the whole representation (the RFC lets
 * a server ignore Range; multipart/byteranges buys little and is a classic amplification vector).
 * A field we cannot parse, or in another unit, is ignored as the RFC requires. Numbers too large
 * for a {@code long} saturate: they are syntactically valid and mean "beyond the end".
 */
public final class RangeHeader {

    /** The outcome: send everything, send one range (206), or refuse (416). */
    public sealed interface Result permits Whole, Partial, Unsatisfiable {
    }

    /** No usable Range: a 200 with the whole representation. */
    public record Whole() implements Result {
    }

    /** A 206 with this range. */
    public record Partial(ByteRange range) implements Result {
    }

    /** A valid range that starts at or beyond the end: 416 with {@code Content-Range: bytes *}{@code /length}. */
    public record Unsatisfiable() implements Result {
    }

    private static final Result WHOLE = new Whole();
    private static final Result UNSATISFIABLE = new Unsatisfiable();

    private RangeHeader() {
    }

    /**
     * @param value  the Range field value, or null when absent
     * @param length the representation's length in bytes
     * @return {@link Whole} without a usable single {@code bytes} range, {@link Partial} with the range
     *     clipped to the representation, or {@link Unsatisfiable} when it starts at or past the end
     */
    public static Result evaluate(String value, long length) {
        if (value == null) {
            return WHOLE;
        }
        int equals = value.indexOf('=');
        if (equals < 0 || !value.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return WHOLE;
        }
        String single = null;
        for (String element : value.substring(equals + 1).split(",", -1)) {
            String spec = element.strip();
            if (spec.isEmpty()) {
                continue; // empty list elements are allowed (RFC 9110 §5.6.1.2)
            }
            if (single != null) {
                return WHOLE; // several ranges: served as a 200, see the class comment
            }
            single = spec;
        }
        return single == null ? WHOLE : evaluateSpec(single, length);
    }

    private static Result evaluateSpec(String spec, long length) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return WHOLE;
        }
        String firstText = spec.substring(0, dash);
        String lastText = spec.substring(dash + 1);
        if (firstText.isEmpty()) {
            long suffix = parseDigits(lastText);
            if (suffix < 0) {
                return WHOLE;
            }
            if (suffix == 0) {
                return UNSATISFIABLE;
            }
            // A suffix of an empty representation is the empty representation: nothing to range over.
            return length == 0 ? WHOLE : new Partial(new ByteRange(Math.max(0, length - suffix), length - 1));
        }
        long first = parseDigits(firstText);
        long last = lastText.isEmpty() ? Long.MAX_VALUE : parseDigits(lastText);
        if (first < 0 || last < 0 || last < first) {
            return WHOLE; // malformed, or last-pos before first-pos: an invalid range-spec
        }
        if (first >= length) {
            return UNSATISFIABLE;
        }
        return new Partial(new ByteRange(first, Math.min(last, length - 1)));
    }

    /** 1*DIGIT as a non-negative number, saturating at {@link Long#MAX_VALUE}; -1 when not digits. */
    private static long parseDigits(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            int digit = c - '0';
            value = value > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : value * 10 + digit;
        }
        return value;
    }
}
