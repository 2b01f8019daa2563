package io.webserv.config.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Durations as SPEC §2 writes them: {@code 500ms}, {@code 10s}, {@code 5m}, and {@code 1h}. The unit
 * is required (a bare {@code 30} could mean seconds or milliseconds) and case-insensitive; one
 * number, one unit ({@code 1m30s} is {@code 90s}).
 */
public final class Durations {

    public static final String SYNTAX = "digits and a unit ms, s, m or h, e.g. 500ms, 10s, 5m";

    private Durations() {
    }

    /**
     * The duration {@code text} stands for.
     *
     * @throws IllegalArgumentException with a short reason when the text is not a duration or is too
     *                                  large to count in nanoseconds (about 292 years)
     */
    public static Duration parse(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        ChronoUnit unit;
        String digits;
        if (s.endsWith("ms")) {
            unit = ChronoUnit.MILLIS;
            digits = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s") || s.endsWith("m") || s.endsWith("h")) {
            unit = switch (s.charAt(s.length() - 1)) {
                case 's' -> ChronoUnit.SECONDS;
                case 'm' -> ChronoUnit.MINUTES;
                default -> ChronoUnit.HOURS;
            };
            digits = s.substring(0, s.length() - 1);
        } else if (!s.isEmpty() && s.chars().allMatch(Numbers::isDigit)) {
            throw new IllegalArgumentException("missing unit");
        } else {
            throw new IllegalArgumentException("not a duration");
        }
        long amount = Numbers.parseDigits(digits);
        try {
            Duration duration = Duration.of(amount, unit);
            duration.toNanos();
            return duration;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("too large", e);
        }
    }
}
