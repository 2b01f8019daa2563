package io.webserv.bench;

import io.webserv.http.parse.ParseResult;
import io.webserv.http.parse.ParserLimits;
import io.webserv.http.parse.RequestParser;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * Decodes a chunked request body of exactly 1 MiB (1,048,576 payload bytes) with {@link RequestParser},
 * from its short head to MESSAGE_COMPLETE, with one parser reused for every operation. Since one
 * operation decodes 1 MiB of payload, <b>ops/s is MiB/s of payload</b> (multiply by 1.048576 for MB/s);
 * the body on the wire is larger by each chunk's size line and CRLF: 1,441,792 bytes with 16-byte chunks
 * (+37.5 %), 1,049,600 with 8 KiB chunks, 1,048,720 with 64 KiB chunks, plus 5 for the last chunk.
 *
 * <ul>
 *   <li>{@code chunkSize}: 16 B (a worst case: 65,536 chunks), 8 KiB (a typical client) or 64 KiB;
 *   <li>{@code readSize}: 0 gives the parser the whole message in one buffer (the decoder alone);
 *       16384 gives it 16 KiB at a time, as socket reads would, so chunks straddle buffers.
 * </ul>
 * Every piece of content is handed to the {@link Blackhole} (a slice of the input; nothing is copied).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChunkedBodyBenchmark {

    static final int BODY_BYTES = 1 << 20;

    private static final String HEAD = "POST /upload HTTP/1.1\r\n"
            + "Host: www.example.com\r\n"
            + "Content-Type: application/octet-stream\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "\r\n";

    @Param({"16", "8192", "65536"})
    public int chunkSize;

    @Param({"0", "16384"})
    public int readSize;

    private ByteBuffer message;
    private RequestParser parser;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] payload = new byte[BODY_BYTES];
        new Random(42).nextBytes(payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream(BODY_BYTES + BODY_BYTES / 2);
        out.writeBytes(HEAD.getBytes(StandardCharsets.US_ASCII));
        for (int at = 0; at < BODY_BYTES; at += chunkSize) {
            int n = Math.min(chunkSize, BODY_BYTES - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(payload, at, n);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        message = ByteBuffer.wrap(out.toByteArray());
        parser = new RequestParser(ParserLimits.DEFAULT.withMaxBodyBytes(0));

        // Twice, the second time on the reused parser after MESSAGE_COMPLETE: every payload byte must
        // come out, in order, and the message must complete exactly at the end of the input.
        for (int round = 0; round < 2; round++) {
            ByteArrayOutputStream decoded = new ByteArrayOutputStream(BODY_BYTES);
            feed(null, decoded);
            if (message.hasRemaining() || !Arrays.equals(decoded.toByteArray(), payload)) {
                throw new IllegalStateException("chunked decoding lost or changed bytes: " + decoded.size()
                        + " of " + BODY_BYTES + " decoded, " + message.remaining() + " left unread");
            }
        }
    }

    @Benchmark
    public void decode(Blackhole bh) {
        feed(bh, null);
    }

    /** Parses one message from the start of {@code message}; hands each content slice to bh or copies it. */
    private void feed(Blackhole bh, ByteArrayOutputStream copy) {
        int end = message.capacity();
        message.limit(readSize == 0 ? end : Math.min(readSize, end)).position(0);
        while (true) {
            ParseResult r = parser.parse(message);
            switch (r) {
                case HEAD -> {
                    if (copy != null && !parser.head().isChunked()) {
                        throw new IllegalStateException("the head does not say chunked");
                    }
                }
                case CONTENT -> {
                    ByteBuffer content = parser.content();
                    if (bh != null) {
                        bh.consume(content);
                    } else {
                        byte[] b = new byte[content.remaining()];
                        content.get(b);
                        copy.writeBytes(b);
                    }
                }
                case NEED_MORE_INPUT -> {
                    if (message.limit() == end) {
                        throw new IllegalStateException("the parser wants more than the whole message");
                    }
                    message.limit(Math.min(message.limit() + readSize, end));
                }
                case MESSAGE_COMPLETE -> {
                    return;
                }
                default -> throw new IllegalStateException(r + ": " + parser.error());
            }
        }
    }
}
