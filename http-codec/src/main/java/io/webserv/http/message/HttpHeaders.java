package io.webserv.http.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * An ordered, case-insensitive, multi-valued list of header fields.
 *
 * <p>Stored as one flat array of name/value pairs: requests carry a dozen fields or so, where a linear
 * scan with {@link String#equalsIgnoreCase} beats hashing and allocates nothing. Names keep the spelling
 * they were given. Instances are mutable until {@link #freeze()}; the parser hands out frozen ones.
 * Values are not validated here: the serializer refuses to write a name or value that would break
 * the framing.
 */
public final class HttpHeaders {

    private String[] fields;
    private int size;
    private boolean frozen;

    public HttpHeaders() {
        this(16);
    }

    public HttpHeaders(int expectedFields) {
        fields = new String[Math.max(2, expectedFields * 2)];
    }

    /** A copy of {@code other}, mutable. */
    public static HttpHeaders copyOf(HttpHeaders other) {
        HttpHeaders copy = new HttpHeaders(Math.max(1, other.size));
        System.arraycopy(other.fields, 0, copy.fields, 0, other.size * 2);
        copy.size = other.size;
        return copy;
    }

    /** Appends a field, keeping any with the same name. */
    public HttpHeaders add(String name, String value) {
        checkMutable();
        if (size * 2 == fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        fields[size * 2] = name;
        fields[size * 2 + 1] = value;
        size++;
        return this;
    }

    /** Replaces every field named {@code name} by one with {@code value}. */
    public HttpHeaders set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    /** Removes every field named {@code name}; returns whether there was one. */
    public boolean remove(String name) {
        checkMutable();
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!fields[i * 2].equalsIgnoreCase(name)) {
                fields[kept * 2] = fields[i * 2];
                fields[kept * 2 + 1] = fields[i * 2 + 1];
                kept++;
            }
        }
        boolean removed = kept != size;
        Arrays.fill(fields, kept * 2, size * 2, null);
        size = kept;
        return removed;
    }

    /** The first value of {@code name}, or null. */
    public String get(String name) {
        int i = indexOf(name, 0);
        return i < 0 ? null : fields[i * 2 + 1];
    }

    /** Every value of {@code name} in order; empty when there is none. */
    public List<String> getAll(String name) {
        int i = indexOf(name, 0);
        if (i < 0) {
            return List.of();
        }
        List<String> values = new ArrayList<>(2);
        for (; i >= 0; i = indexOf(name, i + 1)) {
            values.add(fields[i * 2 + 1]);
        }
        return Collections.unmodifiableList(values);
    }

    public boolean contains(String name) {
        return indexOf(name, 0) >= 0;
    }

    /** How many fields are named {@code name}. */
    public int count(String name) {
        int n = 0;
        for (int i = indexOf(name, 0); i >= 0; i = indexOf(name, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * Whether any field named {@code name} lists {@code token} among its comma-separated elements,
     * compared case-insensitively (as {@code Connection: keep-alive, Upgrade}).
     */
    public boolean containsToken(String name, String token) {
        for (int i = indexOf(name, 0); i >= 0; i = indexOf(name, i + 1)) {
            if (listContains(fields[i * 2 + 1], token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean listContains(String list, String token) {
        int start = 0;
        int length = list.length();
        while (start <= length) {
            int comma = list.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            int from = start;
            int to = end;
            while (from < to && isWhitespace(list.charAt(from))) {
                from++;
            }
            while (to > from && isWhitespace(list.charAt(to - 1))) {
                to--;
            }
            if (to - from == token.length() && list.regionMatches(true, from, token, 0, token.length())) {
                return true;
            }
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return false;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** The number of fields. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The name of the {@code index}-th field. */
    public String name(int index) {
        return fields[checkIndex(index) * 2];
    }

    /** The value of the {@code index}-th field. */
    public String value(int index) {
        return fields[checkIndex(index) * 2 + 1];
    }

    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(fields[i * 2], fields[i * 2 + 1]);
        }
    }

    /** Makes this instance read-only from now on; returns it. */
    public HttpHeaders freeze() {
        frozen = true;
        return this;
    }

    public boolean isFrozen() {
        return frozen;
    }

    private int indexOf(String name, int from) {
        for (int i = from; i < size; i++) {
            String candidate = fields[i * 2];
            // Identity first: parsed names are interned constants of HeaderNames.
            if (candidate == name || candidate.equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return index;
    }

    private void checkMutable() {
        if (frozen) {
            throw new UnsupportedOperationException("headers are read-only");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HttpHeaders other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!fields[i * 2].equalsIgnoreCase(other.fields[i * 2]) || !fields[i * 2 + 1].equals(other.fields[i * 2 + 1])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * h + fields[i * 2].toLowerCase(java.util.Locale.ROOT).hashCode();
            h = 31 * h + fields[i * 2 + 1].hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? "" : ", ").append(fields[i * 2]).append(": ").append(fields[i * 2 + 1]);
        }
        return sb.append('}').toString();
    }
}
