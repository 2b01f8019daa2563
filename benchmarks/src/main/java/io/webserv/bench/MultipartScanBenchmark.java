package io.webserv.bench;

import io.webserv.http.multipart.MultipartEvent;
import io.webserv.http.multipart.MultipartLimits;
import io.webserv.http.multipart.MultipartParser;
import io.webserv.http.multipart.Part;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parses a {@code multipart/form-data} body as Chrome sends it for a form with a text field and a
 * 1 MiB file (random bytes, so CRs occur about every 256 bytes as in compressed media), with a new
 * {@link MultipartParser} per operation (one per request). One operation scans the 1 MiB file part
 * (1,048,576 bytes; the body is 1,048,864 bytes in all), so <b>ops/s is MiB/s of file content</b>.
 *
 * <p>{@code readSize}: 0 gives the parser the whole body in one buffer (the boundary scan alone);
 * 16384 gives it 16 KiB at a time, as socket reads (or de-chunked content) would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MultipartScanBenchmark {

    static final int FILE_BYTES = 1 << 20;

    private static final String CONTENT_TYPE = "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW";
    private static final String DELIMITER = "------WebKitFormBoundary7MA4YWxkTrZu0gW";

    @Param({"0", "16384"})
    public int readSize;

    private byte[] boundary;
    private ByteBuffer body;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] file = new byte[FILE_BYTES];
        new Random(42).nextBytes(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream(FILE_BYTES + 1024);
        out.writeBytes((DELIMITER + "\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n"
                + "\r\n"
                + "Holiday photo\r\n"
                + DELIMITER + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"IMG_2024.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(file);
        out.writeBytes(("\r\n" + DELIMITER + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        body = ByteBuffer.wrap(out.toByteArray());
        boundary = MultipartParser.boundaryOf(CONTENT_TYPE);

        // Both parts must come out whole: the field's value, then every byte of the file, in order.
        List<Part> parts = new ArrayList<>();
        List<ByteArrayOutputStream> contents = new ArrayList<>();
        parse(null, parts, contents);
        if (parts.size() != 2 || !parts.get(0).name().equals("title") || parts.get(0).isFile()
                || !contents.get(0).toString(StandardCharsets.US_ASCII).equals("Holiday photo")
                || !"IMG_2024.jpg".equals(parts.get(1).filename()) || !parts.get(1).contentType().equals("image/jpeg")
                || !Arrays.equals(contents.get(1).toByteArray(), file)) {
            throw new IllegalStateException("multipart parsing lost or changed something: " + parts);
        }
    }

    @Benchmark
    public void scan(Blackhole bh) {
        parse(bh, null, null);
    }

    /** One body, from its start; each event's result goes to bh, or into the lists for the setup's check. */
    private void parse(Blackhole bh, List<Part> parts, List<ByteArrayOutputStream> contents) {
        MultipartParser parser = new MultipartParser(boundary, MultipartLimits.DEFAULTS);
        int end = body.capacity();
        body.limit(readSize == 0 ? end : Math.min(readSize, end)).position(0);
        while (true) {
            MultipartEvent event = parser.parse(body);
            switch (event) {
                case PART_HEADERS -> {
                    if (bh != null) {
                        bh.consume(parser.part());
                    } else {
                        parts.add(parser.part());
                        contents.add(new ByteArrayOutputStream());
                    }
                }
                case PART_CONTENT -> {
                    ByteBuffer content = parser.content();
                    if (bh != null) {
                        bh.consume(content);
                    } else {
                        byte[] b = new byte[content.remaining()];
                        content.get(b);
                        contents.get(contents.size() - 1).writeBytes(b);
                    }
                }
                case PART_END -> {
                    // nothing to do: the part's content is complete
                }
                case NEED_MORE_INPUT -> {
                    if (body.limit() == end) {
                        throw new IllegalStateException("the parser wants more than the whole body");
                    }
                    body.limit(Math.min(body.limit() + readSize, end));
                }
                case END -> {
                    if (body.hasRemaining() || parser.endOfInput() != MultipartEvent.END) {
                        throw new IllegalStateException("the body ended early");
                    }
                    return;
                }
                default -> throw new IllegalStateException(event + ": " + parser.error());
            }
        }
    }
}
