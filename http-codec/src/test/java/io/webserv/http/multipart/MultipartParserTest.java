package io.webserv.http.multipart;

import static io.webserv.http.multipart.MultipartFeed.bytes;
import static io.webserv.http.multipart.MultipartFeed.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webserv.http.multipart.MultipartFeed.ParsedPart;
import io.webserv.http.multipart.MultipartFeed.Result;
import io.webserv.http.parse.ParseError;
import io.webserv.http.testing.Splits;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Well-formed bodies and limits, each fed whole, byte by byte, in random chunks and (short ones) cut at every index. */
class MultipartParserTest {

    private static final String B = "XyZ123";
    private static final String FIELD = "Content-Disposition: form-data; name=\"title\"\r\n";

    private static Result parseExhaustively(String body) {
        return parse(B, MultipartLimits.DEFAULTS, Splits.exhaustive(bytes(body)));
    }

    private static ParsedPart field(String name, String content) {
        return new ParsedPart(name, null, "text/plain", "{Content-Disposition: form-data; name=\"" + name + "\"}", content, true);
    }

    @Test
    void oneFieldPart() {
        String body = "--XyZ123\r\n" + FIELD + "\r\nHello, world\r\n--XyZ123--\r\n";

        assertThat(parseExhaustively(body)).isEqualTo(new Result(List.of(field("title", "Hello, world")), "END"));
    }

    @Test
    void filePartWithBinaryContentThatLooksLikeDelimiters() {
        // NUL, CR, LF, "--", bare CRs, "--XyZ123" after a bare LF (no delimiter: that needs CRLF), every
        // proper prefix of the delimiter, and a CR as the last byte before the real delimiter.
        String data = "\u0000\u00ff\r\n\r\r\n-\r\n--\r\n--X\r\n--XyZ12\n--XyZ123 ok?\r\r\n--XyZ12\r\r";
        String body = "--XyZ123\r\n"
                + "Content-Disposition: form-data; name=\"upload\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "\r\n"
                + data
                + "\r\n--XyZ123--";

        Result result = parseExhaustively(body);

        assertThat(result.outcome()).isEqualTo("END");
        assertThat(result.parts()).singleElement().satisfies(part -> {
            assertThat(part.name()).isEqualTo("upload");
            assertThat(part.filename()).isEqualTo("a.bin");
            assertThat(part.contentType()).isEqualTo("application/octet-stream");
            assertThat(part.content()).isEqualTo(data);
            assertThat(part.ended()).isTrue();
        });
    }

    @Test
    void severalParts() {
        String body = "--XyZ123\r\n" + FIELD + "\r\nfirst\r\n"
                + "--XyZ123\r\n"
                + "content-disposition: form-data; name=\"doc\"; filename=\"notes.txt\"\r\n"
                + "content-type: text/markdown\r\n"
                + "X-Extra:  kept, trimmed \t\r\n"
                + "\r\n# notes\r\n\r\n"
                + "--XyZ123\r\n"
                + "Content-Disposition: form-data; name=\"last\"\r\n\r\nthird"
                + "\r\n--XyZ123--";

        Result result = parseExhaustively(body);

        assertThat(result).isEqualTo(new Result(List.of(
                field("title", "first"),
                new ParsedPart("doc", "notes.txt", "text/markdown",
                        "{content-disposition: form-data; name=\"doc\"; filename=\"notes.txt\", "
                                + "content-type: text/markdown, X-Extra: kept, trimmed}",
                        "# notes\r\n", true),
                field("last", "third")), "END"));
    }

    @Test
    void preambleAndEpilogueAreDiscarded() {
        // The preamble holds the boundary, but never right after a CRLF; the epilogue holds a whole
        // delimiter and garbage, which must not start a new part.
        String body = "This is the preamble. --XyZ123\r\n-\r\n--XyZ12\r\n--XyZ123\r\n" + FIELD + "\r\nvalue"
                + "\r\n--XyZ123--   \r\nepilogue\r\n--XyZ123\r\n" + FIELD + "\r\n\u0000junk";

        assertThat(parseExhaustively(body)).isEqualTo(new Result(List.of(field("title", "value")), "END"));
    }

    @Test
    void emptyPreambleEndedByItsCrlf() {
        String body = "\r\n--XyZ123\r\n" + FIELD + "\r\nvalue\r\n--XyZ123--";

        assertThat(parseExhaustively(body)).isEqualTo(new Result(List.of(field("title", "value")), "END"));
    }

    @Test
    void emptyContentAndTransportPadding() {
        // Padding (SP / HTAB) after a boundary is never generated but must be accepted (RFC 2046 §5.1.1).
        String body = "--XyZ123 \t\r\n" + FIELD + "\r\n"
                + "\r\n--XyZ123\t\r\n"
                + "Content-Disposition: form-data; name=\"b\"\r\n\r\n"
                + "\r\n--XyZ123--";

        assertThat(parseExhaustively(body)).isEqualTo(new Result(List.of(field("title", ""), field("b", "")), "END"));
    }

    @Test
    void bodyWithNoPart() {
        assertThat(parseExhaustively("--XyZ123--\r\n")).isEqualTo(new Result(List.of(), "END"));
    }

    @Test
    void quotedBoundaryFromContentType() {
        String boundary = new String(MultipartParser.boundaryOf(
                "multipart/form-data; boundary=\"gc0p4Jq0M2Yt08j:34c0p ?\""), StandardCharsets.US_ASCII);
        String body = "--gc0p4Jq0M2Yt08j:34c0p ?\r\n" + FIELD + "\r\nv\r\n--gc0p4Jq0M2Yt08j:34c0p--\r\n"
                + "--gc0p4Jq0M2Yt08j:34c0p ?--";

        Result result = parse(boundary, MultipartLimits.DEFAULTS, Splits.exhaustive(bytes(body)));

        assertThat(result).isEqualTo(new Result(List.of(field("title", "v\r\n--gc0p4Jq0M2Yt08j:34c0p--")), "END"));
    }

    @Test
    void fileNamesAreDecodedNotSanitised() {
        String utf8Name = new String("ré/../ü.txt".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String body = "--XyZ123\r\n"
                + "Content-Disposition: form-data; name=\"a\"; filename=\"" + utf8Name + "\"\r\n\r\n1"
                + "\r\n--XyZ123\r\n"
                + "Content-Disposition: form-data; name=\"b\"; filename=\"fallback.txt\"; filename*=UTF-8''%E2%82%AC%20rates.txt\r\n\r\n2"
                + "\r\n--XyZ123\r\n"
                + "Content-Disposition: form-data; name=\"c\"; filename=\"C:\\\\dir\\\\q\\\"uote.txt\"\r\n\r\n3"
                + "\r\n--XyZ123--";

        Result result = parse(B, body);

        assertThat(result.outcome()).isEqualTo("END");
        assertThat(result.parts()).extracting(ParsedPart::filename)
                .containsExactly("ré/../ü.txt", "€ rates.txt", "C:\\dir\\q\"uote.txt");
    }

    @Test
    void partHeadersUpToTheLimitPassAndOneByteMoreFails() {
        String headers = FIELD + "\r\n";
        String body = "--XyZ123\r\n" + headers + "v\r\n--XyZ123--";

        Result atLimit = parse(B, new MultipartLimits(headers.length(), 10), Splits.of(bytes(body)));
        Result overLimit = parse(B, new MultipartLimits(headers.length() - 1, 10), Splits.of(bytes(body)));

        assertThat(atLimit).isEqualTo(new Result(List.of(field("title", "v")), "END"));
        assertThat(overLimit).isEqualTo(new Result(List.of(), ParseError.MULTIPART_PART_HEADERS_TOO_LARGE.name()));
    }

    @Test
    void partsBeyondTheLimitFailAfterTheLastAllowedPartEnds() {
        String part = "--XyZ123\r\n" + FIELD + "\r\nv\r\n";
        String body = part + part + part + "--XyZ123--";

        Result twoAllowed = parse(B, new MultipartLimits(1024, 2), Splits.of(bytes(body)));
        Result threeAllowed = parse(B, new MultipartLimits(1024, 3), Splits.of(bytes(body)));

        assertThat(twoAllowed).isEqualTo(new Result(List.of(field("title", "v"), field("title", "v")),
                ParseError.BODY_TOO_LARGE.name()));
        assertThat(threeAllowed.parts()).hasSize(3);
        assertThat(threeAllowed.outcome()).isEqualTo("END");
    }

    @Test
    void everyBodyCutBeforeItsCloseDelimiterIsMalformed() {
        String body = "pre\r\n--XyZ123\r\n" + FIELD + "\r\nab\r\n--XyZ123\r\n" + FIELD + "\r\n\r\n--XyZ123--";
        for (int end = 0; end < body.length(); end++) {
            Result cut = parse(B, body.substring(0, end));
            assertThat(cut.outcome()).as("cut at %d", end).isEqualTo(ParseError.MULTIPART_MALFORMED.name());
            assertThat(cut.parts()).as("cut at %d", end).allSatisfy(part -> assertThat(part.content()).isIn("", "a", "ab"));
        }
        assertThat(parse(B, body).outcome()).isEqualTo("END");
    }

    @Test
    void largePartIsStreamedWithoutBeingHeldBack() {
        byte[] data = new byte[1 << 20];
        new Random(20240601L).nextBytes(data);
        byte[] head = bytes("--XyZ123\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.bin\"\r\n\r\n");
        byte[] tail = bytes("\r\n--XyZ123--\r\n");
        byte[] body = ByteBuffer.allocate(head.length + data.length + tail.length).put(head).put(data).put(tail).array();

        for (Splits.Split split : Splits.of(body)) {
            MultipartParser parser = new MultipartParser(bytes(B), MultipartLimits.DEFAULTS);
            int mostHeld = parser.delimiterLength() - 1;
            List<Long> lags = new ArrayList<>();
            Result result = MultipartFeed.run(parser, split.chunks(), (fed, emitted) -> {
                long contentFed = Math.max(0, Math.min(fed - head.length, data.length));
                lags.add(contentFed - emitted);
            });

            assertThat(result.outcome()).as("split %s", split).isEqualTo("END");
            assertThat(result.parts()).as("split %s", split).singleElement()
                    .satisfies(part -> assertThat(Arrays.mismatch(bytes(part.content()), data)).as("first wrong byte").isEqualTo(-1));
            // Each content byte fed comes out before the next buffer is asked for, but a delimiter prefix.
            assertThat(lags).as("split %s", split).allSatisfy(lag -> assertThat(lag).isBetween(0L, (long) mostHeld));
        }
    }

    @Test
    void contentIsZeroCopyFromTheInput() {
        String text = "--XyZ123\r\n" + FIELD + "\r\n0123456789\r\n--XyZ123--";
        byte[] body = bytes(text);
        ByteBuffer in = ByteBuffer.wrap(body);
        MultipartParser parser = new MultipartParser(bytes(B), MultipartLimits.DEFAULTS);

        assertThat(parser.parse(in)).isEqualTo(MultipartEvent.PART_HEADERS);
        assertThat(parser.parse(in)).isEqualTo(MultipartEvent.PART_CONTENT);
        body[text.indexOf('0')] = '#'; // the '0' of the content, written after the slice was taken

        assertThat(StandardCharsets.ISO_8859_1.decode(parser.content()).toString()).isEqualTo("#123456789");
        assertThat(parser.parse(in)).isEqualTo(MultipartEvent.PART_END);
        assertThat(parser.parse(in)).isEqualTo(MultipartEvent.END);
    }

    @Test
    void constructorRefusesAnInvalidBoundary() {
        assertThatThrownBy(() -> new MultipartParser(bytes("a\rb"), MultipartLimits.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MultipartParser(bytes("x".repeat(71)), MultipartLimits.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MultipartLimits(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
