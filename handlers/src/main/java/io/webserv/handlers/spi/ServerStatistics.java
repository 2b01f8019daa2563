package io.webserv.handlers.spi;

import java.time.Instant;
import java.util.Map;

/**
 * Live counters of the running server. Each event loop counts on its own, without locks or shared
 * writes; {@link #snapshot()} sums them, so it is cheap for the loops and a little stale for readers.
 */
public interface ServerStatistics {

    /** {@return the counters now} Callable from any thread. */
    Snapshot snapshot();

    /**
     * The counters at one moment.
     *
     * @param startedAt           when the server started serving
     * @param openConnections     connections open now
     * @param acceptedConnections connections accepted since the start, those closed at once over
     *                            {@code max_connections} included
     * @param requests            responses sent since the start (one per request, errors included)
     * @param bytesSent           body bytes of those responses, as the access log counts them
     * @param responsesByStatus   how many responses each status code had, for the codes seen
     */
    record Snapshot(Instant startedAt, long openConnections, long acceptedConnections, long requests, long bytesSent,
                    Map<Integer, Long> responsesByStatus) {

        /**
         * Copies the per-status counts, so that the snapshot is immutable.
         *
         * @param startedAt           when the server started serving
         * @param openConnections     connections open now
         * @param acceptedConnections connections accepted since the start
         * @param requests            responses sent since the start
         * @param bytesSent           body bytes of those responses
         * @param responsesByStatus   status code → responses; copied
         */
        public Snapshot {
            responsesByStatus = Map.copyOf(responsesByStatus);
        }
    }
}
