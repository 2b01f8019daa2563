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
    @FunctionalInterface
    interface Escaper {
        /**
         * Appends the escaped form of what starts at {@code s.charAt(i)}.
         *
         * @return the index after what was consumed (one char, or a whole UTF-8 sequence)
         */
        int append(StringBuilder out, String s, int i);
    }

    private LogText() {
    }

    /** Appends {@code s} escaped, cut once {@link #MAX_FIELD_CHARS} are written. */
    static void appendCapped(StringBuilder out, String s, Escaper escaper) {
        int start = out.length();
        int i = 0;
        while (i < s.length()) {
            if (out.length() - start >= MAX_FIELD_CHARS) {
                out.append(CUT);
                return;
            }
            i = escaper.append(out, s, i);
        }
    }
}
