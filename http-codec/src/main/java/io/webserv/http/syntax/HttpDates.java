package io.webserv.http.syntax;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * HTTP dates (RFC 9110 §5.6.7): always sent as IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT});
 * all three historical forms accepted on receipt, as the RFC requires.
 */
public final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    /**
     * RFC 9110 §5.6.7: a two-digit year that would be more than 50 years in the future is in the past
     * century, i.e. the year lies within [now - 49, now + 50].
     */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).minusYears(49))
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private HttpDates() {
    }

    /**
     * Formats a time as an IMF-fixdate.
     *
     * @param epochMillis milliseconds since the epoch
     * @return the IMF-fixdate of the second containing it
     */
    public static String format(long epochMillis) {
        return IMF_FIXDATE.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * Parses an HTTP date in any of its three forms (IMF-fixdate, RFC 850, asctime).
     *
     * @param value the field value, e.g. of {@code If-Modified-Since}; surrounding whitespace is ignored
     * @return seconds since the epoch, or -1 when the value is not an HTTP date
     */
    public static long parseEpochSecond(String value) {
        String s = value.strip();
        try {
            return Instant.from(IMF_FIXDATE.parse(s)).getEpochSecond();
        } catch (DateTimeException ignored) {
            // not IMF-fixdate: try the obsolete forms
        }
        for (DateTimeFormatter obsolete : new DateTimeFormatter[] {RFC_850, ASCTIME}) {
            try {
                return LocalDateTime.parse(s, obsolete).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeException ignored) {
                // try the next form
            }
        }
        return -1;
    }
}
