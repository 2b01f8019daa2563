package io.webserv.server.http;

import io.webserv.handlers.spi.ServerStatistics;
import io.webserv.handlers.spi.ServerStatistics.Histogram;
import io.webserv.handlers.spi.ServerStatistics.RequestCount;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.RequestHead;
import io.webserv.net.LoopCounters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP counters of every event loop: each loop writes its own {@link LoopCounters} (see there for
 * the memory-model reasoning), and a reader sums them. A connection takes its loop's {@link Loop}
 * once, when it is created on that loop; from then on a response costs a few array increments and no
 * allocation, no lock and no write another thread makes.
 */
public final class HttpMetrics {

    private static final int CLASSES = 5;
    private static final int STATUSES = 600;
    private static final long[] BOUND_NANOS = ServerStatistics.DURATION_BOUNDS.stream()
            .mapToLong(seconds -> Math.round(seconds * 1e9)).toArray();
    /** The HTTP timeouts, in the order of {@link ServerStatistics#TIMEOUT_KINDS} (CGI's are counted by cgi). */
    enum Timeout { HEADER, BODY, KEEP_ALIVE, SEND }

    // The slots of one loop's counters.
    private static final int REQUESTS = 0;                                             // method × class
    private static final int BY_STATUS = REQUESTS + ServerStatistics.METHODS.size() * CLASSES;
    private static final int DURATION = BY_STATUS + STATUSES;                          // one per bucket
    private static final int DURATION_SUM = DURATION + BOUND_NANOS.length + 1;         // nanoseconds
    private static final int BODY_BYTES = DURATION_SUM + 1;
    private static final int TIMEOUTS = BODY_BYTES + 1;
    private static final int PARSE_ERRORS = TIMEOUTS + Timeout.values().length;       // by status
    private static final int SLOTS = PARSE_ERRORS + STATUSES;

    private final List<LoopCounters> loops = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Loop> own = ThreadLocal.withInitial(() -> {
        LoopCounters counters = new LoopCounters(SLOTS);
        loops.add(counters);
        return new Loop(counters);
    });

    /** {@return the calling event loop's counters} Asked once per connection, on its loop. */
    Loop forThisLoop() {
        return own.get();
    }

    /** What one event loop counts; only that loop's thread calls it. */
    static final class Loop {
        private final LoopCounters counters;

        private Loop(LoopCounters counters) {
            this.counters = counters;
        }

        /**
         * One response queued: {@code request} is null when its request line did not parse;
         * {@code nanos} is how long since its first byte was read.
         */
        void responded(RequestHead request, int status, long bodyBytes, long nanos) {
            int statusClass = status / 100;
            if (statusClass >= 1 && statusClass <= CLASSES) {
                counters.increment(REQUESTS + methodIndex(request) * CLASSES + statusClass - 1);
                counters.increment(BY_STATUS + status);
            }
            counters.add(BODY_BYTES, bodyBytes);
            counters.increment(DURATION + bucket(nanos));
            counters.add(DURATION_SUM, nanos);
        }

        void timedOut(Timeout kind) {
            counters.increment(TIMEOUTS + kind.ordinal());
        }

        /** A request broke the protocol and was refused with {@code status} (its response is counted apart). */
        void parseError(int status) {
            if (status >= 0 && status < STATUSES) {
                counters.increment(PARSE_ERRORS + status);
            }
        }
    }

    private static int methodIndex(RequestHead request) {
        HttpMethod method = request == null ? null : request.method();
        if (method == HttpMethod.GET) {
            return 0;
        } else if (method == HttpMethod.HEAD) {
            return 1;
        } else if (method == HttpMethod.POST) {
            return 2;
        } else if (method == HttpMethod.PUT) {
            return 3;
        } else if (method == HttpMethod.DELETE) {
            return 4;
        }
        return 5;
    }

    /** The first bucket whose bound is not below {@code nanos}; the last (+Inf) when none. */
    static int bucket(long nanos) {
        int i = 0;
        while (i < BOUND_NANOS.length && nanos > BOUND_NANOS[i]) {
            i++;
        }
        return i;
    }

    // ---- reading, from any thread --------------------------------------------------------------

    /** Responses by method and status class, every combination, in {@link ServerStatistics#METHODS} order. */
    public List<RequestCount> requestsByMethodAndClass() {
        List<RequestCount> counts = new ArrayList<>();
        for (int m = 0; m < ServerStatistics.METHODS.size(); m++) {
            for (int c = 1; c <= CLASSES; c++) {
                counts.add(new RequestCount(ServerStatistics.METHODS.get(m), c, sum(REQUESTS + m * CLASSES + c - 1)));
            }
        }
        return counts;
    }

    /** Responses per status code, for the codes seen, in code order. */
    public Map<Integer, Long> responsesByStatus() {
        return byStatus(BY_STATUS);
    }

    /** Protocol errors per status, for the statuses seen. */
    public Map<Integer, Long> parseErrorsByStatus() {
        return byStatus(PARSE_ERRORS);
    }

    /** How long requests took, in seconds. */
    public Histogram duration() {
        List<Long> counts = new ArrayList<>(BOUND_NANOS.length + 1);
        for (int i = 0; i <= BOUND_NANOS.length; i++) {
            counts.add(sum(DURATION + i));
        }
        return new Histogram(ServerStatistics.DURATION_BOUNDS, counts, sum(DURATION_SUM) / 1e9);
    }

    public long responseBodyBytes() {
        return sum(BODY_BYTES);
    }

    /** HTTP timeouts by kind, with the names of {@link ServerStatistics#TIMEOUT_KINDS}. */
    public Map<String, Long> timeouts() {
        Map<String, Long> counts = new TreeMap<>();
        for (Timeout kind : Timeout.values()) {
            counts.put(ServerStatistics.TIMEOUT_KINDS.get(kind.ordinal()), sum(TIMEOUTS + kind.ordinal()));
        }
        return counts;
    }

    private Map<Integer, Long> byStatus(int base) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (int status = 100; status < STATUSES; status++) {
            long n = sum(base + status);
            if (n > 0) {
                counts.put(status, n);
            }
        }
        return counts;
    }

    private long sum(int slot) {
        long total = 0;
        for (LoopCounters loop : loops) {
            total += loop.get(slot);
        }
        return total;
    }
}
