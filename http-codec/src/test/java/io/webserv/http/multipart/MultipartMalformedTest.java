package io.webserv.http.multipart;

import static io.webserv.http.multipart.MultipartFeed.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.webserv.http.multipart.MultipartFeed.Result;
import io.webserv.http.parse.ParseError;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of broken bodies, each with the error it must give for every split, and the parts it may
 * report before that (none of them complete unless its delimiter line was valid).
 */
class MultipartMalformedTest {

    private static final String START = "--b0undary\r\n";
    private static final String FIELD = "Content-Disposition: form-data; name=\"f\"\r\n";
    private static final String END = "\r\n--b0undary--\r\n";

    /** A body with one part whose header block is {@code headers} (its final empty line added). */
    private static String withHeaders(String headers) {
        return START + headers + "\r\nvalue" + END;
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                // Part header lines (RFC 9112 §2.2, §5)
                Arguments.of("bare LF ends a header line", withHeaders(FIELD + "X-A: 1\n"), ParseError.BARE_LF),
                Arguments.of("bare LF ends the block", START + FIELD + "\nvalue" + END, ParseError.BARE_LF),
                Arguments.of("bare CR in a header line", withHeaders(FIELD + "X-A: 1\r2\r\n"), ParseError.BARE_CR),
                Arguments.of("obs-fold", withHeaders(FIELD + "X-A: 1\r\n 2\r\n"), ParseError.OBS_FOLD),
                Arguments.of("whitespace before the first line", withHeaders(" " + FIELD), ParseError.HEADER_NAME_INVALID),
                Arguments.of("header without a colon", withHeaders(FIELD + "X-A 1\r\n"), ParseError.HEADER_COLON_MISSING),
                Arguments.of("whitespace before the colon", withHeaders(FIELD + "X-A : 1\r\n"), ParseError.WHITESPACE_BEFORE_COLON),
                Arguments.of("empty header name", withHeaders(FIELD + ": 1\r\n"), ParseError.HEADER_NAME_INVALID),
                Arguments.of("non-token header name", withHeaders(FIELD + "X@A: 1\r\n"), ParseError.HEADER_NAME_INVALID),
                Arguments.of("NUL in a header value", withHeaders(FIELD + "X-A: 1\u00002\r\n"), ParseError.HEADER_VALUE_INVALID),
                Arguments.of("malformed UTF-8 in a header value",
                        withHeaders("Content-Disposition: form-data; name=\"f\"; filename=\"\u00e9.txt\"\r\n"),
                        ParseError.HEADER_VALUE_INVALID),

                // Part headers RFC 7578 §4 requires
                Arguments.of("no header at all", withHeaders(""), ParseError.MULTIPART_MALFORMED),
                Arguments.of("no Content-Disposition", withHeaders("Content-Type: text/plain\r\n"), ParseError.MULTIPART_MALFORMED),
                Arguments.of("two Content-Dispositions", withHeaders(FIELD + FIELD), ParseError.MULTIPART_MALFORMED),
                Arguments.of("two Content-Types", withHeaders(FIELD + "Content-Type: a/b\r\nContent-Type: a/b\r\n"),
                        ParseError.MULTIPART_MALFORMED),
                Arguments.of("not form-data", withHeaders("Content-Disposition: attachment; name=\"f\"\r\n"),
                        ParseError.MULTIPART_MALFORMED),
                Arguments.of("no name", withHeaders("Content-Disposition: form-data; filename=\"a\"\r\n"),
                        ParseError.MULTIPART_MALFORMED),
                Arguments.of("unsupported filename* charset",
                        withHeaders("Content-Disposition: form-data; name=f; filename*=UTF-16''%00a\r\n"),
                        ParseError.MULTIPART_MALFORMED),

                // Delimiter lines (RFC 2046 §5.1.1)
                Arguments.of("boundary followed by a bare LF", "--b0undary\n" + FIELD + "\r\nvalue" + END,
                        ParseError.MULTIPART_MALFORMED),
                Arguments.of("boundary followed by other text", "--b0undaryX\r\n" + FIELD + "\r\nvalue" + END,
                        ParseError.MULTIPART_MALFORMED),
                Arguments.of("padding then text", "--b0undary \tX\r\n" + FIELD + "\r\nvalue" + END,
                        ParseError.MULTIPART_MALFORMED),
                Arguments.of("CR without LF after the boundary", "--b0undary\r\r\n" + FIELD + "\r\nvalue" + END,
                        ParseError.MULTIPART_MALFORMED),
                Arguments.of("a single dash after the boundary", START + FIELD + "\r\nvalue\r\n--b0undary-\r\n",
                        ParseError.MULTIPART_MALFORMED),
                Arguments.of("the delimiter inside content, longer boundary after it",
                        START + FIELD + "\r\nval\r\n--b0undaryue" + END, ParseError.MULTIPART_MALFORMED),

                // Bodies that end too soon
                Arguments.of("empty body", "", ParseError.MULTIPART_MALFORMED),
                Arguments.of("no boundary at all", "just text\r\n", ParseError.MULTIPART_MALFORMED),
                Arguments.of("boundary with a different case", "--B0UNDARY\r\n" + FIELD + "\r\nvalue\r\n--B0UNDARY--",
                        ParseError.MULTIPART_MALFORMED),
                Arguments.of("no close delimiter", START + FIELD + "\r\nvalue\r\n--b0und",
                        ParseError.MULTIPART_MALFORMED),
                Arguments.of("close delimiter without CRLF before it", START + FIELD + "\r\nvalue--b0undary--",
                        ParseError.MULTIPART_MALFORMED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void isRefusedForEverySplit(String description, String body, ParseError expected) {
        Result result = parse("b0undary", body);

        assertThat(result.outcome()).isEqualTo(expected.name());
        assertThat(result.parts()).noneMatch(MultipartFeed.ParsedPart::ended);
    }
}
