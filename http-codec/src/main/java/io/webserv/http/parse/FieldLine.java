package io.webserv.http.parse;

import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.syntax.HttpChars;

import java.nio.charset.StandardCharsets;

/**
 * {@code field-name ":" OWS field-value OWS} (RFC 9112 §5), parsed from one line's bytes into a
 * {@link HttpHeaders}. Used for header and trailer sections alike.
 */
final class FieldLine {

    private FieldLine() {
    }

    /**
     * @param clean the line is known to hold only field-value characters (the line reader checked)
     * @param cache  where values seen before are reused, or null
     * @return the field's name: one of {@link HeaderNames}' constants when it is a common one
     */
    static String parseInto(byte[] buf, int start, int end, boolean clean, HeaderValueCache cache, HttpHeaders into) {
        if (buf[start] == ' ' || buf[start] == '\t') {
            // A continuation line (obs-fold), or whitespace between the start-line and the first field.
            throw new HttpParseException(ParseError.OBS_FOLD);
        }
        int colon = start;
        while (colon < end && buf[colon] != ':') {
            colon++;
        }
        // A common name needs no byte-by-byte token check: matching one of HeaderNames' constants
        // proves it (JMH typical500Reused: ~5 % of a head's parse).
        String name = colon == start || colon == end ? null : HeaderNames.known(buf, start, colon - start);
        if (name == null) {
            for (int i = start; i < colon; i++) {
                if (!HttpChars.isToken(buf[i])) {
                    throw new HttpParseException(nameError(buf, i, end));
                }
            }
            if (colon == end) {
                throw new HttpParseException(ParseError.HEADER_COLON_MISSING);
            }
            if (colon == start) {
                throw new HttpParseException(ParseError.HEADER_NAME_INVALID);
            }
            name = new String(buf, start, colon - start, StandardCharsets.US_ASCII);
        }
        int valueStart = colon + 1;
        int valueEnd = end;
        while (valueStart < valueEnd && isOws(buf[valueStart])) {
            valueStart++;
        }
        while (valueEnd > valueStart && isOws(buf[valueEnd - 1])) {
            valueEnd--;
        }
        if (!clean) {
            for (int i = valueStart; i < valueEnd; i++) {
                if (!HttpChars.isFieldValue(buf[i])) {
                    throw new HttpParseException(ParseError.HEADER_VALUE_INVALID);
                }
            }
        }
        into.add(name, cache != null ? cache.value(name, buf, valueStart, valueEnd)
                : new String(buf, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1));
        return name;
    }

    /** Why the name stops at a non-token byte: the most precise of the three name errors. */
    private static ParseError nameError(byte[] buf, int at, int end) {
        int i = at;
        while (i < end && isOws(buf[i])) {
            i++;
        }
        if (i > at && i < end && buf[i] == ':') {
            return ParseError.WHITESPACE_BEFORE_COLON; // "Host : a" (RFC 9112 §5.1: MUST reject)
        }
        for (int j = at; j < end; j++) {
            if (buf[j] == ':') {
                return ParseError.HEADER_NAME_INVALID;
            }
        }
        return ParseError.HEADER_COLON_MISSING;
    }

    private static boolean isOws(byte b) {
        return b == ' ' || b == '\t';
    }
}
