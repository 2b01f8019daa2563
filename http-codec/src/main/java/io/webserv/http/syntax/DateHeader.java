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

    /**
     * Creates the cache.
     *
     * @param clock the time source: {@code Clock.systemUTC()} in production, a fixed clock in tests
     */
    public DateHeader(Clock clock) {
        this.clock = clock;
    }

    /**
     * {@return the IMF-fixdate of now, as ASCII bytes} The same array for every call within one
     * second: do not modify it.
     */
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

    /** {@return the IMF-fixdate of now, as {@link #currentBytes()} but as a string} */
    public String current() {
        return new String(currentBytes(), StandardCharsets.US_ASCII);
    }
}
