package io.webserv.status;

import io.webserv.handlers.spi.ServerStatistics;
import io.webserv.handlers.spi.ServerStatistics.Histogram;
import io.webserv.handlers.spi.ServerStatistics.Snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A {@link Snapshot} as text for people ({@code ?format=text}) and as JSON for scripts and the dashboard. */
final class StatusPage {

    private StatusPage() {
    }

    /** One {@code name: value} per line, as nginx's stub_status is meant to be read; statuses in code order. */
    static String text(Snapshot s, Instant now) {
        StringBuilder page = new StringBuilder(512)
                .append("uptime_seconds: ").append(uptime(s, now)).append('\n')
                .append("connections_open: ").append(s.connections().open()).append('\n')
                .append("connections_accepted: ").append(s.connections().accepted()).append('\n')
                .append("connections_rejected: ").append(s.connections().rejected()).append('\n')
                .append("requests: ").append(s.requests().total()).append('\n')
                .append("bytes_sent: ").append(s.traffic().responseBodyBytes()).append('\n')
                .append("bytes_in: ").append(s.traffic().bytesIn()).append('\n')
                .append("bytes_out: ").append(s.traffic().bytesOut()).append('\n');
        new TreeMap<>(s.requests().byStatus()).forEach((status, n) ->
                page.append("responses_").append(status).append(": ").append(n).append('\n'));
        for (String kind : ServerStatistics.TIMEOUT_KINDS) {
            page.append("timeouts_").append(kind).append(": ").append(s.timeouts().getOrDefault(kind, 0L)).append('\n');
        }
        page.append("cgi_running: ").append(s.cgi().running()).append('\n');
        return page.toString();
    }

    /** One JSON object; docs/observability.md describes its keys. */
    static String json(Snapshot s, JvmMetrics jvm, Instant now) {
        Histogram d = s.duration();
        return "{\"time_ms\":" + now.toEpochMilli()
                + ",\"uptime_seconds\":" + uptime(s, now)
                + ",\"connections\":{\"open\":" + s.connections().open() + ",\"accepted\":" + s.connections().accepted()
                + ",\"rejected\":" + s.connections().rejected() + "}"
                + ",\"requests\":" + s.requests().total()
                + ",\"bytes_sent\":" + s.traffic().responseBodyBytes()
                + ",\"bytes\":{\"in\":" + s.traffic().bytesIn() + ",\"out\":" + s.traffic().bytesOut() + "}"
                + ",\"responses\":" + object(new TreeMap<>(s.requests().byStatus()))
                + ",\"requests_by_method\":" + object(ServerStatistics.METHODS.stream()
                        .collect(Collectors.toMap(m -> m, s.requests()::ofMethod, (a, b) -> a, java.util.LinkedHashMap::new)))
                + ",\"requests_by_class\":" + object(IntStream.rangeClosed(1, 5).boxed()
                        .collect(Collectors.toMap(c -> c + "xx", s.requests()::ofClass, (a, b) -> a, java.util.LinkedHashMap::new)))
                + ",\"requests_by_method_and_class\":" + ServerStatistics.METHODS.stream()
                        .map(m -> string(m) + ":" + object(s.requests().byMethodAndClass().stream().filter(c -> c.method().equals(m))
                                .collect(Collectors.toMap(c -> c.statusClass() + "xx", ServerStatistics.RequestCount::count,
                                        (a, b) -> a, java.util.LinkedHashMap::new))))
                        .collect(Collectors.joining(",", "{", "}"))
                + ",\"duration_seconds\":{\"bounds\":" + d.upperBounds() .stream().map(PrometheusText::number)
                        .collect(Collectors.joining(",", "[", "]"))
                + ",\"counts\":" + d.counts().stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"))
                + ",\"sum\":" + PrometheusText.number(d.sum()) + ",\"count\":" + d.count()
                + ",\"p50\":" + estimate(d, 0.5) + ",\"p99\":" + estimate(d, 0.99) + "}"
                + ",\"timeouts\":" + object(ServerStatistics.TIMEOUT_KINDS.stream()
                        .collect(Collectors.toMap(k -> k, k -> s.timeouts().getOrDefault(k, 0L), (a, b) -> a, java.util.LinkedHashMap::new)))
                + ",\"parse_errors\":" + object(new TreeMap<>(s.parseErrors()))
                + ",\"cgi\":{\"running\":" + s.cgi().running() + ",\"spawned\":" + s.cgi().spawned()
                + ",\"killed\":" + s.cgi().killed() + "}"
                + ",\"jvm\":{\"heap_used\":" + jvm.heapUsed() + ",\"heap_committed\":" + jvm.heapCommitted()
                + ",\"heap_max\":" + jvm.heapMax() + ",\"gc\":" + jvm.collectors().stream()
                        .map(c -> "{\"name\":" + string(c.name()) + ",\"collections\":" + c.collections()
                                + ",\"seconds\":" + PrometheusText.number(c.seconds()) + "}")
                        .collect(Collectors.joining(",", "[", "]")) + "}"
                + "}\n";
    }

    /** The estimated quantile in seconds, or {@code null} with nothing counted yet. */
    private static String estimate(Histogram d, double q) {
        double v = Quantiles.estimate(d, q);
        return Double.isNaN(v) ? "null" : PrometheusText.number(v);
    }

    private static String object(Map<?, Long> counts) {
        return counts.entrySet().stream().map(e -> string(e.getKey().toString()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String string(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static long uptime(Snapshot s, Instant now) {
        return Math.max(0, Duration.between(s.startedAt(), now).toSeconds());
    }
}
