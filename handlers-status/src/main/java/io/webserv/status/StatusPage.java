package io.webserv.status;

import io.webserv.handlers.spi.ServerStatistics.Snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A {@link Snapshot} as text for people and as JSON for scripts. */
final class StatusPage {

    private StatusPage() {
    }

    /** One {@code name: value} per line, statuses in code order, as nginx's stub_status is meant to be read. */
    static String text(Snapshot s, Instant now) {
        StringBuilder page = new StringBuilder(256)
                .append("uptime_seconds: ").append(uptime(s, now)).append('\n')
                .append("connections_open: ").append(s.openConnections()).append('\n')
                .append("connections_accepted: ").append(s.acceptedConnections()).append('\n')
                .append("requests: ").append(s.requests()).append('\n')
                .append("bytes_sent: ").append(s.bytesSent()).append('\n');
        new TreeMap<>(s.responsesByStatus()).forEach((status, n) -> page.append("responses_").append(status).append(": ").append(n).append('\n'));
        return page.toString();
    }

    /** One JSON object; statuses are keys of {@code responses}, in code order. */
    static String json(Snapshot s, Instant now) {
        String responses = new TreeMap<>(s.responsesByStatus()).entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(","));
        return "{\"uptime_seconds\":" + uptime(s, now)
                + ",\"connections\":{\"open\":" + s.openConnections() + ",\"accepted\":" + s.acceptedConnections() + "}"
                + ",\"requests\":" + s.requests()
                + ",\"bytes_sent\":" + s.bytesSent()
                + ",\"responses\":{" + responses + "}}\n";
    }

    private static long uptime(Snapshot s, Instant now) {
        return Math.max(0, Duration.between(s.startedAt(), now).toSeconds());
    }
}
