package io.webserv.server.http;

/**
 * Client-supplied text made safe for a log line: each format escapes in its own way, and every field
 * is cut at {@link #MAX_FIELD_CHARS} the same way.
 */
final class LogText {

    /**
     * The most characters one logged field (request line, target, Referer, User-Agent) takes, escapes
     * included; the rest is cut and marked {@code ...}. Lines wait in the asynchronous appender's
     * queue (8192 of them, log4j2.xml) while their destination is slow, so their size is memory: uncut,
     * a client could make each line some 80 KB (a 16 KiB head of tabs, each logged as {@code \x09}).
     */
    static final int MAX_FIELD_CHARS = 2048;
    static final String CUT = "...";

    /** One format's escaping. */
    interface Escaper {
        /** Whether {@code c} is written as it is. */
        boolean isPlain(char c);

        /**
         * Appends the escaped form of what starts at {@code s.charAt(i)}, a char that is not plain.
         *
         * @return the index after what was consumed (one char, or a whole UTF-8 sequence)
         */
        int appendEscaped(StringBuilder out, String s, int i);
    }

    private LogText() {
    }

    /** Appends {@code s} escaped, cut once {@link #MAX_FIELD_CHARS} are written. */
    static void appendCapped(StringBuilder out, String s, Escaper escaper) {
        int start = out.length();
        int i = 0;
        while (i < s.length()) {
            int room = MAX_FIELD_CHARS - (out.length() - start);
            if (room <= 0) {
                out.append(CUT);
                return;
            }
            int plainEnd = i;
            int plainLimit = Math.min(s.length(), i + room);
            while (plainEnd < plainLimit && escaper.isPlain(s.charAt(plainEnd))) {
                plainEnd++;
            }
            if (plainEnd > i) {
                out.append(s, i, plainEnd); // most of a field: copied as one run
                i = plainEnd;
            } else {
                i = escaper.appendEscaped(out, s, i);
            }
        }
    }
}
