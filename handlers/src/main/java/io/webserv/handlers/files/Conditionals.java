package io.webserv.handlers.files;

import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.syntax.HttpDates;

import java.util.List;

/**
 * Conditional requests on a GET or HEAD of a file (RFC 9110 §13), evaluated in the order of §13.2.2:
 * {@code If-Match}, then {@code If-Unmodified-Since} (only without If-Match), then
 * {@code If-None-Match}, then {@code If-Modified-Since} (only without If-None-Match), and last
 * {@code If-Range}, which only decides whether a Range is honoured.
 *
 * <p>Fields that do not parse are ignored, as §13.1 asks for dates; an unparsable entity-tag list
 * matches nothing. Times are whole seconds, the precision of an HTTP date.
 */
public final class Conditionals {

    /** What the preconditions say about a GET or HEAD. */
    public enum Outcome {
        /** Serve the representation (possibly a range of it). */
        PROCEED,
        /** 304 Not Modified: the client's copy is current. */
        NOT_MODIFIED,
        /** 412 Precondition Failed: If-Match or If-Unmodified-Since is false. */
        PRECONDITION_FAILED
    }

    private Conditionals() {
    }

    /**
     * @param request          the request's header fields
     * @param etag             the current representation's (strong) entity tag
     * @param lastModifiedSecs its modification time in seconds since the epoch
     * @return what to answer: the representation, 304 or 412
     */
    public static Outcome evaluate(HttpHeaders request, EntityTag etag, long lastModifiedSecs) {
        String ifMatch = joined(request, HeaderNames.IF_MATCH);
        if (ifMatch != null) {
            if (!matchesAny(ifMatch, etag, true)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else {
            long since = singleDate(request, HeaderNames.IF_UNMODIFIED_SINCE);
            if (since >= 0 && lastModifiedSecs > since) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        String ifNoneMatch = joined(request, HeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch, etag, false) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
        }
        long since = singleDate(request, HeaderNames.IF_MODIFIED_SINCE);
        return since >= 0 && lastModifiedSecs <= since ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
    }

    /**
     * Whether a Range may be honoured (RFC 9110 §13.1.5): yes without {@code If-Range}; with one, only
     * when its entity tag strongly matches or its date equals the modification time. Otherwise the
     * client's partial copy is stale and it gets the whole representation.
     *
     * @param request          the request's header fields
     * @param etag             the current representation's (strong) entity tag
     * @param lastModifiedSecs its modification time in seconds since the epoch
     * @return whether to answer the Range with 206 rather than the whole representation with 200
     */
    public static boolean rangeApplies(HttpHeaders request, EntityTag etag, long lastModifiedSecs) {
        if (request.count(HeaderNames.IF_RANGE) == 0) {
            return true;
        }
        if (request.count(HeaderNames.IF_RANGE) > 1) {
            return false;
        }
        String value = request.get(HeaderNames.IF_RANGE).strip();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            EntityTag tag = EntityTag.parse(value);
            return tag != null && tag.stronglyMatches(etag);
        }
        long date = HttpDates.parseEpochSecond(value);
        return date >= 0 && date == lastModifiedSecs;
    }

    /** {@code *} matches any current representation; otherwise a list compared strongly or weakly. */
    private static boolean matchesAny(String value, EntityTag etag, boolean strong) {
        if (value.strip().equals("*")) {
            return true;
        }
        List<EntityTag> tags = EntityTag.parseList(value);
        if (tags == null) {
            return false;
        }
        for (EntityTag tag : tags) {
            if (strong ? tag.stronglyMatches(etag) : tag.weaklyMatches(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Every line of a list-valued field joined with commas (RFC 9110 §5.3), or null when absent. */
    private static String joined(HttpHeaders request, String name) {
        List<String> values = request.getAll(name);
        return values.isEmpty() ? null : String.join(", ", values);
    }

    /** The date of a field sent once, or -1 when absent, repeated or not a date (all ignored: §13.1.3). */
    private static long singleDate(HttpHeaders request, String name) {
        List<String> values = request.getAll(name);
        return values.size() == 1 ? HttpDates.parseEpochSecond(values.get(0)) : -1;
    }
}
