package io.webserv.http.message;

import java.nio.charset.StandardCharsets;

/**
 * Canonical spellings of common header field names. The parser maps a received name onto one of
 * these without allocating, so lookups in {@link HttpHeaders} usually succeed on identity.
 */
public final class HeaderNames {

    /** {@code Accept} (RFC 9110 §12.5.1). */
    public static final String ACCEPT = "Accept";
    /** {@code Accept-Encoding} (RFC 9110 §12.5.3). */
    public static final String ACCEPT_ENCODING = "Accept-Encoding";
    /** {@code Accept-Language} (RFC 9110 §12.5.4). */
    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    /** {@code Accept-Ranges} (RFC 9110 §14.3). */
    public static final String ACCEPT_RANGES = "Accept-Ranges";
    /** {@code Allow} (RFC 9110 §10.2.1). */
    public static final String ALLOW = "Allow";
    /** {@code Authorization} (RFC 9110 §11.6.2). */
    public static final String AUTHORIZATION = "Authorization";
    /** {@code Cache-Control} (RFC 9111 §5.2). */
    public static final String CACHE_CONTROL = "Cache-Control";
    /** {@code Connection} (RFC 9110 §7.6.1). */
    public static final String CONNECTION = "Connection";
    /** {@code Content-Disposition} (RFC 6266; in a multipart part, RFC 7578 §4.2). */
    public static final String CONTENT_DISPOSITION = "Content-Disposition";
    /** {@code Content-Encoding} (RFC 9110 §8.4). */
    public static final String CONTENT_ENCODING = "Content-Encoding";
    /** {@code Content-Length} (RFC 9110 §8.6). */
    public static final String CONTENT_LENGTH = "Content-Length";
    /** {@code Content-Range} (RFC 9110 §14.4). */
    public static final String CONTENT_RANGE = "Content-Range";
    /** {@code Content-Type} (RFC 9110 §8.3). */
    public static final String CONTENT_TYPE = "Content-Type";
    /** {@code Cookie} (RFC 6265 §5.4). */
    public static final String COOKIE = "Cookie";
    /** {@code Date} (RFC 9110 §6.6.1). */
    public static final String DATE = "Date";
    /** {@code DNT} (W3C Tracking Preference Expression). */
    public static final String DNT = "DNT";
    /** {@code ETag} (RFC 9110 §8.8.3). */
    public static final String ETAG = "ETag";
    /** {@code Expect} (RFC 9110 §10.1.1). */
    public static final String EXPECT = "Expect";
    /** {@code Host} (RFC 9110 §7.2). */
    public static final String HOST = "Host";
    /** {@code If-Match} (RFC 9110 §13.1.1). */
    public static final String IF_MATCH = "If-Match";
    /** {@code If-Modified-Since} (RFC 9110 §13.1.3). */
    public static final String IF_MODIFIED_SINCE = "If-Modified-Since";
    /** {@code If-None-Match} (RFC 9110 §13.1.2). */
    public static final String IF_NONE_MATCH = "If-None-Match";
    /** {@code If-Range} (RFC 9110 §13.1.5). */
    public static final String IF_RANGE = "If-Range";
    /** {@code If-Unmodified-Since} (RFC 9110 §13.1.4). */
    public static final String IF_UNMODIFIED_SINCE = "If-Unmodified-Since";
    /** {@code Keep-Alive} (the HTTP/1.0 extension of RFC 2068 §19.7.1). */
    public static final String KEEP_ALIVE = "Keep-Alive";
    /** {@code Last-Modified} (RFC 9110 §8.8.2). */
    public static final String LAST_MODIFIED = "Last-Modified";
    /** {@code Location} (RFC 9110 §10.2.2). */
    public static final String LOCATION = "Location";
    /** {@code Origin} (RFC 6454 §7). */
    public static final String ORIGIN = "Origin";
    /** {@code Pragma} (RFC 9111 §5.4, deprecated). */
    public static final String PRAGMA = "Pragma";
    /** {@code Priority} (RFC 9218 §5). */
    public static final String PRIORITY = "Priority";
    /** {@code Range} (RFC 9110 §14.2). */
    public static final String RANGE = "Range";
    /** {@code Referer} (RFC 9110 §10.1.3). */
    public static final String REFERER = "Referer";
    /** {@code Sec-CH-UA} (User-Agent Client Hints). */
    public static final String SEC_CH_UA = "Sec-CH-UA";
    /** {@code Sec-CH-UA-Mobile} (User-Agent Client Hints). */
    public static final String SEC_CH_UA_MOBILE = "Sec-CH-UA-Mobile";
    /** {@code Sec-CH-UA-Platform} (User-Agent Client Hints). */
    public static final String SEC_CH_UA_PLATFORM = "Sec-CH-UA-Platform";
    /** {@code Sec-Fetch-Dest} (W3C Fetch Metadata). */
    public static final String SEC_FETCH_DEST = "Sec-Fetch-Dest";
    /** {@code Sec-Fetch-Mode} (W3C Fetch Metadata). */
    public static final String SEC_FETCH_MODE = "Sec-Fetch-Mode";
    /** {@code Sec-Fetch-Site} (W3C Fetch Metadata). */
    public static final String SEC_FETCH_SITE = "Sec-Fetch-Site";
    /** {@code Sec-Fetch-User} (W3C Fetch Metadata). */
    public static final String SEC_FETCH_USER = "Sec-Fetch-User";
    /** {@code Server} (RFC 9110 §10.2.4). */
    public static final String SERVER = "Server";
    /** {@code Set-Cookie} (RFC 6265 §4.1). */
    public static final String SET_COOKIE = "Set-Cookie";
    /** {@code TE} (RFC 9110 §10.1.4). */
    public static final String TE = "TE";
    /** {@code Trailer} (RFC 9110 §6.6.2). */
    public static final String TRAILER = "Trailer";
    /** {@code Transfer-Encoding} (RFC 9112 §6.1). */
    public static final String TRANSFER_ENCODING = "Transfer-Encoding";
    /** {@code Upgrade} (RFC 9110 §7.8). */
    public static final String UPGRADE = "Upgrade";
    /** {@code Upgrade-Insecure-Requests} (W3C Upgrade Insecure Requests). */
    public static final String UPGRADE_INSECURE_REQUESTS = "Upgrade-Insecure-Requests";
    /** {@code User-Agent} (RFC 9110 §10.1.5). */
    public static final String USER_AGENT = "User-Agent";
    /** {@code Vary} (RFC 9110 §12.5.5). */
    public static final String VARY = "Vary";
    /** {@code WWW-Authenticate} (RFC 9110 §11.6.1). */
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    /** {@code X-Forwarded-For} (de facto; RFC 7239 standardises {@code Forwarded} instead). */
    public static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private static final String[] ALL = {
        ACCEPT, ACCEPT_ENCODING, ACCEPT_LANGUAGE, ACCEPT_RANGES, ALLOW, AUTHORIZATION, CACHE_CONTROL,
        CONNECTION, CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_RANGE, CONTENT_TYPE,
        COOKIE, DATE, DNT, ETAG, EXPECT, HOST, IF_MATCH, IF_MODIFIED_SINCE, IF_NONE_MATCH, IF_RANGE,
        IF_UNMODIFIED_SINCE, KEEP_ALIVE, LAST_MODIFIED, LOCATION, ORIGIN, PRAGMA, PRIORITY, RANGE, REFERER,
        SEC_CH_UA, SEC_CH_UA_MOBILE, SEC_CH_UA_PLATFORM, SEC_FETCH_DEST, SEC_FETCH_MODE, SEC_FETCH_SITE,
        SEC_FETCH_USER, SERVER, SET_COOKIE, TE, TRAILER, TRANSFER_ENCODING, UPGRADE,
        UPGRADE_INSECURE_REQUESTS, USER_AGENT, VARY, WWW_AUTHENTICATE, X_FORWARDED_FOR,
    };

    /**
     * The names bucketed by length and first letter, with their lower-case bytes, so that a lookup
     * compares against one or two candidates at most.
     */
    private static final int MAX_LENGTH = 32;
    private static final String[][] BUCKETS = new String[(MAX_LENGTH + 1) * 27][];
    private static final byte[][][] LOWER_BUCKETS = new byte[BUCKETS.length][][];

    static {
        for (int b = 0; b < BUCKETS.length; b++) {
            BUCKETS[b] = new String[0];
            LOWER_BUCKETS[b] = new byte[0][];
        }
        for (String name : ALL) {
            byte[] lower = name.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            int b = bucket(lower, 0, lower.length);
            BUCKETS[b] = java.util.Arrays.copyOf(BUCKETS[b], BUCKETS[b].length + 1);
            BUCKETS[b][BUCKETS[b].length - 1] = name;
            LOWER_BUCKETS[b] = java.util.Arrays.copyOf(LOWER_BUCKETS[b], LOWER_BUCKETS[b].length + 1);
            LOWER_BUCKETS[b][LOWER_BUCKETS[b].length - 1] = lower;
        }
    }

    /** Length and first letter (any case; 0 for a non-letter); -1 when too long to be a common name. */
    private static int bucket(byte[] buf, int offset, int length) {
        if (length == 0 || length > MAX_LENGTH) {
            return -1;
        }
        int first = (buf[offset] | 0x20) - 'a' + 1;
        return length * 27 + (first >= 1 && first <= 26 ? first : 0);
    }

    private HeaderNames() {
    }

    /**
     * Looks up the canonical name for a received field name, comparing case-insensitively.
     *
     * @param buf the bytes holding the name, already known to be a token
     * @param offset where the name starts in {@code buf}
     * @param length the name's length in bytes
     * @return one of the constants above when the name is a common one (no allocation), otherwise a
     *     new string of the bytes as received
     */
    public static String canonical(byte[] buf, int offset, int length) {
        String known = known(buf, offset, length);
        return known != null ? known : new String(buf, offset, length, StandardCharsets.US_ASCII);
    }

    /**
     * Looks up a common name case-insensitively, in bytes that need not be a token: a match is one
     * (every byte equals the constant's, letters in either case).
     *
     * @param buf the bytes holding the name
     * @param offset where the name starts in {@code buf}
     * @param length the name's length in bytes
     * @return one of the constants above, or null when the name is not a common one
     */
    public static String known(byte[] buf, int offset, int length) {
        int b = bucket(buf, offset, length);
        if (b >= 0) {
            byte[][] candidates = LOWER_BUCKETS[b];
            for (int c = 0; c < candidates.length; c++) {
                if (equalsLowerCase(candidates[c], buf, offset)) {
                    return BUCKETS[b][c];
                }
            }
        }
        return null;
    }

    private static boolean equalsLowerCase(byte[] lower, byte[] buf, int offset) {
        for (int i = 0; i < lower.length; i++) {
            int b = buf[offset + i];
            // Header names are tokens: ASCII only, so OR-ing 0x20 lower-cases letters; the exact
            // comparison afterwards rejects the non-letters that the OR could make equal.
            if ((b | 0x20) != lower[i] || (b != lower[i] && (b < 'A' || b > 'Z'))) {
                return false;
            }
        }
        return true;
    }
}
