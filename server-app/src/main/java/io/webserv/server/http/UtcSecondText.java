package io.webserv.server.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A time formatted to the second, in UTC, remembered for the second it names: every access-log line of
 * that second, on any loop, reuses the text instead of formatting it again.
 */
final class UtcSecondText {

    private record Formatted(long epochSecond, String text) {
    }

    private final DateTimeFormatter formatter;
    private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    /** @param pattern a {@link DateTimeFormatter} pattern that goes no finer than seconds */
    UtcSecondText(String pattern) {
        this.formatter = DateTimeFormatter.ofPattern(pattern, java.util.Locale.US).withZone(ZoneOffset.UTC);
    }

    String format(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        Formatted cached = last;
        if (cached.epochSecond() != second) {
            cached = new Formatted(second, formatter.format(Instant.ofEpochSecond(second)));
            last = cached;
        }
        return cached.text();
    }
}
