package io.webserv.http.message;

import java.nio.charset.StandardCharsets;

/**
 * Canonical spellings of common header field names. The parser maps a received name onto one of
 * these without allocating, so lookups in {@link HttpHeaders} usually succeed on identity.
 */
public final class HeaderNames {

    public static final String ACCEPT = "Accept";
    public static final String ACCEPT_ENCODING = "Accept-Encoding";
    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    public static final String ACCEPT_RANGES = "Accept-Ranges";
    public static final String ALLOW = "Allow";
    public static final String AUTHORIZATION = "Authorization";
    public static final String CACHE_CONTROL = "Cache-Control";
    public static final String CONNECTION = "Connection";
    public static final String CONTENT_DISPOSITION = "Content-Disposition";
    public static final String CONTENT_ENCODING = "Content-Encoding";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_RANGE = "Content-Range";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String COOKIE = "Cookie";
    public static final String DATE = "Date";
    public static final String DNT = "DNT";
    public static final String ETAG = "ETag";
    public static final String EXPECT = "Expect";
    public static final String HOST = "Host";
    public static final String IF_MATCH = "If-Match";
    public static final String IF_MODIFIED_SINCE = "If-Modified-Since";
    public static final String IF_NONE_MATCH = "If-None-Match";
    public static final String IF_RANGE = "If-Range";
    public static final String IF_UNMODIFIED_SINCE = "If-Unmodified-Since";
    public static final String KEEP_ALIVE = "Keep-Alive";
    public static final String LAST_MODIFIED = "Last-Modified";
    public static final String LOCATION = "Location";
    public static final String ORIGIN = "Origin";
    public static final String PRAGMA = "Pragma";
    public static final String PRIORITY = "Priority";
    public static final String RANGE = "Range";
    public static final String REFERER = "Referer";
    public static final String SEC_CH_UA = "Sec-CH-UA";
    public static final String SEC_CH_UA_MOBILE = "Sec-CH-UA-Mobile";
    public static final String SEC_CH_UA_PLATFORM = "Sec-CH-UA-Platform";
    public static final String SEC_FETCH_DEST = "Sec-Fetch-Dest";
    public static final String SEC_FETCH_MODE = "Sec-Fetch-Mode";
    public static final String SEC_FETCH_SITE = "Sec-Fetch-Site";
    public static final String SEC_FETCH_USER = "Sec-Fetch-User";
    public static final String SERVER = "Server";
    public static final String SET_COOKIE = "Set-Cookie";
    public static final String TE = "TE";
    public static final String TRAILER = "Trailer";
    public static final String TRANSFER_ENCODING = "Transfer-Encoding";
    public static final String UPGRADE = "Upgrade";
    public static final String UPGRADE_INSECURE_REQUESTS = "Upgrade-Insecure-Requests";
    public static final String USER_AGENT = "User-Agent";
    public static final String VARY = "Vary";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
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
     * The canonical name for the token of {@code length} bytes at {@code offset}, compared
     * case-insensitively; a new string of the bytes as received when it is not a common name.
     */
    public static String canonical(byte[] buf, int offset, int length) {
        int b = bucket(buf, offset, length);
        if (b >= 0) {
            byte[][] candidates = LOWER_BUCKETS[b];
            for (int c = 0; c < candidates.length; c++) {
                if (equalsLowerCase(candidates[c], buf, offset)) {
                    return BUCKETS[b][c];
                }
            }
        }
        return new String(buf, offset, length, StandardCharsets.US_ASCII);
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
