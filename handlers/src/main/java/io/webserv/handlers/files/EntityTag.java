package io.webserv.handlers.files;

import java.util.ArrayList;
import java.util.List;

/**
 * An entity tag (RFC 9110 §8.8.3): an opaque quoted string, optionally marked weak with {@code W/}.
 *
 * @param weak   whether it is a weak validator
 * @param opaque the characters between the quotes
 */
public record EntityTag(boolean weak, String opaque) {

    /**
     * Checks the characters.
     *
     * @param weak   whether it is a weak validator
     * @param opaque the characters between the quotes: {@code %x21 / %x23-7E / obs-text}
     * @throws IllegalArgumentException when {@code opaque} holds a quote, a space or a control character
     */
    public EntityTag {
        for (int i = 0; i < opaque.length(); i++) {
            if (!isEtagChar(opaque.charAt(i))) {
                throw new IllegalArgumentException("not an entity tag character in " + opaque);
            }
        }
    }

    /**
     * The strong tag of a file, in nginx's form {@code "<mtime-hex>-<size-hex>"}. The modification
     * time is taken in milliseconds rather than nginx's seconds: a strong validator must change
     * whenever the bytes do, and a file rewritten twice within a second with the same size would
     * otherwise keep its tag, so that a resumed download (If-Range) could splice two versions.
     *
     * @param size               the file's size in bytes
     * @param lastModifiedMillis its modification time in milliseconds since the epoch
     * @return the strong tag
     */
    public static EntityTag ofFile(long size, long lastModifiedMillis) {
        return new EntityTag(false, Long.toHexString(lastModifiedMillis) + "-" + Long.toHexString(size));
    }

    /**
     * Parses one entity tag, as in {@code If-Range}.
     *
     * @param value the field value; surrounding whitespace is allowed
     * @return the tag, or null when {@code value} is not exactly one entity tag
     */
    public static EntityTag parse(String value) {
        List<EntityTag> tags = parseList(value);
        return tags != null && tags.size() == 1 ? tags.get(0) : null;
    }

    /**
     * A comma-separated list of entity tags as in {@code If-None-Match} (RFC 9110 §5.6.1: optional
     * whitespace around commas, empty elements ignored). A comma inside the quotes belongs to the tag.
     *
     * @param value the field value
     * @return the tags in order, or null when the value is not such a list (the caller ignores the field)
     */
    public static List<EntityTag> parseList(String value) {
        List<EntityTag> tags = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (true) {
            i = skipWhitespace(value, i);
            if (i == n) {
                return tags.isEmpty() ? null : tags;
            }
            if (value.charAt(i) == ',') {
                i++;
                continue;
            }
            boolean weak = value.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= n || value.charAt(open) != '"') {
                return null;
            }
            int close = value.indexOf('"', open + 1);
            if (close < 0) {
                return null;
            }
            String opaque = value.substring(open + 1, close);
            if (!opaque.chars().allMatch(c -> isEtagChar((char) c))) {
                return null;
            }
            tags.add(new EntityTag(weak, opaque));
            i = skipWhitespace(value, close + 1);
            if (i < n && value.charAt(i) != ',') {
                return null;
            }
        }
    }

    /**
     * Compares weakly (RFC 9110 §8.8.3.2), as {@code If-None-Match} does.
     *
     * @param other the tag to compare with
     * @return whether the opaque parts are equal, weakness ignored
     */
    public boolean weaklyMatches(EntityTag other) {
        return opaque.equals(other.opaque);
    }

    /**
     * Compares strongly (RFC 9110 §8.8.3.2), as {@code If-Match} and {@code If-Range} do.
     *
     * @param other the tag to compare with
     * @return whether neither is weak and the opaque parts are equal
     */
    public boolean stronglyMatches(EntityTag other) {
        return !weak && !other.weak && opaque.equals(other.opaque);
    }

    /** The field-value form: {@code "opaque"} or {@code W/"opaque"}. */
    @Override
    public String toString() {
        return (weak ? "W/\"" : "\"") + opaque + "\"";
    }

    /** etagc = %x21 / %x23-7E / obs-text. */
    private static boolean isEtagChar(char c) {
        return c == 0x21 || c >= 0x23 && c <= 0x7E || c >= 0x80 && c <= 0xFF;
    }

    private static int skipWhitespace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
