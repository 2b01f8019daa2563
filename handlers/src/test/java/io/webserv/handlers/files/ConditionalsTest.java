package io.webserv.handlers.files;

import io.webserv.handlers.files.Conditionals.Outcome;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.syntax.HttpDates;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalsTest {

    /** Sun, 06 Nov 1994 08:49:37 GMT. */
    private static final long MODIFIED = 784111777L;
    private static final EntityTag ETAG = new EntityTag(false, "abc-12");

    private static String date(long epochSecond) {
        return HttpDates.format(epochSecond * 1000);
    }

    private static HttpHeaders headers(String... nameValues) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.add(nameValues[i], nameValues[i + 1]);
        }
        return headers;
    }

    private static Outcome evaluate(String... nameValues) {
        return Conditionals.evaluate(headers(nameValues), ETAG, MODIFIED);
    }

    private static boolean rangeApplies(String... nameValues) {
        return Conditionals.rangeApplies(headers(nameValues), ETAG, MODIFIED);
    }

    @Test
    void noConditionProceeds() {
        assertThat(evaluate()).isEqualTo(Outcome.PROCEED);
    }

    @Nested
    class IfNoneMatch {

        @Test
        void matchingTagIsNotModified() {
            assertThat(evaluate("If-None-Match", "\"abc-12\"")).isEqualTo(Outcome.NOT_MODIFIED);
        }

        @Test
        void comparisonIsWeak() {
            assertThat(evaluate("If-None-Match", "W/\"abc-12\"")).isEqualTo(Outcome.NOT_MODIFIED);
        }

        @Test
        void anyTagOfTheListOrOfSeveralFields() {
            assertThat(evaluate("If-None-Match", "\"x\", \"abc-12\"")).isEqualTo(Outcome.NOT_MODIFIED);
            assertThat(evaluate("If-None-Match", "\"x\"", "If-None-Match", "\"abc-12\"")).isEqualTo(Outcome.NOT_MODIFIED);
        }

        @Test
        void starMatchesAnExistingFile() {
            assertThat(evaluate("If-None-Match", "*")).isEqualTo(Outcome.NOT_MODIFIED);
            assertThat(evaluate("If-None-Match", " * ")).isEqualTo(Outcome.NOT_MODIFIED);
        }

        @Test
        void otherTagsProceed() {
            assertThat(evaluate("If-None-Match", "\"abc-13\"")).isEqualTo(Outcome.PROCEED);
            assertThat(evaluate("If-None-Match", "\"abc-1\", W/\"bc-12\"")).isEqualTo(Outcome.PROCEED);
        }

        @Test
        void malformedListMatchesNothing() {
            assertThat(evaluate("If-None-Match", "abc-12")).isEqualTo(Outcome.PROCEED);
        }

        @Test
        void winsOverIfModifiedSince() {
            // RFC 9110 §13.1.3: If-Modified-Since is ignored when If-None-Match is present.
            assertThat(evaluate("If-None-Match", "\"other\"", "If-Modified-Since", date(MODIFIED)))
                    .isEqualTo(Outcome.PROCEED);
            assertThat(evaluate("If-Modified-Since", date(MODIFIED - 100), "If-None-Match", "\"abc-12\""))
                    .isEqualTo(Outcome.NOT_MODIFIED);
        }
    }

    @Nested
    class IfModifiedSince {

        @Test
        void sameOrLaterDateIsNotModified() {
            assertThat(evaluate("If-Modified-Since", date(MODIFIED))).isEqualTo(Outcome.NOT_MODIFIED);
            assertThat(evaluate("If-Modified-Since", date(MODIFIED + 1))).isEqualTo(Outcome.NOT_MODIFIED);
        }

        @Test
        void earlierDateProceeds() {
            assertThat(evaluate("If-Modified-Since", date(MODIFIED - 1))).isEqualTo(Outcome.PROCEED);
        }

        @Test
        void obsoleteDateFormsCount() {
            assertThat(evaluate("If-Modified-Since", "Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo(Outcome.NOT_MODIFIED);
            assertThat(evaluate("If-Modified-Since", "Sun Nov  6 08:49:37 1994")).isEqualTo(Outcome.NOT_MODIFIED);
            assertThat(evaluate("If-Modified-Since", "Sun Nov  6 08:49:36 1994")).isEqualTo(Outcome.PROCEED);
        }

        @Test
        void invalidOrRepeatedDatesAreIgnored() {
            assertThat(evaluate("If-Modified-Since", "yesterday")).isEqualTo(Outcome.PROCEED);
            assertThat(evaluate("If-Modified-Since", date(MODIFIED), "If-Modified-Since", date(MODIFIED)))
                    .isEqualTo(Outcome.PROCEED);
        }
    }

    @Nested
    class Preconditions {

        @Test
        void ifMatchComparesStrongly() {
            assertThat(evaluate("If-Match", "\"abc-12\"")).isEqualTo(Outcome.PROCEED);
            assertThat(evaluate("If-Match", "*")).isEqualTo(Outcome.PROCEED);
            assertThat(evaluate("If-Match", "W/\"abc-12\"")).isEqualTo(Outcome.PRECONDITION_FAILED);
            assertThat(evaluate("If-Match", "\"other\"")).isEqualTo(Outcome.PRECONDITION_FAILED);
        }

        @Test
        void ifUnmodifiedSinceFailsWhenModifiedAfter() {
            assertThat(evaluate("If-Unmodified-Since", date(MODIFIED))).isEqualTo(Outcome.PROCEED);
            assertThat(evaluate("If-Unmodified-Since", date(MODIFIED - 1))).isEqualTo(Outcome.PRECONDITION_FAILED);
            assertThat(evaluate("If-Unmodified-Since", "garbage")).isEqualTo(Outcome.PROCEED);
        }

        @Test
        void ifMatchWinsOverIfUnmodifiedSince() {
            assertThat(evaluate("If-Match", "\"abc-12\"", "If-Unmodified-Since", date(MODIFIED - 1)))
                    .isEqualTo(Outcome.PROCEED);
        }

        @Test
        void preconditionFailureComesBeforeNotModified() {
            assertThat(evaluate("If-Match", "\"other\"", "If-None-Match", "\"abc-12\""))
                    .isEqualTo(Outcome.PRECONDITION_FAILED);
        }
    }

    @Nested
    class IfRange {

        @Test
        void withoutIfRangeTheRangeApplies() {
            assertThat(rangeApplies()).isTrue();
        }

        @Test
        void strongTagMustMatchExactly() {
            assertThat(rangeApplies("If-Range", "\"abc-12\"")).isTrue();
            assertThat(rangeApplies("If-Range", "\"abc-13\"")).isFalse();
            assertThat(rangeApplies("If-Range", "W/\"abc-12\"")).isFalse();
            assertThat(rangeApplies("If-Range", "\"abc-12")).isFalse();
        }

        @Test
        void dateMustEqualTheModificationTime() {
            assertThat(rangeApplies("If-Range", date(MODIFIED))).isTrue();
            assertThat(rangeApplies("If-Range", date(MODIFIED + 1))).isFalse();
            assertThat(rangeApplies("If-Range", date(MODIFIED - 1))).isFalse();
            assertThat(rangeApplies("If-Range", "not a date")).isFalse();
        }

        @Test
        void repeatedIfRangeDisablesTheRange() {
            assertThat(rangeApplies("If-Range", "\"abc-12\"", "If-Range", "\"abc-12\"")).isFalse();
        }
    }
}
