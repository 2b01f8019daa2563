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

    /** Creates an empty, mutable list with room for 16 fields before it grows. */
    public HttpHeaders() {
        this(16);
    }

    /**
     * Creates an empty, mutable list sized for the fields it is expected to hold.
     *
     * @param expectedFields how many fields to make room for (the list grows beyond it)
     */
    public HttpHeaders(int expectedFields) {
        fields = new String[Math.max(2, expectedFields * 2)];
    }

    /**
     * Copies a list, frozen or not.
     *
     * @param other the fields to copy
     * @return a new mutable list with the same fields in the same order
     */
    public static HttpHeaders copyOf(HttpHeaders other) {
        HttpHeaders copy = new HttpHeaders(Math.max(1, other.size));
        System.arraycopy(other.fields, 0, copy.fields, 0, other.size * 2);
        copy.size = other.size;
        return copy;
    }

    /**
     * Appends a field, keeping any with the same name.
     *
     * @param name the field name, kept as spelled
     * @param value the field value
     * @return this list, to chain calls
     * @throws UnsupportedOperationException when the list is frozen
     */
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

    /**
     * Replaces every field named {@code name} by one field with {@code value}, appended last.
     *
     * @param name the field name, compared case-insensitively
     * @param value the one value it will have
     * @return this list, to chain calls
     * @throws UnsupportedOperationException when the list is frozen
     */
    public HttpHeaders set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    /**
     * Removes every field named {@code name}.
     *
     * @param name the field name, compared case-insensitively
     * @return whether at least one field was removed
     * @throws UnsupportedOperationException when the list is frozen
     */
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

    /**
     * Returns the first value of a field.
     *
     * @param name the field name, compared case-insensitively
     * @return the value of the first field with that name, or null when there is none
     */
    public String get(String name) {
        int i = indexOf(name, 0);
        return i < 0 ? null : fields[i * 2 + 1];
    }

    /**
     * Returns every value of a field, one per field line (a comma-separated value is not split).
     *
     * @param name the field name, compared case-insensitively
     * @return the values in the order received, unmodifiable; empty when there is none
     */
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

    /**
     * Tells whether a field is present.
     *
     * @param name the field name, compared case-insensitively
     * @return whether at least one field has that name
     */
    public boolean contains(String name) {
        return indexOf(name, 0) >= 0;
    }

    /**
     * Counts the field lines with a name, as the parser does to refuse a repeated Host or
     * Content-Length.
     *
     * @param name the field name, compared case-insensitively
     * @return how many fields have that name
     */
    public int count(String name) {
        int n = 0;
        for (int i = indexOf(name, 0); i >= 0; i = indexOf(name, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * Tells whether any field named {@code name} lists {@code token} among its comma-separated
     * elements, compared case-insensitively, as in {@code Connection: keep-alive, Upgrade}.
     *
     * @param name the field name, compared case-insensitively
     * @param token the list element to look for, without surrounding whitespace
     * @return whether one of the fields' elements equals {@code token} ignoring case
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

    /** {@return the number of fields (field lines, not distinct names)} */
    public int size() {
        return size;
    }

    /** {@return whether there is no field at all} */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Returns a field's name, to walk the fields in order with {@link #size()}.
     *
     * @param index the field's position, from 0
     * @return its name as spelled when added or received
     * @throws IndexOutOfBoundsException when {@code index} is not below {@link #size()}
     */
    public String name(int index) {
        return fields[checkIndex(index) * 2];
    }

    /**
     * Returns a field's value, to walk the fields in order with {@link #size()}.
     *
     * @param index the field's position, from 0
     * @return its value
     * @throws IndexOutOfBoundsException when {@code index} is not below {@link #size()}
     */
    public String value(int index) {
        return fields[checkIndex(index) * 2 + 1];
    }

    /**
     * Calls {@code action} with each field's name and value, in order.
     *
     * @param action called once per field
     */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(fields[i * 2], fields[i * 2 + 1]);
        }
    }

    /**
     * Makes this list read-only from now on: every later change throws.
     *
     * @return this list
     */
    public HttpHeaders freeze() {
        frozen = true;
        return this;
    }

    /** {@return whether {@link #freeze()} was called} */
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
