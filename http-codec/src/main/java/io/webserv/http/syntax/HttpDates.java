package io.webserv.http.syntax;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * HTTP dates (RFC 9110 §5.6.7): always sent as IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT});
 * all three historical forms accepted on receipt, as the RFC requires.
 */
public final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private HttpDates() {
    }

    /** IMF-fixdate of the second containing {@code epochMillis}. */
    public static String format(long epochMillis) {
        return IMF_FIXDATE.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Seconds since the epoch of an HTTP date in any of the three forms, or -1 when it is not one. */
    public static long parseEpochSecond(String value) {
        String s = value.strip();
        try {
            return Instant.from(IMF_FIXDATE.parse(s)).getEpochSecond();
        } catch (DateTimeException ignored) {
            // not IMF-fixdate: try the obsolete forms
        }
        for (DateTimeFormatter obsolete : new DateTimeFormatter[] {RFC_850, ASCTIME}) {
            try {
                LocalDateTime t = LocalDateTime.parse(s, obsolete);
                if (obsolete == RFC_850) {
                    t = rfc850Century(t);
                }
                return t.toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeException ignored) {
                // try the next form
            }
        }
        return -1;
    }

    /**
     * RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is in the past century.
     * The formatter resolves "yy" into 2000–2099.
     */
    private static LocalDateTime rfc850Century(LocalDateTime t) {
        int thisYear = LocalDateTime.now(ZoneOffset.UTC).get(ChronoField.YEAR);
        return t.getYear() > thisYear + 50 ? t.minusYears(100) : t;
    }
}
