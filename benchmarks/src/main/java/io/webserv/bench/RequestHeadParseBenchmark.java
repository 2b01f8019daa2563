package io.webserv.bench;

import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.RequestHead;
import io.webserv.http.parse.HeaderValueCache;
import io.webserv.http.parse.ParseResult;
import io.webserv.http.parse.ParserLimits;
import io.webserv.http.parse.RequestParser;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parses the head of a GET as Chrome 131 sends it for a top-level navigation, with
 * {@link RequestParser}, from heap {@link ByteBuffer}s. One operation is one request, so ops/s is
 * requests/s per core.
 *
 * <ul>
 *   <li>{@code wholeFresh}: the head in one buffer, a new parser per request (a new connection);
 *   <li>{@code wholeReused}: the head in one buffer, one parser for every request (keep-alive: HEAD, then
 *       MESSAGE_COMPLETE, and the next call starts the next request);
 *   <li>{@code splitFresh} / {@code splitReused}: the same head cut in two buffers in the middle of the
 *       User-Agent line, as when a read ends inside the head.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RequestHeadParseBenchmark {

    /**
     * 708 bytes with its CRLFs and final empty line; 15 header fields. The values are those Chrome 131
     * on Linux sends for a typed-in URL: without the cookie they already take 678 bytes, so a real
     * navigation head is nearer 700 bytes than 500. The setup checks the length against
     * {@link #HEAD_BYTES}.
     */
    static final String HEAD = "GET /docs/getting-started.html HTTP/1.1\r\n"
            + "Host: www.example.com\r\n"
            + "Connection: keep-alive\r\n"
            + "sec-ch-ua: \"Google Chrome\";v=\"131\", \"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"\r\n"
            + "sec-ch-ua-mobile: ?0\r\n"
            + "sec-ch-ua-platform: \"Linux\"\r\n"
            + "Upgrade-Insecure-Requests: 1\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,"
            + "*/*;q=0.8,application/signed-exchange;v=b3;q=0.7\r\n"
            + "Sec-Fetch-Site: none\r\n"
            + "Sec-Fetch-Mode: navigate\r\n"
            + "Sec-Fetch-User: ?1\r\n"
            + "Sec-Fetch-Dest: document\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
            + "Accept-Language: en-US,en;q=0.9\r\n"
            + "Cookie: sid=3f9a1c7e52b04d8e\r\n"
            + "\r\n";

    static final int HEAD_BYTES = 708;

    /**
     * 503 bytes, 12 header fields: what Firefox 133 sends for a stylesheet on a page it already has a
     * connection to — the "~500-byte browser head" of issue #10's target.
     */
    static final String HEAD_500 = "GET /assets/css/site.min.css?v=20261124 HTTP/1.1\r\n"
            + "Host: www.example.com\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0\r\n"
            + "Accept: text/css,*/*;q=0.1\r\n"
            + "Accept-Language: en-US,en;q=0.5\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
            + "Connection: keep-alive\r\n"
            + "Referer: https://www.example.com/docs/getting-started.html\r\n"
            + "Cookie: sid=3f9a1c7e52b04d8e; theme=dark; consent=analytics-off\r\n"
            + "Sec-Fetch-Dest: style\r\n"
            + "Sec-Fetch-Mode: no-cors\r\n"
            + "Sec-Fetch-Site: same-origin\r\n"
            + "Priority: u=2\r\n"
            + "\r\n";

    static final int HEAD_500_BYTES = 503;

    /** What wrk sends, and so what the load benchmarks measure: a request line and Host, 49 bytes. */
    static final String HEAD_WRK = "GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1:18080\r\n\r\n";
    private static final int HEADER_FIELDS = 15;

    private ByteBuffer whole;
    /** The same bytes in a direct buffer: what the server's reactor reads into. */
    private ByteBuffer wholeDirect;
    private RequestParser reusedDirect;
    private RequestParser reusedWithoutCache;
    private ByteBuffer firstHalf;
    private ByteBuffer secondHalf;
    private RequestParser reused;
    private RequestParser reusedSplit;
    private ByteBuffer head500;
    private RequestParser reused500;
    private ByteBuffer wrkDirect;
    private RequestParser reusedWrk;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] bytes = HEAD.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != HEAD_BYTES) {
            throw new IllegalStateException("the head is " + bytes.length + " bytes, the comment says " + HEAD_BYTES);
        }
        whole = ByteBuffer.wrap(bytes);
        wholeDirect = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        reusedDirect = new RequestParser(ParserLimits.DEFAULT, new HeaderValueCache(512));
        reusedWithoutCache = new RequestParser();
        check(expect(reusedWithoutCache, whole.rewind(), ParseResult.HEAD), "reused parser without a value cache");
        expect(reusedWithoutCache, whole, ParseResult.MESSAGE_COMPLETE);
        check(expect(reusedDirect, wholeDirect.rewind(), ParseResult.HEAD), "direct, reused parser");
        expect(reusedDirect, wholeDirect, ParseResult.MESSAGE_COMPLETE);
        byte[] bytes500 = HEAD_500.getBytes(StandardCharsets.US_ASCII);
        if (bytes500.length != HEAD_500_BYTES) {
            throw new IllegalStateException("the 500-byte head is " + bytes500.length + " bytes");
        }
        head500 = ByteBuffer.wrap(bytes500);
        reused500 = new RequestParser(ParserLimits.DEFAULT, new HeaderValueCache(512));
        checkTwice(reused500, head500, "/assets/css/site.min.css", 12);
        byte[] wrkBytes = HEAD_WRK.getBytes(StandardCharsets.US_ASCII);
        wrkDirect = ByteBuffer.allocateDirect(wrkBytes.length).put(wrkBytes).flip();
        reusedWrk = new RequestParser(ParserLimits.DEFAULT, new HeaderValueCache(512));
        checkTwice(reusedWrk, wrkDirect, "/hello.txt", 1);
        int cut = bytes.length / 2;
        firstHalf = ByteBuffer.wrap(bytes, 0, cut).slice();
        secondHalf = ByteBuffer.wrap(bytes, cut, bytes.length - cut).slice();
        // Reused parsers are what a server runs: one per connection, sharing its loop's value cache.
        reused = new RequestParser(ParserLimits.DEFAULT, new HeaderValueCache(512));
        reusedSplit = new RequestParser(ParserLimits.DEFAULT, new HeaderValueCache(512));

        // The exact sequences the benchmarks run, checked step by step; the reused parsers go round
        // twice, so that the second request really starts over after MESSAGE_COMPLETE.
        RequestParser fresh = new RequestParser();
        check(expect(fresh, whole.rewind(), ParseResult.HEAD), "whole, fresh parser");
        fresh = new RequestParser();
        expect(fresh, firstHalf.rewind(), ParseResult.NEED_MORE_INPUT);
        check(expect(fresh, secondHalf.rewind(), ParseResult.HEAD), "split, fresh parser");
        for (int round = 0; round < 2; round++) {
            check(expect(reused, whole.rewind(), ParseResult.HEAD), "whole, reused parser");
            expect(reused, whole, ParseResult.MESSAGE_COMPLETE);
            expect(reusedSplit, firstHalf.rewind(), ParseResult.NEED_MORE_INPUT);
            check(expect(reusedSplit, secondHalf.rewind(), ParseResult.HEAD), "split, reused parser");
            expect(reusedSplit, secondHalf, ParseResult.MESSAGE_COMPLETE);
        }
    }

    /** Parses {@code head} twice with one parser, as a keep-alive connection would, checking its path and field count. */
    private static void checkTwice(RequestParser parser, ByteBuffer head, String path, int fields) {
        for (int round = 0; round < 2; round++) {
            RequestHead parsed = expect(parser, head.rewind(), ParseResult.HEAD);
            if (!parsed.target().path().equals(path) || parsed.headers().size() != fields) {
                throw new IllegalStateException("the head for " + path + " parsed wrongly: " + parsed);
            }
            expect(parser, head, ParseResult.MESSAGE_COMPLETE);
        }
    }

    private static RequestHead expect(RequestParser parser, ByteBuffer in, ParseResult expected) {
        ParseResult actual = parser.parse(in);
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + actual + " (" + parser.error() + ")");
        }
        return parser.head();
    }

    private static void check(RequestHead head, String variant) {
        if (head == null || !head.method().equals(HttpMethod.GET)
                || !head.target().path().equals("/docs/getting-started.html")
                || head.headers().size() != HEADER_FIELDS || !head.host().host().equals("www.example.com")
                || !"document".equals(head.headers().get(HeaderNames.SEC_FETCH_DEST))
                || !"sid=3f9a1c7e52b04d8e".equals(head.headers().get(HeaderNames.COOKIE))
                || head.hasBody() || !head.keepAlive()) {
            throw new IllegalStateException(variant + " parsed the head wrongly: " + head);
        }
    }

    @Benchmark
    public void wholeFresh(Blackhole bh) {
        RequestParser parser = new RequestParser();
        whole.rewind();
        bh.consume(parser.parse(whole));
        bh.consume(parser.head());
    }

    @Benchmark
    public void wholeDirectReused(Blackhole bh) {
        wholeDirect.rewind();
        bh.consume(reusedDirect.parse(wholeDirect));
        bh.consume(reusedDirect.head());
        bh.consume(reusedDirect.parse(wholeDirect));
    }

    /** The same as {@link #wholeReused} without the header value cache: what the cache saves. */
    @Benchmark
    public void wholeReusedWithoutCache(Blackhole bh) {
        whole.rewind();
        bh.consume(reusedWithoutCache.parse(whole));
        bh.consume(reusedWithoutCache.head());
        bh.consume(reusedWithoutCache.parse(whole));
    }

    @Benchmark
    public void wholeReused(Blackhole bh) {
        whole.rewind();
        bh.consume(reused.parse(whole));
        bh.consume(reused.head());
        // A GET has no body: this call completes the message without reading, and the next one starts over.
        bh.consume(reused.parse(whole));
    }

    /** A ~500-byte head through a reused parser: the figure issue #10 sets a target for. */
    @Benchmark
    public void typical500Reused(Blackhole bh) {
        head500.rewind();
        bh.consume(reused500.parse(head500));
        bh.consume(reused500.head());
        bh.consume(reused500.parse(head500));
    }

    /** wrk's head from a direct buffer, as the reactor reads it: the fixed cost of a request. */
    @Benchmark
    public void wrkDirectReused(Blackhole bh) {
        wrkDirect.rewind();
        bh.consume(reusedWrk.parse(wrkDirect));
        bh.consume(reusedWrk.head());
        bh.consume(reusedWrk.parse(wrkDirect));
    }

    @Benchmark
    public void splitFresh(Blackhole bh) {
        RequestParser parser = new RequestParser();
        firstHalf.rewind();
        secondHalf.rewind();
        bh.consume(parser.parse(firstHalf));
        bh.consume(parser.parse(secondHalf));
        bh.consume(parser.head());
    }

    @Benchmark
    public void splitReused(Blackhole bh) {
        firstHalf.rewind();
        secondHalf.rewind();
        bh.consume(reusedSplit.parse(firstHalf));
        bh.consume(reusedSplit.parse(secondHalf));
        bh.consume(reusedSplit.head());
        bh.consume(reusedSplit.parse(secondHalf));
    }
}
