package io.webserv.config.model;

/**
 * Request head limits (SPEC §2 {@code limits}); the codec's {@code ParserLimits} takes them as ints.
 *
 * @param headerBytes request line and header fields; over → 431
 * @param uriBytes    request line alone; over → 414. Never more than {@code headerBytes}.
 */
public record Limits(long headerBytes, long uriBytes) {

    /** The smallest limit the codec accepts. */
    public static final long MIN_BYTES = 16;
    /** The largest: the codec counts in ints. */
    public static final long MAX_BYTES = Integer.MAX_VALUE;

    /** 16k of head, 8k of request line (SPEC §2). */
    public static final Limits DEFAULTS = new Limits(16 * 1024, 8 * 1024);

    /**
     * Checks the limits.
     *
     * @param headerBytes request line and header fields
     * @param uriBytes    request line alone
     * @throws IllegalArgumentException unless {@link #MIN_BYTES} ≤ {@code uriBytes} ≤ {@code headerBytes} ≤ {@link #MAX_BYTES}
     */
    public Limits {
        if (uriBytes < MIN_BYTES || headerBytes > MAX_BYTES || uriBytes > headerBytes) {
            throw new IllegalArgumentException("need " + MIN_BYTES + " <= uriBytes <= headerBytes <= " + MAX_BYTES
                    + ": " + this);
        }
    }
}
