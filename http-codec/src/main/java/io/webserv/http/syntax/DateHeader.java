package io.webserv.http.syntax;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The value of the {@code Date} header, formatted once per second rather than once per response.
 * Safe to share between event loops: the cache is one immutable pair swapped atomically (two threads
 * may both format the new second; either result is right). The clock is injected so tests control time.
 */
public final class DateHeader {

    private record Formatted(long second, byte[] bytes) {
    }

    private final Clock clock;
    private volatile Formatted cached = new Formatted(Long.MIN_VALUE, new byte[0]);

    public DateHeader(Clock clock) {
        this.clock = clock;
    }

    /** IMF-fixdate of now, as ASCII bytes; the same array for every call within one second. Do not modify. */
    public byte[] currentBytes() {
        long millis = clock.millis();
        long second = Math.floorDiv(millis, 1000);
        Formatted current = cached;
        if (current.second != second) {
            current = new Formatted(second, HttpDates.format(millis).getBytes(StandardCharsets.US_ASCII));
            cached = current;
        }
        return current.bytes;
    }

    /** {@link #currentBytes()} as a string. */
    public String current() {
        return new String(currentBytes(), StandardCharsets.US_ASCII);
    }
}
