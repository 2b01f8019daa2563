package io.webserv.server.http;

/**
 * Apache's and nginx's combined log format:
 * {@code client - - [time] "request line" status bytes "referer" "user agent"}, each unknown field
 * {@code -}. Quotes, backslashes and control bytes from the client are escaped ({@code \"},
 * {@code \\}, {@code \xHH}) so that they cannot forge a line.
 */
final class CombinedLine implements AccessLineFormat {

    private static final UtcSecondText TIME = new UtcSecondText("dd/MMM/yyyy:HH:mm:ss Z");
    private static final LogText.Escaper ESCAPE = new LogText.Escaper() {
        @Override
        public boolean isPlain(char c) {
            return c >= 0x20 && c != 0x7F && c != '"' && c != '\\';
        }

        @Override
        public int appendEscaped(StringBuilder out, String s, int i) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            }
            return i + 1;
        }
    };

    @Override
    public String format(AccessEntry e) {
        StringBuilder line = new StringBuilder(160);
        String client = e.clientAddress();
        line.append(client == null ? "-" : client).append(" - - [").append(TIME.format(e.epochMillis())).append("] \"");
        if (e.request() == null) {
            line.append('-');
        } else {
            LogText.appendCapped(line, e.method() + " " + e.target() + " " + e.protocol(), ESCAPE);
        }
        line.append("\" ").append(e.status()).append(' ').append(e.bodyBytes()).append(" \"");
        appendField(line, e.referer());
        line.append("\" \"");
        appendField(line, e.userAgent());
        return line.append('"').toString();
    }

    /** {@code s} escaped and cut as a field of this format: {@code -} when null. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        appendField(out, s);
        return out.toString();
    }

    private static void appendField(StringBuilder out, String s) {
        if (s == null) {
            out.append('-');
        } else {
            LogText.appendCapped(out, s, ESCAPE);
        }
    }
}
