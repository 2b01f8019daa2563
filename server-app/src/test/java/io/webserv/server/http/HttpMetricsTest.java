package io.webserv.server.http;

import io.webserv.handlers.spi.ServerStatistics;
import io.webserv.http.message.RequestHead;
import io.webserv.http.parse.HeaderValueCache;
import io.webserv.http.parse.ParseResult;
import io.webserv.http.parse.ParserLimits;
import io.webserv.http.parse.RequestParser;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class HttpMetricsTest {

    private final HttpMetrics metrics = new HttpMetrics();

    @Test
    void aDurationOnABoundGoesInThatBucketAndAboveTheLastInInf() {
        assertThat(HttpMetrics.bucket(0)).isZero();
        assertThat(HttpMetrics.bucket(500_000)).isZero();          // 0.5 ms: le="0.0005"
        assertThat(HttpMetrics.bucket(500_001)).isEqualTo(1);
        assertThat(HttpMetrics.bucket(10_000_000_000L)).isEqualTo(13);
        assertThat(HttpMetrics.bucket(10_000_000_001L)).isEqualTo(ServerStatistics.DURATION_BOUNDS.size());
    }

    @Test
    void sumsWhatEveryLoopCounted() throws Exception {
        RequestHead get = head("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        RequestHead patch = head("PATCH / HTTP/1.1\r\nHost: a\r\n\r\n");
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            loops.add(CompletableFuture.runAsync(() -> {   // each thread its own counters, as each loop
                HttpMetrics.Loop loop = metrics.forThisLoop();
                loop.responded(get, 200, 10, 2_000_000);
                loop.responded(patch, 404, 5, 700_000);
                loop.responded(null, 400, 1, 0);
                loop.parseError(400);
                loop.timedOut(HttpMetrics.Timeout.KEEP_ALIVE);
            }, runnable -> new Thread(runnable).start()));
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get();

        assertThat(metrics.requestsByMethodAndClass()).contains(
                new ServerStatistics.RequestCount("GET", 2, 3), new ServerStatistics.RequestCount("other", 4, 6));
        assertThat(metrics.responsesByStatus()).containsExactly(java.util.Map.entry(200, 3L), java.util.Map.entry(400, 3L),
                java.util.Map.entry(404, 3L));
        assertThat(metrics.parseErrorsByStatus()).containsExactly(java.util.Map.entry(400, 3L));
        assertThat(metrics.responseBodyBytes()).isEqualTo(48);
        assertThat(metrics.timeouts()).containsEntry("keep_alive", 3L).containsEntry("header", 0L);
        ServerStatistics.Histogram d = metrics.duration();
        assertThat(d.counts().subList(0, 3)).containsExactly(3L, 3L, 3L); // 0, 0.7 ms, 2 ms
        assertThat(d.count()).isEqualTo(9);
        assertThat(d.sum()).isCloseTo(3 * 0.0027, org.assertj.core.api.Assertions.within(1e-12));
    }

    /** Counting a response must not allocate: it runs for every request, on the loop. */
    @Test
    void countingAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RequestHead get = head("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        HttpMetrics.Loop loop = metrics.forThisLoop();
        for (int i = 0; i < 200_000; i++) { // warm up: let the JIT compile it
            loop.responded(get, 200, i, i * 50L);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000_000; i++) {
            loop.responded(get, 200 + (i & 7), i, i * 50L);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by a million counted responses").isLessThan(1024);
    }

    private static RequestHead head(String text) {
        RequestParser parser = new RequestParser(ParserLimits.DEFAULT, new HeaderValueCache(16));
        assertThat(parser.parse(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)))).isEqualTo(ParseResult.HEAD);
        return parser.head();
    }
}
