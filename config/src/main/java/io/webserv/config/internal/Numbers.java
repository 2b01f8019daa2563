package io.webserv.config.internal;

/**
 * Plain decimal numbers for sizes, durations, ports and counts. Stricter than YAML, which would also
 * take {@code 0x10}, {@code 1_000} or {@code +5}: a configuration value has one spelling.
 */
final class Numbers {

    private Numbers() {
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The value of a non-empty string of ASCII digits.
     *
     * @throws IllegalArgumentException "not a number" or "too large"
     */
    static long parseDigits(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(Numbers::isDigit)) {
            throw new IllegalArgumentException("not a number");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("too large", e);
        }
    }
}
