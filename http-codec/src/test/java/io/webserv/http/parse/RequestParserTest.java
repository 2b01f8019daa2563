package io.webserv.http.parse;

import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HostAndPort;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpVersion;
import io.webserv.http.message.RequestHead;
import io.webserv.http.message.RequestTarget;
import io.webserv.http.testing.ParserTranscript;
import io.webserv.http.testing.ParserTranscript.Message;
import io.webserv.http.testing.Splits;
import io.webserv.http.testing.Splits.Split;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Well-formed requests, each fed whole, byte by byte, cut at every index and in random chunks. */
class RequestParserTest {

    private static final String BROWSER_GET = """
            GET /docs/index.html?lang=en&q=a+b HTTP/1.1\r
            Host: www.example.com:8080\r
            Connection: keep-alive\r
            User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36\r
            Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r
            Accept-Encoding: gzip, deflate, br\r
            Accept-Language: en-US,en;q=0.9\r
            Cookie: session=abc123; theme=dark\r
            \r
            """;

    /** Parses {@code request} with every split and asserts they all agree; returns the common result. */
    private static ParserTranscript.Result parseEverySplit(String request, ParserLimits limits) {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        List<Split> splits = bytes.length < 600 ? Splits.exhaustive(bytes) : Splits.of(bytes);
        ParserTranscript.Result expected = ParserTranscript.run(splits.get(0).chunks(), limits);
        for (Split split : splits) {
            assertThat(ParserTranscript.run(split.chunks(), limits)).as(split.name()).isEqualTo(expected);
        }
        return expected;
    }

    private static ParserTranscript.Result parseEverySplit(String request) {
        return parseEverySplit(request, ParserLimits.DEFAULT);
    }

    private static Message onlyMessage(String request) {
        ParserTranscript.Result result = parseEverySplit(request);
        assertThat(result.error()).isNull();
        assertThat(result.messages()).hasSize(1);
        assertThat(result.messages().get(0).complete()).isTrue();
        return result.messages().get(0);
    }

    @Test
    void parsesABrowserGet() {
        RequestHead head = onlyMessage(BROWSER_GET).head();

        assertThat(head.method()).isSameAs(HttpMethod.GET);
        assertThat(head.version()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(head.target().form()).isEqualTo(RequestTarget.Form.ORIGIN);
        assertThat(head.target().path()).isEqualTo("/docs/index.html");
        assertThat(head.target().rawQuery()).isEqualTo("lang=en&q=a+b");
        assertThat(head.target().queryParameters().first("q")).isEqualTo("a b");
        assertThat(head.host()).isEqualTo(new HostAndPort("www.example.com", 8080));
        assertThat(head.headers().size()).isEqualTo(7);
        assertThat(head.headers().get("user-agent")).startsWith("Mozilla/5.0 (X11;").endsWith("Safari/537.36");
        assertThat(head.headers().get(HeaderNames.COOKIE)).isEqualTo("session=abc123; theme=dark");
        assertThat(head.hasBody()).isFalse();
        assertThat(head.keepAlive()).isTrue();
    }

    @Test
    void reusesHeaderValuesSeenBeforeThroughASharedCache() {
        HeaderValueCache cache = new HeaderValueCache(1024);
        RequestHead first = headThrough(new RequestParser(ParserLimits.DEFAULT, cache), BROWSER_GET);
        RequestHead second = headThrough(new RequestParser(ParserLimits.DEFAULT, cache), BROWSER_GET);
        RequestHead uncached = onlyMessage(BROWSER_GET).head();

        assertThat(second.headers()).isEqualTo(uncached.headers());
        for (int i = 0; i < first.headers().size(); i++) {
            assertThat(second.headers().value(i)).isSameAs(first.headers().value(i));
        }
        RequestHead other = headThrough(new RequestParser(ParserLimits.DEFAULT, cache),
                BROWSER_GET.replace("theme=dark", "theme=lite"));
        assertThat(other.headers().get("cookie")).isEqualTo("session=abc123; theme=lite");
    }

    @Test
    void reusesARepeatedRequestLineAndHostButParsesEveryNewOne() {
        HeaderValueCache cache = new HeaderValueCache(1024);
        RequestHead first = headThrough(new RequestParser(ParserLimits.DEFAULT, cache), BROWSER_GET);
        RequestHead second = headThrough(new RequestParser(ParserLimits.DEFAULT, cache), BROWSER_GET);
        assertThat(second.target()).isSameAs(first.target()).isEqualTo(onlyMessage(BROWSER_GET).head().target());
        assertThat(second.host()).isSameAs(first.host());

        String otherLine = BROWSER_GET.replaceFirst("GET /[^ ]* HTTP/1.1", "HEAD /a/../b%41?q=1 HTTP/1.0");
        RequestHead other = headThrough(new RequestParser(ParserLimits.DEFAULT, cache), otherLine);
        assertThat(other.method()).isEqualTo(HttpMethod.HEAD);
        assertThat(other.target().path()).isEqualTo("/bA");
        assertThat(other.target().rawQuery()).isEqualTo("q=1");
        assertThat(other.version()).isEqualTo(HttpVersion.HTTP_1_0);

        String otherHost = BROWSER_GET.replaceFirst("Host: [^\\r]*", "Host: other.example:8080");
        RequestHead elsewhere = headThrough(new RequestParser(ParserLimits.DEFAULT, cache), otherHost);
        assertThat(elsewhere.host().host()).isEqualTo("other.example");
        assertThat(elsewhere.host().port()).isEqualTo(8080);
    }

    @Test
    void aCommonNameWithoutItsColonOrWithABadByteIsStillRefused() {
        // Common names skip the byte-by-byte token check: the lookup must not let these through.
        assertThat(parseEverySplit("GET / HTTP/1.1\r\nHost: a\r\nAccept\r\n\r\n").error())
                .isEqualTo(ParseError.HEADER_COLON_MISSING.name());
        assertThat(parseEverySplit("GET / HTTP/1.1\r\nHost: a\r\nAcc\u00e9pt: x\r\n\r\n").error())
                .isEqualTo(ParseError.HEADER_NAME_INVALID.name());
        assertThat(parseEverySplit("GET / HTTP/1.1\r\nHost: a\r\nAccept : x\r\n\r\n").error())
                .isEqualTo(ParseError.WHITESPACE_BEFORE_COLON.name());
        assertThat(parseEverySplit("GET / HTTP/1.1\r\nHost: a\r\nACCEPT: x\r\n\r\n").messages().get(0).head()
                .headers().name(1)).isSameAs(HeaderNames.ACCEPT);
    }

    @Test
    void aBadRequestLineOrHostIsRefusedEveryTimeThroughTheCache() {
        HeaderValueCache cache = new HeaderValueCache(1024);
        for (int round = 0; round < 2; round++) {
            RequestParser badLine = new RequestParser(ParserLimits.DEFAULT, cache);
            assertThat(badLine.parse(ascii("GET /x HTTP/2.0\r\nHost: a\r\n\r\n"))).isEqualTo(ParseResult.ERROR);
            assertThat(badLine.error()).isEqualTo(ParseError.VERSION_NOT_SUPPORTED);
            RequestParser badHost = new RequestParser(ParserLimits.DEFAULT, cache);
            assertThat(badHost.parse(ascii("GET /x HTTP/1.1\r\nHost: a b\r\n\r\n"))).isEqualTo(ParseResult.ERROR);
            assertThat(badHost.error()).isEqualTo(ParseError.HOST_INVALID);
            assertThat(headThrough(new RequestParser(ParserLimits.DEFAULT, cache), "GET /x HTTP/1.1\r\nHost: a\r\n\r\n")
                    .host().host()).isEqualTo("a");
        }
    }

    private static RequestHead headThrough(RequestParser parser, String request) {
        assertThat(parser.parse(ascii(request))).isEqualTo(ParseResult.HEAD);
        return parser.head();
    }

    @Test
    void canonicalisesCommonHeaderNamesAndKeepsOthersAsSent() {
        RequestHead head = onlyMessage("GET / HTTP/1.1\r\nhOsT: a\r\nX-Custom-Thing: 1\r\n\r\n").head();

        assertThat(head.headers().name(0)).isSameAs(HeaderNames.HOST);
        assertThat(head.headers().name(1)).isEqualTo("X-Custom-Thing");
    }

    @Test
    void trimsOptionalWhitespaceAndKeepsTabsAndObsTextInsideValues() {
        RequestHead head = onlyMessage("GET / HTTP/1.1\r\nHost: a\r\nX-A: \t one\ttwo \u00e9\u00ff \t\r\nX-Empty:\r\n\r\n").head();

        assertThat(head.headers().get("x-a")).isEqualTo("one\ttwo \u00e9\u00ff");
        assertThat(head.headers().get("x-empty")).isEmpty();
    }

    @Test
    void readsAContentLengthBody() {
        Message message = onlyMessage("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhello world");

        assertThat(message.head().contentLength()).isEqualTo(11);
        assertThat(message.bodyText()).isEqualTo("hello world");
    }

    @Test
    void acceptsLeadingZerosInContentLength() {
        assertThat(onlyMessage("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 007\r\n\r\n1234567").bodyText()).isEqualTo("1234567");
    }

    @Test
    void decodesChunkedBodiesWithExtensionsAndTrailers() {
        Message message = onlyMessage("""
                POST /cgi-bin/echo.py HTTP/1.1\r
                Host: a\r
                Transfer-Encoding: chunked\r
                \r
                5;name=value\r
                hello\r
                1 ; quoted="a \\"b\\" c" ;flag\r
                \s\r
                A\r
                0123456789\r
                0\r
                Expires: never\r
                X-Checksum: abc\r
                \r
                """);

        assertThat(message.head().isChunked()).isTrue();
        assertThat(message.bodyText()).isEqualTo("hello 0123456789");
    }

    @Test
    void acceptsTransferEncodingInAnyCaseAndAcrossEmptyListElements() {
        assertThat(onlyMessage("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: , CHUNKED\r\n\r\n1\r\nx\r\n0\r\n\r\n").bodyText())
                .isEqualTo("x");
    }

    @Test
    void answersPipelinedRequestsInOrder() {
        ParserTranscript.Result result = parseEverySplit(
                "GET /one HTTP/1.1\r\nHost: a\r\n\r\n"
                        + "POST /two HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
                        + "POST /three HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\n\r\n"
                        + "\r\nDELETE /four HTTP/1.1\r\nHost: a\r\n\r\n");

        assertThat(result.error()).isNull();
        assertThat(result.messages()).extracting(m -> m.head().target().path())
                .containsExactly("/one", "/two", "/three", "/four");
        assertThat(result.messages()).extracting(Message::bodyText).containsExactly("", "abc", "de", "");
    }

    @Test
    void reportsAnIncompleteMessageWithoutError() {
        ParserTranscript.Result result = parseEverySplit("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhalf");

        assertThat(result.error()).isNull();
        assertThat(result.messages()).singleElement().satisfies(m -> {
            assertThat(m.complete()).isFalse();
            assertThat(m.bodyText()).isEqualTo("half");
        });
    }

    @Test
    void ignoresOneEmptyLineBeforeTheRequestLine() {
        assertThat(onlyMessage("\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n").head().target().path()).isEqualTo("/");
    }

    @Test
    void servesHttp1xAsHttp11AndKnowsHttp10() {
        assertThat(onlyMessage("GET / HTTP/1.7\r\nHost: a\r\n\r\n").head().version()).isEqualTo(HttpVersion.HTTP_1_1);
        RequestHead old = onlyMessage("GET / HTTP/1.0\r\n\r\n").head();
        assertThat(old.version()).isEqualTo(HttpVersion.HTTP_1_0);
        assertThat(old.host()).isNull();
        assertThat(old.keepAlive()).isFalse();
        assertThat(onlyMessage("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").head().keepAlive()).isTrue();
        assertThat(onlyMessage("GET / HTTP/1.1\r\nHost: a\r\nConnection: upgrade, close\r\n\r\n").head().keepAlive()).isFalse();
    }

    @Test
    void takesTheHostOfAnAbsoluteFormTarget() {
        RequestHead head = onlyMessage("GET http://Example.ORG:81/a/b?c HTTP/1.1\r\nHost: other\r\n\r\n").head();

        assertThat(head.target().form()).isEqualTo(RequestTarget.Form.ABSOLUTE);
        assertThat(head.target().path()).isEqualTo("/a/b");
        assertThat(head.target().rawQuery()).isEqualTo("c");
        assertThat(head.host()).isEqualTo(new HostAndPort("Example.ORG", 81));
    }

    @Test
    void acceptsTheAsteriskFormForOptions() {
        RequestHead head = onlyMessage("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n").head();

        assertThat(head.target().form()).isEqualTo(RequestTarget.Form.ASTERISK);
        assertThat(head.method()).isSameAs(HttpMethod.OPTIONS);
    }

    @Test
    void keepsExtensionMethodsForTheServerToAnswer() {
        RequestHead head = onlyMessage("BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n").head();

        assertThat(head.method().name()).isEqualTo("BREW");
        assertThat(head.method().isStandard()).isFalse();
    }

    @Test
    void normalisesThePath() {
        assertThat(onlyMessage("GET /a/./b/../c//d%20e/%2e%2e/f HTTP/1.1\r\nHost: a\r\n\r\n").head().target().path())
                .isEqualTo("/a/c/f");
    }

    @Test
    void knowsWhenTheClientExpects100Continue() {
        assertThat(onlyMessage("PUT /f HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\nx")
                .head().expectsContinue()).isTrue();
        assertThat(onlyMessage("GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n").head().expectsContinue()).isFalse();
    }

    @Test
    void appliesAPerMessageBodyLimitSetAfterTheHead() {
        RequestParser parser = new RequestParser();
        ByteBuffer in = ascii("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
                + "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello");

        assertThat(parser.parse(in)).isEqualTo(ParseResult.HEAD);
        parser.limitBody(5);
        assertThat(parser.parse(in)).isEqualTo(ParseResult.CONTENT);
        assertThat(parser.parse(in)).isEqualTo(ParseResult.MESSAGE_COMPLETE);
        assertThat(parser.parse(in)).isEqualTo(ParseResult.HEAD);
        parser.limitBody(4);
        assertThat(parser.parse(in)).isEqualTo(ParseResult.ERROR);
        assertThat(parser.error()).isEqualTo(ParseError.BODY_TOO_LARGE);
        assertThat(parser.error().status().code()).isEqualTo(413);
    }

    @Test
    void stopsAChunkedBodyAsSoonAsAChunkSizeCrossesTheLimit() {
        RequestParser parser = new RequestParser(ParserLimits.DEFAULT.withMaxBodyBytes(8));
        ByteBuffer in = ascii("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n4\r\n");

        assertThat(parser.parse(in)).isEqualTo(ParseResult.HEAD);
        assertThat(parser.parse(in)).isEqualTo(ParseResult.CONTENT);
        assertThat(parser.parse(in)).isEqualTo(ParseResult.ERROR);
        assertThat(parser.error()).isEqualTo(ParseError.BODY_TOO_LARGE);
    }

    @Test
    void handsOutBodyBytesAsSlicesOfTheInputWithoutCopying() {
        RequestParser parser = new RequestParser();
        byte[] wire = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer in = ByteBuffer.wrap(wire);

        assertThat(parser.parse(in)).isEqualTo(ParseResult.HEAD);
        assertThat(parser.parse(in)).isEqualTo(ParseResult.CONTENT);
        wire[wire.length - 4] = 'B';
        assertThat(StandardCharsets.US_ASCII.decode(parser.content()).toString()).isEqualTo("Body");
    }

    @Test
    void streamsALargeRandomBodyThroughEverySplitUnchanged() {
        byte[] payload = new byte[200_000];
        new Random(5).nextBytes(payload);
        StringBuilder chunkedBody = new StringBuilder();
        String payloadText = new String(payload, StandardCharsets.ISO_8859_1);
        for (int i = 0, size = 1; i < payload.length; i += size, size = size * 3 % 9001 + 1) {
            int n = Math.min(size, payload.length - i);
            chunkedBody.append(Integer.toHexString(n)).append("\r\n").append(payloadText, i, i + n).append("\r\n");
        }
        chunkedBody.append("0\r\n\r\n");
        ParserLimits unlimited = ParserLimits.DEFAULT.withMaxBodyBytes(0);

        ParserTranscript.Result chunked = parseEverySplit(
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkedBody, unlimited);
        ParserTranscript.Result fixed = parseEverySplit(
                "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + payload.length + "\r\n\r\n" + payloadText, unlimited);

        assertThat(chunked.messages().get(0).body()).isEqualTo(payload);
        assertThat(fixed.messages().get(0).body()).isEqualTo(payload);
    }

    @Test
    void tellsWhetherARequestIsUnderway() {
        RequestParser parser = new RequestParser();
        assertThat(parser.isMidMessage()).isFalse();
        assertThat(parser.parse(ascii("GET / HT"))).isEqualTo(ParseResult.NEED_MORE_INPUT);
        assertThat(parser.isMidMessage()).isTrue();
        assertThat(parser.parse(ascii("TP/1.1\r\nHost: a\r\n\r\n"))).isEqualTo(ParseResult.HEAD);
        assertThat(parser.parse(ascii(""))).isEqualTo(ParseResult.MESSAGE_COMPLETE);
        assertThat(parser.isMidMessage()).isFalse();
    }

    @Test
    void staysFailedAfterAnErrorUntilReset() {
        RequestParser parser = new RequestParser();
        assertThat(parser.parse(ascii("GET / HTTP/1.1\nHost: a\r\n\r\n"))).isEqualTo(ParseResult.ERROR);
        assertThat(parser.parse(ascii("GET / HTTP/1.1\r\nHost: a\r\n\r\n"))).isEqualTo(ParseResult.ERROR);
        assertThat(parser.hasFailed()).isTrue();

        parser.reset();

        assertThat(parser.parse(ascii("GET / HTTP/1.1\r\nHost: a\r\n\r\n"))).isEqualTo(ParseResult.HEAD);
        assertThat(parser.error()).isNull();
    }

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aLargeHeadOrTrailerSectionIsNotKeptOnceTheMessageIsComplete() {
        // The parser stays with its connection while it idles: it must not keep the arrays a large
        // request needed (up to limits.header_bytes for a head, 16 KiB of trailers).
        RequestParser parser = new RequestParser();
        String bigHead = "GET / HTTP/1.1\r\nHost: a\r\nCookie: " + "c".repeat(12_000) + "\r\n\r\n";
        String bigTrailers = "POST /u HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n0\r\nX-Trailer: " + "t".repeat(12_000) + "\r\n\r\n";
        ByteBuffer in = ByteBuffer.wrap((bigHead + bigTrailers).getBytes(StandardCharsets.ISO_8859_1));

        assertThat(parser.parse(in)).isEqualTo(ParseResult.HEAD);
        assertThat(parser.head().headers().get("Cookie")).hasSize(12_000);
        assertThat(parser.retainedCapacity()).isZero();
        assertThat(parser.parse(in)).isEqualTo(ParseResult.MESSAGE_COMPLETE);
        assertThat(parser.head()).as("the parsed fields are the caller's now").isNull();
        assertThat(parser.parse(in)).isEqualTo(ParseResult.HEAD);
        assertThat(parser.parse(in)).isEqualTo(ParseResult.CONTENT);
        assertThat(parser.parse(in)).isEqualTo(ParseResult.MESSAGE_COMPLETE);
        assertThat(parser.retainedCapacity()).isZero();
        assertThat(parser.head()).isNull();
    }

    @Test
    void anIdleParserHoldsNoArrayAndABusyThreadReusesOne() {
        // Between requests a keep-alive connection's parser holds nothing (measured: ~1 KiB less per idle
        // connection); the arrays go back to the thread's spares and the next request takes one again.
        RequestParser parser = new RequestParser();
        assertThat(parser.retainedCapacity()).as("new").isZero();
        ByteBuffer in = ByteBuffer.wrap("GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHo".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(parser.parse(in)).isEqualTo(ParseResult.HEAD);
        assertThat(parser.retainedCapacity()).as("head parsed").isZero();
        assertThat(parser.parse(in)).isEqualTo(ParseResult.MESSAGE_COMPLETE);
        assertThat(parser.parse(in)).isEqualTo(ParseResult.NEED_MORE_INPUT);
        assertThat(parser.retainedCapacity()).as("in the middle of a head").isGreaterThanOrEqualTo(SpareLineArrays.MIN_CAPACITY);
        assertThat(parser.parse(ByteBuffer.wrap("st: a\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))).isEqualTo(ParseResult.HEAD);
        assertThat(parser.head().target().path()).isEqualTo("/b");
        assertThat(parser.retainedCapacity()).isZero();
    }
}
