package io.webserv.handlers.upload;

import java.nio.charset.StandardCharsets;

/**
 * A file an upload stored, as the client is told of it.
 *
 * @param name its file name in the upload directory
 * @param size its length in bytes
 * @param uri  where it is served: the route's path, a slash and the percent-encoded name
 */
record StoredFile(String name, long size, String uri) {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** The file {@code name} stored through the route at {@code routePath}. */
    static StoredFile under(String routePath, String name, long size) {
        String prefix = routePath.endsWith("/") ? routePath : routePath + "/";
        return new StoredFile(name, size, encode(prefix, true) + encode(name, false));
    }

    /**
     * Percent-encodes every byte of the UTF-8 form of {@code s} but the unreserved characters of RFC 3986
     * §2.3 (and {@code /} when {@code keepSlash}), so the result is ASCII, safe in a header and in an
     * HTML attribute, and decodes to {@code s}.
     */
    static String encode(String s, boolean keepSlash) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c) || keepSlash && c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
