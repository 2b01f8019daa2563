package io.webserv.handlers.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Live counters of the running server. Each event loop counts on its own, without locks or shared
 * writes; {@link #snapshot()} sums them, so it is cheap for the loops and a little stale for readers
 * (each counter is a value its loop really had, read a moment late).
 */
public interface ServerStatistics {

    /** The request methods counted apart, in this order; every other method counts as {@code other}. */
    List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "other");

    /** The kinds of timeout counted, in this order (the names of {@code timeouts.*}). */
    List<String> TIMEOUT_KINDS = List.of("header", "body", "keep_alive", "send", "cgi");

    /**
     * The upper bounds, in seconds, of the request-duration histogram's buckets; a last bucket,
     * {@code +Inf}, holds the longer ones.
     */
    List<Double> DURATION_BOUNDS = List.of(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
            5.0, 10.0);

    /** {@return the counters now} Callable from any thread. */
    Snapshot snapshot();

    /**
     * The counters at one moment; each count runs from the server's start.
     *
     * @param startedAt   when the server started serving
     * @param connections connections open, accepted and refused
     * @param traffic     bytes in and out
     * @param requests    responses by method, status class and status code
     * @param duration    how long requests took, from the first byte read to the last byte of the
     *                    response queued for the client
     * @param timeouts    timeouts that fired, by kind (every kind of {@link #TIMEOUT_KINDS}, in order)
     * @param parseErrors requests refused because they broke the protocol, by the status they got
     * @param cgi         CGI processes
     */
    record Snapshot(Instant startedAt, Connections connections, Traffic traffic, Requests requests, Histogram duration,
                    Map<String, Long> timeouts, Map<Integer, Long> parseErrors, Cgi cgi) {

        /**
         * Copies the maps, so that the snapshot is immutable.
         *
         * @param startedAt   when the server started serving
         * @param connections connections open, accepted and refused
         * @param traffic     bytes in and out
         * @param requests    responses by method, status class and status code
         * @param duration    how long requests took
         * @param timeouts    timeouts by kind; copied
         * @param parseErrors protocol errors by status; copied
         * @param cgi         CGI processes
         */
        public Snapshot {
            timeouts = Map.copyOf(timeouts);
            parseErrors = Map.copyOf(parseErrors);
        }
    }

    /**
     * Connections.
     *
     * @param open     open now
     * @param accepted accepted since the start, those closed at once over {@code max_connections} included
     * @param rejected closed at once because {@code max_connections} were open
     */
    record Connections(long open, long accepted, long rejected) {
    }

    /**
     * Bytes.
     *
     * @param bytesIn           read from clients' sockets, heads and bodies
     * @param bytesOut          written to clients' sockets (what the kernel took), heads and bodies
     * @param responseBodyBytes the body bytes of the responses, as the access log counts them
     */
    record Traffic(long bytesIn, long bytesOut, long responseBodyBytes) {
    }

    /**
     * Responses, one per request (protocol errors included).
     *
     * @param byMethodAndClass one entry per method of {@link #METHODS} and status class 1 to 5, in that
     *                         order, zeros included
     * @param byStatus         status code → responses, for the codes seen
     */
    record Requests(List<RequestCount> byMethodAndClass, Map<Integer, Long> byStatus) {

        /**
         * Copies both, so that the record is immutable.
         *
         * @param byMethodAndClass the counts per method and class; copied
         * @param byStatus         the counts per status code; copied
         */
        public Requests {
            byMethodAndClass = List.copyOf(byMethodAndClass);
            byStatus = Map.copyOf(byStatus);
        }

        /** {@return every response counted} */
        public long total() {
            return byMethodAndClass.stream().mapToLong(RequestCount::count).sum();
        }

        /**
         * The responses of one status class.
         *
         * @param statusClass 1 for 1xx ... 5 for 5xx
         * @return how many responses had a status of that class
         */
        public long ofClass(int statusClass) {
            return byMethodAndClass.stream().filter(c -> c.statusClass() == statusClass).mapToLong(RequestCount::count).sum();
        }

        /**
         * The responses to one method.
         *
         * @param method one of {@link #METHODS}
         * @return how many requests had that method
         */
        public long ofMethod(String method) {
            return byMethodAndClass.stream().filter(c -> c.method().equals(method)).mapToLong(RequestCount::count).sum();
        }
    }

    /**
     * Responses to one method with one status class.
     *
     * @param method      one of {@link #METHODS} ({@code other} also for a request whose line did not parse)
     * @param statusClass 1 for 1xx ... 5 for 5xx
     * @param count       responses
     */
    record RequestCount(String method, int statusClass, long count) {
    }

    /**
     * A histogram with fixed buckets.
     *
     * @param upperBounds the buckets' upper bounds, increasing (for durations, {@link #DURATION_BOUNDS})
     * @param counts      observations per bucket, not cumulative: one more than {@code upperBounds}, the
     *                    last for values above every bound
     * @param sum         the sum of every observation
     */
    record Histogram(List<Double> upperBounds, List<Long> counts, double sum) {

        /**
         * Copies both lists, and checks that there is one count more than bounds.
         *
         * @param upperBounds the buckets' upper bounds; copied
         * @param counts      observations per bucket; copied
         * @param sum         the sum of every observation
         * @throws IllegalArgumentException when the sizes do not fit
         */
        public Histogram {
            upperBounds = List.copyOf(upperBounds);
            counts = List.copyOf(counts);
            if (counts.size() != upperBounds.size() + 1) {
                throw new IllegalArgumentException(counts.size() + " counts for " + upperBounds.size() + " bounds");
            }
        }

        /** {@return the number of observations} */
        public long count() {
            return counts.stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * CGI processes.
     *
     * @param running processes running now
     * @param spawned processes started since the start
     * @param killed  processes killed while alive (timeout, client gone, server stopping)
     */
    record Cgi(long running, long spawned, long killed) {
    }
}
