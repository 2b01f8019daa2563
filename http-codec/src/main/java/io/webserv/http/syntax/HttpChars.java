package io.webserv.http.syntax;

/**
 * The character classes of RFC 9110 §5.6 and RFC 3986, as one 256-entry table of bit flags so that
 * every check on the hot path is a single array load.
 */
public final class HttpChars {

    /** {@code tchar} of RFC 9110 §5.6.2: the characters of a token (method, header name). */
    public static final int TOKEN = 1;
    /** Characters allowed in a field value (RFC 9110 §5.5): VCHAR, SP, HTAB and obs-text. */
    public static final int FIELD_VALUE = 1 << 1;
    /** {@code HEXDIG}. */
    public static final int HEX = 1 << 2;
    /** {@code DIGIT}. */
    public static final int DIGIT = 1 << 3;
    /** {@code pchar} of RFC 3986 §3.3 without '%' (checked apart, with its two hex digits). */
    public static final int PCHAR = 1 << 4;
    /** Characters of a query or fragment (RFC 3986 §3.4): pchar, "/" and "?", without '%'. */
    public static final int QUERY = 1 << 5;
    /** {@code unreserved} of RFC 3986 §2.3. */
    public static final int UNRESERVED = 1 << 6;
    /** Characters of a {@code reg-name} host (RFC 3986 §3.2.2): unreserved and sub-delims, without '%'. */
    public static final int REG_NAME = 1 << 7;

    private static final int[] CLASSES = new int[256];

    static {
        String alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        String digit = "0123456789";
        String subDelims = "!$&'()*+,;=";
        mark(alpha + digit + "!#$%&'*+-.^_`|~", TOKEN);
        for (int c = 0x21; c <= 0x7E; c++) {
            CLASSES[c] |= FIELD_VALUE;
        }
        for (int c = 0x80; c <= 0xFF; c++) {
            CLASSES[c] |= FIELD_VALUE;
        }
        mark(" \t", FIELD_VALUE);
        mark(digit + "abcdefABCDEF", HEX);
        mark(digit, DIGIT);
        mark(alpha + digit + "-._~", UNRESERVED | PCHAR | QUERY | REG_NAME);
        mark(subDelims, PCHAR | QUERY | REG_NAME);
        mark(":@", PCHAR | QUERY);
        mark("/?", QUERY);
    }

    private HttpChars() {
    }

    private static void mark(String chars, int flags) {
        for (int i = 0; i < chars.length(); i++) {
            CLASSES[chars.charAt(i)] |= flags;
        }
    }

    /**
     * Tells whether a byte belongs to every class in {@code flags}, with one table lookup.
     *
     * @param b the byte (any value; only its low 8 bits count)
     * @param flags one class constant, or several OR-ed together
     * @return whether {@code b} is in each of them
     */
    public static boolean is(int b, int flags) {
        return (CLASSES[b & 0xFF] & flags) == flags;
    }

    /**
     * {@return whether the byte is a {@code tchar}}
     *
     * @param b the byte; only its low 8 bits count
     */
    public static boolean isToken(int b) {
        return (CLASSES[b & 0xFF] & TOKEN) != 0;
    }

    /**
     * {@return whether the byte may appear in a field value: VCHAR, SP, HTAB or obs-text}
     *
     * @param b the byte; only its low 8 bits count
     */
    public static boolean isFieldValue(int b) {
        return (CLASSES[b & 0xFF] & FIELD_VALUE) != 0;
    }

    /**
     * {@return whether the byte is an ASCII digit}
     *
     * @param b the byte; only its low 8 bits count
     */
    public static boolean isDigit(int b) {
        return (CLASSES[b & 0xFF] & DIGIT) != 0;
    }

    /**
     * {@return whether the byte is a hex digit, either case}
     *
     * @param b the byte; only its low 8 bits count
     */
    public static boolean isHex(int b) {
        return (CLASSES[b & 0xFF] & HEX) != 0;
    }

    /**
     * Decodes one hex digit.
     *
     * @param b the byte; only its low 8 bits count
     * @return its value, 0 to 15, or -1 when {@code b} is not a hex digit
     */
    public static int hexValue(int b) {
        int c = b & 0xFF;
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * Tells whether a string is a token, as a method or a field name must be (RFC 9110 §5.6.2).
     *
     * @param s the text to check
     * @return whether it is non-empty and made of {@code tchar}s only
     */
    public static boolean isToken(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF || !isToken(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lower-cases an ASCII letter.
     *
     * @param b the byte
     * @return its lower case for {@code A}–{@code Z}, {@code b} unchanged otherwise
     */
    public static int toLower(int b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }
}
