package io.webserv.bench;

import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.HttpVersion;
import io.webserv.http.syntax.DateHeader;
import io.webserv.http.write.BodyFraming;
import io.webserv.http.write.ResponseHead;
import io.webserv.http.write.ResponseSerializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Serialises the head of a {@code 200 OK} for a static file (Content-Type, ETag, Last-Modified, a known
 * length; the serializer adds Date, Server and Content-Length) with one {@link ResponseSerializer}
 * reused, as one per event loop would be. The {@link DateHeader} runs on {@link Clock#systemUTC()}, as
 * in the server: each call reads the clock, and the value is reformatted once a second.
 *
 * <ul>
 *   <li>{@code encode}: the serializer alone, on a {@link ResponseHead} built once;
 *   <li>{@code buildAndEncode}: also builds the header fields and the {@link ResponseHead}, as a static
 *       file handler does for each response.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ResponseHeadBenchmark {

    private static final String CONTENT_TYPE = "text/html; charset=utf-8";
    private static final String ETAG = "\"5bd8-192a4f3c1e8\"";
    private static final String LAST_MODIFIED = "Tue, 22 Oct 2024 09:14:07 GMT";
    private static final long LENGTH = 23_512;

    private ResponseSerializer serializer;
    private ResponseHead prebuilt;

    @Setup(Level.Trial)
    public void setUp() {
        serializer = new ResponseSerializer(new DateHeader(Clock.systemUTC()), "webserv");
        prebuilt = build();
        check(encode(), "encode");
        check(buildAndEncode(), "buildAndEncode");
    }

    private void check(ByteBuffer head, String variant) {
        String text = StandardCharsets.US_ASCII.decode(head.duplicate()).toString();
        boolean ok = text.startsWith("HTTP/1.1 200 OK\r\n") && text.endsWith("\r\n\r\n")
                && text.contains("\r\nContent-Type: " + CONTENT_TYPE + "\r\n")
                && text.contains("\r\nETag: " + ETAG + "\r\n")
                && text.contains("\r\nLast-Modified: " + LAST_MODIFIED + "\r\n")
                && text.contains("\r\nContent-Length: " + LENGTH + "\r\n")
                && text.matches("(?s).*\r\nDate: \\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n.*")
                && text.contains("\r\nServer: webserv\r\n")
                && !text.contains("Connection")
                && serializer.framing() == BodyFraming.FIXED && !serializer.closeAfter();
        if (!ok) {
            throw new IllegalStateException(variant + " wrote a wrong head:\n" + text);
        }
    }

    private static ResponseHead build() {
        HttpHeaders headers = new HttpHeaders(4)
                .add(HeaderNames.CONTENT_TYPE, CONTENT_TYPE)
                .add(HeaderNames.ETAG, ETAG)
                .add(HeaderNames.LAST_MODIFIED, LAST_MODIFIED);
        return new ResponseHead(HttpStatus.OK, headers, LENGTH);
    }

    @Benchmark
    public ByteBuffer encode() {
        return serializer.encodeHead(prebuilt, HttpMethod.GET, HttpVersion.HTTP_1_1, true);
    }

    @Benchmark
    public ByteBuffer buildAndEncode() {
        return serializer.encodeHead(build(), HttpMethod.GET, HttpVersion.HTTP_1_1, true);
    }
}
