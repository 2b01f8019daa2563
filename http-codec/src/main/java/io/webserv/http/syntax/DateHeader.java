package io.webserv.http.syntax;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The value of the {@code Date} header, formatted once per second rather than once per response.
 * One instance per event loop (not thread-safe); the clock is injected so tests control time.
 */
public final class DateHeader {

    private final Clock clock;
    private long cachedSecond = Long.MIN_VALUE;
    private byte[] cachedBytes;

    public DateHeader(Clock clock) {
        this.clock = clock;
    }

    /** IMF-fixdate of now, as ASCII bytes; the same array for every call within one second. */
    public byte[] currentBytes() {
        long millis = clock.millis();
        long second = Math.floorDiv(millis, 1000);
        if (second != cachedSecond) {
            cachedBytes = HttpDates.format(millis).getBytes(StandardCharsets.US_ASCII);
            cachedSecond = second;
        }
        return cachedBytes;
    }

    /** {@link #currentBytes()} as a string. */
    public String current() {
        return new String(currentBytes(), StandardCharsets.US_ASCII);
    }
}
