package io.webserv.config.internal;

import java.util.Locale;

/**
 * Byte sizes as SPEC §2 writes them: {@code 1234}, {@code 8k}, {@code 1m}, {@code 2g}. Units are
 * binary (k = 1024) and case-insensitive; there is no sign, no fraction, no space and no {@code kb}.
 */
public final class Sizes {

    /** Shown after every size error, so the user sees the syntax at once. */
    public static final String SYNTAX = "digits with an optional unit k, m or g, e.g. 512, 8k, 1m";

    private Sizes() {
    }

    /**
     * The number of bytes {@code text} stands for.
     *
     * @throws IllegalArgumentException with a short reason when the text is not a size or does not fit
     *                                  in a long
     */
    public static long parse(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        int shift = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        long value = Numbers.parseDigits(digits);
        if (value > Long.MAX_VALUE >> shift) {
            throw new IllegalArgumentException("too large");
        }
        return value << shift;
    }
}
