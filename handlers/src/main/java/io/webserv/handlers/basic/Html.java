package io.webserv.handlers.basic;

/** HTML escaping for text and attribute values built from names we do not control. */
public final class Html {

    private Html() {
    }

    /**
     * Escapes text for an HTML element or a quoted attribute value.
     *
     * @param s untrusted text, such as a file name
     * @return {@code s} with {@code & < > " '} replaced by character references
     */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
