package io.webserv.http.parse;

import io.webserv.http.message.HostAndPort;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Header values seen before, so that the same bytes become the same {@link String} without allocating:
 * a browser or a load balancer sends the same User-Agent, Accept, Accept-Encoding… on every request of a
 * connection, and most connections of a server look alike. Request lines and {@code Host} values the
 * same way: a site's hot URLs come again and again, and the line's parsed form (method, target with
 * its normalised path, version) and the host are immutable, so a repeat costs a comparison, not a
 * parse (368 → 208 bytes allocated per 708-byte head, JMH {@code -prof gc}).
 *
 * <p>Direct-mapped: a value's slot comes from its field name, its length and a few of its bytes; a
 * full comparison confirms a hit, and a different value in the same slot simply replaces it, so a
 * client sending ever-new values costs a miss, nothing more. Long values are not cached.
 *
 * <p>Not thread-safe: one per thread, shared by the parsers of that thread (an event loop).
 */
public final class HeaderValueCache {

    private static final int MAX_VALUE_BYTES = 256;

    /** One cached value: the field it came from, its bytes, and the string handed out. */
    private record Entry(String name, byte[] bytes, String value) {
    }

    /** One cached request line: its bytes and what they parsed to. */
    private record Line(byte[] bytes, RequestLine parsed) {
    }

    private static final int LINE_SLOTS = 64;

    private final int mask;
    private final Entry[] entries;
    private final Line[] lines = new Line[LINE_SLOTS];
    /** The last {@code Host} value parsed and its result: values come from this cache, so identity suffices. */
    private String lastHostValue;
    private HostAndPort lastHost;

    /** @param slots a power of two */
    public HeaderValueCache(int slots) {
        if (slots <= 0 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        mask = slots - 1;
        entries = new Entry[slots];
    }

    /** The value of field {@code name} held in {@code buf[start, end)}, decoded as ISO-8859-1. */
    String value(String name, byte[] buf, int start, int end) {
        int length = end - start;
        if (length == 0) {
            return "";
        }
        if (length > MAX_VALUE_BYTES) {
            return new String(buf, start, length, StandardCharsets.ISO_8859_1);
        }
        int slot = slot(name, buf, start, end);
        Entry cached = entries[slot];
        if (cached != null && cached.bytes.length == length && cached.name.equals(name)
                && Arrays.equals(cached.bytes, 0, length, buf, start, end)) {
            return cached.value;
        }
        byte[] copy = Arrays.copyOfRange(buf, start, end);
        String value = new String(copy, StandardCharsets.ISO_8859_1);
        entries[slot] = new Entry(name, copy, value);
        return value;
    }

    /** The request line in {@code buf[start, end)}, parsed, or the same line parsed before. */
    RequestLine requestLine(byte[] buf, int start, int end) {
        int length = end - start;
        if (length == 0 || length > MAX_VALUE_BYTES) {
            return RequestLine.parse(buf, start, end);
        }
        int slot = mix(length, buf, start, end) & (LINE_SLOTS - 1);
        Line cached = lines[slot];
        if (cached != null && cached.bytes.length == length && Arrays.equals(cached.bytes, 0, length, buf, start, end)) {
            return cached.parsed;
        }
        RequestLine parsed = RequestLine.parse(buf, start, end); // throws on a bad line: nothing is cached
        lines[slot] = new Line(Arrays.copyOfRange(buf, start, end), parsed);
        return parsed;
    }

    /** The {@code Host} field value parsed, or the result of the last parse if {@code value} is the same string. */
    HostAndPort host(String value) {
        if (value != lastHostValue) {
            lastHost = HostParser.parse(value); // throws on a bad value: the last good one stays
            lastHostValue = value;
        }
        return lastHost;
    }

    /**
     * A cheap hash: the name's (cached) hash, the length and the bytes at both ends and the middle.
     * Values that differ elsewhere share a slot and evict each other: a miss, never a wrong answer.
     */
    private int slot(String name, byte[] buf, int start, int end) {
        return mix(name.hashCode() * 31 + (end - start), buf, start, end) & mask;
    }

    private static int mix(int seed, byte[] buf, int start, int end) {
        int h = seed;
        h = h * 31 + buf[start];
        h = h * 31 + buf[(start + end) >>> 1];
        h = h * 31 + buf[end - 1];
        h ^= h >>> 16;
        return h;
    }
}
