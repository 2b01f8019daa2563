package io.webserv.status;

import io.webserv.handlers.spi.ServerStatistics;
import io.webserv.handlers.spi.ServerStatistics.Cgi;
import io.webserv.handlers.spi.ServerStatistics.Connections;
import io.webserv.handlers.spi.ServerStatistics.Histogram;
import io.webserv.handlers.spi.ServerStatistics.RequestCount;
import io.webserv.handlers.spi.ServerStatistics.Requests;
import io.webserv.handlers.spi.ServerStatistics.Snapshot;
import io.webserv.handlers.spi.ServerStatistics.Traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A snapshot with known figures for the views' tests. */
final class Snapshots {

    static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private Snapshots() {
    }

    /** 5321 requests: GET 5300 × 2xx, GET 20 × 4xx, other 1 × 4xx (a 400); durations in three buckets. */
    static Snapshot sample() {
        List<RequestCount> counts = new ArrayList<>();
        for (String method : ServerStatistics.METHODS) {
            for (int c = 1; c <= 5; c++) {
                long n = method.equals("GET") && c == 2 ? 5300 : method.equals("GET") && c == 4 ? 20
                        : method.equals("other") && c == 4 ? 1 : 0;
                counts.add(new RequestCount(method, c, n));
            }
        }
        List<Long> buckets = new ArrayList<>(Collections.nCopies(ServerStatistics.DURATION_BOUNDS.size() + 1, 0L));
        buckets.set(0, 5000L);   // ≤ 0.5 ms
        buckets.set(2, 300L);    // 1 ms < d ≤ 2.5 ms
        buckets.set(15 - 1, 21L); // +Inf
        return new Snapshot(START, new Connections(3, 1200, 7), new Traffic(100_000, 2_000_000, 987654),
                new Requests(counts, Map.of(200, 5300L, 404, 20L, 400, 1L)),
                new Histogram(ServerStatistics.DURATION_BOUNDS, buckets, 12.5),
                Map.of("header", 2L, "body", 0L, "keep_alive", 9L, "send", 0L, "cgi", 1L), Map.of(400, 1L),
                new Cgi(1, 4, 1));
    }

    static JvmMetrics jvm() {
        return new JvmMetrics(1000, 2000, 4000, List.of(new JvmMetrics.Collector("G1 \"Young\"\\Gen", 3, 0.012)));
    }
}
