package io.webserv.http.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parameters of a query string or a form body, decoded as {@code application/x-www-form-urlencoded}
 * ({@code +} is a space, {@code %XX} a byte, bytes are UTF-8). Lenient by design: a malformed escape is
 * kept as literal text, because a query is the application's data, not the protocol's.
 */
public final class QueryParameters {

    private static final QueryParameters EMPTY = new QueryParameters(List.of());

    private final List<String[]> pairs;

    private QueryParameters(List<String[]> pairs) {
        this.pairs = pairs;
    }

    /**
     * Parses a query string. Pairs are separated by {@code &}; a pair without {@code =} has the
     * empty value; empty pairs are skipped.
     *
     * @param query the query without its {@code '?'}; may be null
     * @return the decoded parameters, none for a null or empty query
     */
    public static QueryParameters parse(String query) {
        if (query == null || query.isEmpty()) {
            return EMPTY;
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {decode(name), decode(value)});
        }
        return new QueryParameters(List.copyOf(pairs));
    }

    /**
     * Decodes one name or value: {@code +} becomes a space, {@code %XX} a byte, and the bytes are
     * read as UTF-8. A malformed escape is kept as it is.
     *
     * @param s a name or value as it appears in the query
     * @return the decoded text
     */
    public static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (c == '%' && lo >= 0) {
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Returns the first value of a parameter.
     *
     * @param name the decoded parameter name, compared case-sensitively
     * @return its first value (empty for {@code ?flag}), or null when it is absent
     */
    public String first(String name) {
        for (String[] pair : pairs) {
            if (pair[0].equals(name)) {
                return pair[1];
            }
        }
        return null;
    }

    /**
     * Returns every value of a parameter, as for {@code ?tag=a&tag=b}.
     *
     * @param name the decoded parameter name, compared case-sensitively
     * @return its values in order; empty when it is absent
     */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (String[] pair : pairs) {
            if (pair[0].equals(name)) {
                values.add(pair[1]);
            }
        }
        return values;
    }

    /** {@return the distinct parameter names, in order of first appearance} */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (String[] pair : pairs) {
            if (!names.contains(pair[0])) {
                names.add(pair[0]);
            }
        }
        return names;
    }

    /** {@return the number of name/value pairs, repeated names counted each time} */
    public int size() {
        return pairs.size();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof QueryParameters other) || other.pairs.size() != pairs.size()) {
            return false;
        }
        for (int i = 0; i < pairs.size(); i++) {
            if (!java.util.Arrays.equals(pairs.get(i), other.pairs.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (String[] pair : pairs) {
            h = 31 * h + Objects.hash((Object[]) pair);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (String[] pair : pairs) {
            sb.append(sb.length() > 1 ? ", " : "").append(pair[0]).append('=').append(pair[1]);
        }
        return sb.append('}').toString();
    }
}
