package io.webserv.http.write;

import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.HttpVersion;
import io.webserv.http.parse.ParserLimits;
import io.webserv.http.syntax.DateHeader;
import io.webserv.http.testing.ParserTranscript;
import io.webserv.http.testing.Splits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseSerializerTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("1994-11-06T08:49:37Z"), ZoneOffset.UTC);

    private final ResponseSerializer serializer = new ResponseSerializer(new DateHeader(FIXED), "webserv");

    private String encode(ResponseHead response, HttpMethod method, HttpVersion version, boolean keepAlive) {
        return StandardCharsets.ISO_8859_1.decode(serializer.encodeHead(response, method, version, keepAlive)).toString();
    }

    private static ResponseHead ok(long length) {
        return new ResponseHead(HttpStatus.OK, new HttpHeaders().add("Content-Type", "text/plain"), length);
    }

    @Test
    void writesStatusLineHandlerHeadersDateServerAndLength() {
        assertThat(encode(ok(5), HttpMethod.GET, HttpVersion.HTTP_1_1, true)).isEqualTo("""
                HTTP/1.1 200 OK\r
                Content-Type: text/plain\r
                Date: Sun, 06 Nov 1994 08:49:37 GMT\r
                Server: webserv\r
                Content-Length: 5\r
                \r
                """);
        assertThat(serializer.framing()).isEqualTo(BodyFraming.FIXED);
        assertThat(serializer.closeAfter()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 9, 10, 99, 100, 4096, 1_048_576, 1_234_567_890_123L, Long.MAX_VALUE})
    void writesEveryContentLengthInDecimal(long length) {
        assertThat(encode(ok(length), HttpMethod.GET, HttpVersion.HTTP_1_1, true))
                .contains("\r\nContent-Length: " + length + "\r\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 204, 206, 304, 404, 599})
    void writesTheStatusCode(int code) {
        assertThat(encode(new ResponseHead(HttpStatus.of(code), new HttpHeaders(), 0), HttpMethod.GET, HttpVersion.HTTP_1_1, true))
                .startsWith("HTTP/1.1 " + code + " ");
    }

    @Test
    void chunksAnUnknownLengthForHttp11() {
        assertThat(encode(ok(-1), HttpMethod.GET, HttpVersion.HTTP_1_1, true)).contains("Transfer-Encoding: chunked\r\n")
                .doesNotContain("Content-Length");
        assertThat(serializer.framing()).isEqualTo(BodyFraming.CHUNKED);
    }

    @Test
    void delimitsAnUnknownLengthByClosingForHttp10() {
        String head = encode(ok(-1), HttpMethod.GET, HttpVersion.HTTP_1_0, true);

        assertThat(head).startsWith("HTTP/1.0 200 OK\r\n").contains("Connection: close\r\n")
                .doesNotContain("Transfer-Encoding").doesNotContain("Content-Length");
        assertThat(serializer.framing()).isEqualTo(BodyFraming.UNTIL_CLOSE);
        assertThat(serializer.closeAfter()).isTrue();
    }

    @Test
    void keepsAnHttp10ConnectionOpenOnlyWhenAskedAndSaysSo() {
        assertThat(encode(ok(1), HttpMethod.GET, HttpVersion.HTTP_1_0, true)).contains("Connection: keep-alive\r\n");
        assertThat(encode(ok(1), HttpMethod.GET, HttpVersion.HTTP_1_0, false)).contains("Connection: close\r\n");
        assertThat(serializer.closeAfter()).isTrue();
    }

    @Test
    void answersHeadWithTheLengthButNoBody() {
        assertThat(encode(ok(1234), HttpMethod.HEAD, HttpVersion.HTTP_1_1, true)).contains("Content-Length: 1234\r\n");
        assertThat(serializer.framing()).isEqualTo(BodyFraming.NONE);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101, 204, 304})
    void neverFramesABodyFor1xx204And304(int code) {
        String head = encode(new ResponseHead(HttpStatus.of(code), 42), HttpMethod.GET, HttpVersion.HTTP_1_1, true);

        assertThat(head).doesNotContain("Content-Length").doesNotContain("Transfer-Encoding");
        assertThat(serializer.framing()).isEqualTo(BodyFraming.NONE);
    }

    @Test
    void saysCloseWhenTheConnectionWillClose() {
        assertThat(encode(ok(0), HttpMethod.GET, HttpVersion.HTTP_1_1, false)).contains("Connection: close\r\n");
        assertThat(serializer.framing()).isEqualTo(BodyFraming.NONE);
    }

    @Test
    void refusesFramingHeadersFromHandlers() {
        ResponseHead response = new ResponseHead(HttpStatus.OK, new HttpHeaders().add("content-length", "3"), 3);

        assertThatThrownBy(() -> serializer.encodeHead(response, HttpMethod.GET, HttpVersion.HTTP_1_1, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nSet-Cookie: evil=1", "a\nb", "a\0b", "a\u0100b"})
    void refusesHeaderValuesThatWouldSplitTheResponse(String value) {
        ResponseHead response = new ResponseHead(HttpStatus.FOUND, new HttpHeaders().add("Location", value), 0);

        assertThatThrownBy(() -> serializer.encodeHead(response, HttpMethod.GET, HttpVersion.HTTP_1_1, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesHeaderNamesThatAreNotTokens() {
        ResponseHead response = new ResponseHead(HttpStatus.OK, new HttpHeaders().add("Bad Name", "x"), 0);

        assertThatThrownBy(() -> serializer.encodeHead(response, HttpMethod.GET, HttpVersion.HTTP_1_1, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The pre-encoded names are found by value, so a name built at run time counts as the constant. */
    @Test
    void takesTheHandlersDateAndServerHoweverTheNameIsSpelledOrBuilt() {
        HttpHeaders headers = new HttpHeaders()
                .add(new String("Date".toCharArray()), "Mon, 07 Nov 1994 00:00:00 GMT")
                .add("server", "proxy");

        String head = encode(new ResponseHead(HttpStatus.OK, headers, 0), HttpMethod.GET, HttpVersion.HTTP_1_1, true);

        assertThat(head).isEqualTo("""
                HTTP/1.1 200 OK\r
                Date: Mon, 07 Nov 1994 00:00:00 GMT\r
                server: proxy\r
                Content-Length: 0\r
                \r
                """);
    }

    @Test
    void writesNamesAsTheHandlerSpelledThem() {
        HttpHeaders headers = new HttpHeaders().add("content-type", "text/plain").add("X-Trace", "1").add("ETag", "\"a\"");

        assertThat(encode(new ResponseHead(HttpStatus.OK, headers, 0), HttpMethod.GET, HttpVersion.HTTP_1_1, true))
                .startsWith("HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nX-Trace: 1\r\nETag: \"a\"\r\nDate: ");
    }

    /** Status lines are cached by code and version; a status with its own reason is written with it. */
    @Test
    void writesTheReasonOfEachStatusThoughTheCodeIsTheSame() {
        HttpStatus fine = new HttpStatus(200, "Fine");

        assertThat(encode(ok(0), HttpMethod.GET, HttpVersion.HTTP_1_1, true)).startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(encode(new ResponseHead(fine, new HttpHeaders(), 0), HttpMethod.GET, HttpVersion.HTTP_1_1, true))
                .startsWith("HTTP/1.1 200 Fine\r\n");
        assertThat(encode(ok(0), HttpMethod.GET, HttpVersion.HTTP_1_0, true)).startsWith("HTTP/1.0 200 OK\r\n");
        assertThat(encode(ok(0), HttpMethod.GET, HttpVersion.HTTP_1_1, true)).startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(encode(new ResponseHead(new HttpStatus(299, ""), new HttpHeaders(), 0), HttpMethod.GET, HttpVersion.HTTP_1_1, true))
                .startsWith("HTTP/1.1 299 \r\n");
    }

    @Test
    void refusesAServerNameThatWouldSplitTheResponse() {
        assertThatThrownBy(() -> new ResponseSerializer(new DateHeader(FIXED), "webserv\r\nSet-Cookie: a=1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsTheDateOncePerSecond() {
        DateHeader date = new DateHeader(FIXED);

        assertThat(date.currentBytes()).isSameAs(date.currentBytes());
        assertThat(date.current()).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    /** Header fields the serializer writes read back identically through the request parser. */
    @Test
    void headerFieldsRoundTripThroughTheParser() {
        HttpHeaders sent = new HttpHeaders()
                .add("Content-Type", "text/html; charset=utf-8")
                .add("Set-Cookie", "a=1; Path=/")
                .add("Set-Cookie", "b=2")
                .add("X-Obs-Text", "caf\u00e9 \tdone")
                .add("Empty", "");
        String head = encode(new ResponseHead(HttpStatus.OK, sent, 0), HttpMethod.GET, HttpVersion.HTTP_1_1, true);
        String fields = head.substring(head.indexOf("\r\n") + 2);

        ParserTranscript.Result parsed = ParserTranscript.run(
                Splits.of(("GET / HTTP/1.1\r\nHost: h\r\n" + fields).getBytes(StandardCharsets.ISO_8859_1)).get(1).chunks());

        HttpHeaders received = parsed.messages().get(0).head().headers();
        assertThat(received.getAll("set-cookie")).containsExactly("a=1; Path=/", "b=2");
        assertThat(received.get("x-obs-text")).isEqualTo("caf\u00e9 \tdone");
        assertThat(received.get("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(received.get("empty")).isEmpty();
        assertThat(received.get("date")).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    /** A body the chunked encoder writes decodes to the same bytes through the request parser, for every split. */
    @Test
    void chunkedBodiesRoundTripThroughTheParser() {
        byte[] payload = new byte[70_000];
        new Random(11).nextBytes(payload);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes("PUT /f HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0, size = 1; i < payload.length; i += size, size = size * 7 % 20_011 + 1) {
            for (ByteBuffer part : ChunkedEncoder.chunk(ByteBuffer.wrap(payload, i, Math.min(size, payload.length - i)))) {
                byte[] bytes = new byte[part.remaining()];
                part.get(bytes);
                wire.writeBytes(bytes);
            }
        }
        ByteBuffer last = ChunkedEncoder.lastChunk();
        wire.writeBytes(StandardCharsets.US_ASCII.decode(last).toString().getBytes(StandardCharsets.US_ASCII));

        for (Splits.Split split : Splits.of(wire.toByteArray())) {
            ParserTranscript.Result parsed = ParserTranscript.run(split.chunks(), ParserLimits.DEFAULT.withMaxBodyBytes(0));
            assertThat(parsed.error()).as(split.name()).isNull();
            assertThat(parsed.messages().get(0).body()).as(split.name()).isEqualTo(payload);
            assertThat(parsed.messages().get(0).complete()).isTrue();
        }
    }

    @Test
    void writesChunkHeadersInHex() {
        assertThat(StandardCharsets.US_ASCII.decode(ChunkedEncoder.header(255)).toString()).isEqualTo("ff\r\n");
        assertThatThrownBy(() -> ChunkedEncoder.header(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(StandardCharsets.US_ASCII.decode(ResponseSerializer.continueResponse()).toString())
                .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
    }
}
