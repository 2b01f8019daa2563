package io.webserv.http.multipart;

import io.webserv.http.parse.HttpParseException;
import io.webserv.http.parse.ParseError;
import io.webserv.http.syntax.HttpChars;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A header value of the form {@code value *( OWS ";" OWS [ name "=" ( token / quoted-string ) ] )}: a
 * media type with its parameters (RFC 9110 §5.6.6, §8.3.1) or a disposition type with its own
 * (RFC 6266 §4.1). Strict: no whitespace around "=", no parameter given twice (RFC 6266 §4.1 forbids
 * it, and for a boundary it would be ambiguous which one counts).
 *
 * @param value      the leading type, as sent ({@code multipart/form-data}, {@code form-data})
 * @param parameters the parameters by lower-cased name; quoted values unquoted, escapes resolved
 */
record ParameterizedValue(String value, Map<String, String> parameters) {

    /** The value of the parameter {@code name} (lower case), or null. */
    String parameter(String name) {
        return parameters.get(name);
    }

    /** Parses {@code header}; throws {@code error} when it does not follow the grammar. */
    static ParameterizedValue parse(String header, ParseError error) {
        if (header == null) {
            throw new HttpParseException(error, "header missing");
        }
        Cursor in = new Cursor(header, error);
        in.skipOws();
        String value = in.type();
        Map<String, String> parameters = new HashMap<>();
        while (true) {
            in.skipOws();
            if (in.atEnd()) {
                return new ParameterizedValue(value, Map.copyOf(parameters));
            }
            in.expect(';');
            in.skipOws();
            if (in.atEnd() || in.peek() == ';') {
                continue; // an empty parameter: "; ;" and a trailing ";" are in the grammar
            }
            String name = in.token().toLowerCase(Locale.ROOT);
            in.expect('=');
            String parameterValue = in.peek() == '"' ? in.quotedString() : in.token();
            if (parameters.put(name, parameterValue) != null) {
                throw new HttpParseException(error, "parameter given twice");
            }
        }
    }

    /** Whether {@code c} is a tchar; guards the table against chars above 0xFF. */
    static boolean isTokenChar(char c) {
        return c < 0x80 && HttpChars.isToken(c);
    }

    /** A position in the header, failing with one error. */
    private static final class Cursor {
        private final String s;
        private final ParseError error;
        private int i;

        Cursor(String s, ParseError error) {
            this.s = s;
            this.error = error;
        }

        boolean atEnd() {
            return i == s.length();
        }

        /** The next char, or -1 at the end. */
        int peek() {
            return atEnd() ? -1 : s.charAt(i);
        }

        void skipOws() {
            while (!atEnd() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }

        void expect(char c) {
            if (peek() != c) {
                throw fail("expected '" + c + "'");
            }
            i++;
        }

        /** {@code token} or {@code token "/" token}. */
        String type() {
            String type = token();
            if (peek() == '/') {
                i++;
                type = type + '/' + token();
            }
            return type;
        }

        String token() {
            int start = i;
            while (!atEnd() && isTokenChar(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw fail("token expected");
            }
            return s.substring(start, i);
        }

        /** RFC 9110 §5.6.4; non-ASCII chars are obs-text decoded. */
        String quotedString() {
            StringBuilder out = new StringBuilder();
            i++; // the opening quote
            while (!atEnd()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    if (atEnd() || !isQuotable(s.charAt(i))) {
                        throw fail("invalid quoted-pair");
                    }
                    c = s.charAt(i++);
                } else if (!isQuotable(c)) {
                    throw fail("invalid character in quoted-string");
                }
                out.append(c);
            }
            throw fail("unterminated quoted-string");
        }

        /** HTAB, SP, VCHAR, obs-text: what a quoted-string may hold, DQUOTE and backslash escaped. */
        private static boolean isQuotable(char c) {
            return c == '\t' || (c >= 0x20 && c != 0x7F);
        }

        private HttpParseException fail(String detail) {
            return new HttpParseException(error, detail + " at " + i);
        }
    }
}
