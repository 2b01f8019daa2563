package io.webserv.config.internal;

/** How a value from the file appears inside an error message: on one line and not too long. */
final class Text {

    private static final int MAX = 60;

    private Text() {
    }

    /** {@code text} with control characters escaped, cut to {@value #MAX} characters. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return i < text.length() ? out + "..." : out.toString();
    }
}
