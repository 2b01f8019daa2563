package io.webserv.server.http;

/**
 * One JSON object per line, every key always present (null when unknown), in this order:
 * {@code time, client, method, target, protocol, status, bytes, duration_ms, user_agent, referer, server}.
 *
 * <p>Text from the client arrives as bytes (the codec reads them as ISO-8859-1, one char per byte).
 * Valid UTF-8 sequences among them are decoded; each byte that is not part of one becomes U+FFFD, as
 * Go's encoding/json and Caddy do. Everything outside printable ASCII is written as a {@code \}{@code uXXXX}
 * escape, so a line is plain ASCII whatever the log file's charset, and cannot carry a terminal
 * control sequence or a line break.
 */
final class JsonLine implements AccessLineFormat {

    private static final UtcSecondText SECONDS = new UtcSecondText("uuuu-MM-dd'T'HH:mm:ss");
    private static final LogText.Escaper ESCAPE = new LogText.Escaper() {
        @Override
        public boolean isPlain(char c) {
            return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
        }

        @Override
        public int appendEscaped(StringBuilder out, String s, int i) {
            return JsonLine.appendEscaped(out, s, i);
        }
    };
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char REPLACEMENT = '\uFFFD';

    @Override
    public String format(AccessEntry e) {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"time\":\"").append(SECONDS.format(e.epochMillis())).append('.');
        appendDigits(line, Math.floorMod(e.epochMillis(), 1000));
        line.append('Z').append('"');
        stringField(line, "client", e.clientAddress());
        stringField(line, "method", e.method());
        stringField(line, "target", e.target());
        stringField(line, "protocol", e.protocol());
        line.append(",\"status\":").append(e.status());
        line.append(",\"bytes\":").append(e.bodyBytes());
        long micros = Math.max(0, e.durationNanos()) / 1000;
        line.append(",\"duration_ms\":").append(micros / 1000).append('.');
        appendDigits(line, (int) (micros % 1000));
        stringField(line, "user_agent", e.userAgent());
        stringField(line, "referer", e.referer());
        stringField(line, "server", e.serverName());
        return line.append('}').toString();
    }

    private static void stringField(StringBuilder line, String key, String value) {
        line.append(",\"").append(key).append("\":");
        appendString(line, value);
    }

    /** {@code s} as a JSON string, escaped and cut; {@code null} when null. */
    static void appendString(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        LogText.appendCapped(out, s, ESCAPE);
        out.append('"');
    }

    /** Three digits, zero-padded: 7 → {@code 007}. */
    private static void appendDigits(StringBuilder out, int n) {
        out.append((char) ('0' + n / 100)).append((char) ('0' + n / 10 % 10)).append((char) ('0' + n % 10));
    }

    /** Escapes the char at {@code i}: a quote, a backslash, a control, or what is not ASCII. */
    private static int appendEscaped(StringBuilder out, String s, int i) {
        char c = s.charAt(i);
        switch (c) {
            case '"', '\\' -> out.append('\\').append(c);
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (c < 0x80 || c > 0xFF) {
                    appendUnicodeEscape(out, c); // a control, or a char that never came from the wire as a byte
                } else {
                    return appendUtf8Sequence(out, s, i);
                }
            }
        }
        return i + 1;
    }

    /** The UTF-8 sequence starting at {@code i} (a byte 0x80–0xFF) as its character, or U+FFFD for one bad byte. */
    private static int appendUtf8Sequence(StringBuilder out, String s, int i) {
        int lead = s.charAt(i);
        int length;
        int codePoint;
        int min;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            codePoint = lead & 0x1F;
            min = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            codePoint = lead & 0x0F;
            min = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            codePoint = lead & 0x07;
            min = 0x10000;
        } else {
            appendUnicodeEscape(out, REPLACEMENT); // a continuation byte alone, or a lead no sequence has
            return i + 1;
        }
        if (i + length > s.length()) {
            appendUnicodeEscape(out, REPLACEMENT);
            return i + 1;
        }
        for (int k = 1; k < length; k++) {
            char next = s.charAt(i + k);
            if (next < 0x80 || next > 0xBF) {
                appendUnicodeEscape(out, REPLACEMENT);
                return i + 1;
            }
            codePoint = codePoint << 6 | next & 0x3F;
        }
        if (codePoint < min || codePoint > Character.MAX_CODE_POINT
                || codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            appendUnicodeEscape(out, REPLACEMENT); // overlong, beyond Unicode, or an encoded surrogate
            return i + 1;
        }
        if (Character.isBmpCodePoint(codePoint)) {
            appendUnicodeEscape(out, (char) codePoint);
        } else {
            appendUnicodeEscape(out, Character.highSurrogate(codePoint));
            appendUnicodeEscape(out, Character.lowSurrogate(codePoint));
        }
        return i + length;
    }

    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
    }
}
