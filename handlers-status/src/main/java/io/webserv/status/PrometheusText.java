package io.webserv.status;

import io.webserv.handlers.spi.ServerStatistics;
import io.webserv.handlers.spi.ServerStatistics.Histogram;
import io.webserv.handlers.spi.ServerStatistics.RequestCount;
import io.webserv.handlers.spi.ServerStatistics.Snapshot;

import java.math.BigDecimal;
import java.util.TreeMap;

/**
 * A {@link Snapshot} in Prometheus' text exposition format 0.0.4: every family with its HELP and TYPE
 * lines, names prefixed {@code webserv_}, counters ending in {@code _total}, label values escaped.
 * docs/observability.md lists the metrics.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(8192);

    private PrometheusText() {
    }

    static String of(Snapshot s, JvmMetrics jvm) {
        PrometheusText p = new PrometheusText();
        p.family("webserv_start_time_seconds", "gauge", "When the server started serving, in seconds since the Unix epoch.")
                .sample("webserv_start_time_seconds", "", s.startedAt().toEpochMilli() / 1000.0);
        p.family("webserv_connections_open", "gauge", "Client connections open now.")
                .sample("webserv_connections_open", "", s.connections().open());
        p.counter("webserv_connections_accepted_total",
                "Client connections accepted, those closed at once over max_connections included.", s.connections().accepted());
        p.counter("webserv_connections_rejected_total",
                "Client connections closed at once because max_connections were open.", s.connections().rejected());
        p.counter("webserv_received_bytes_total", "Bytes read from client sockets.", s.traffic().bytesIn());
        p.counter("webserv_sent_bytes_total", "Bytes written to client sockets, heads and bodies.", s.traffic().bytesOut());
        p.counter("webserv_http_response_body_bytes_total", "Body bytes of the responses, as the access log counts them.",
                s.traffic().responseBodyBytes());

        p.family("webserv_http_requests_total", "counter",
                "Requests answered, by method (GET, HEAD, POST, PUT, DELETE, other) and status class.");
        for (RequestCount c : s.requests().byMethodAndClass()) {
            p.sample("webserv_http_requests_total", labels("method", c.method(), "status_class", c.statusClass() + "xx"), c.count());
        }
        p.family("webserv_http_responses_total", "counter", "Responses by status code, for the codes sent so far.");
        new TreeMap<>(s.requests().byStatus()).forEach((code, n) ->
                p.sample("webserv_http_responses_total", labels("code", code.toString()), n));
        p.histogram("webserv_http_request_duration_seconds",
                "Time from the first byte of a request read to the last byte of its response queued for the client.",
                s.duration());

        p.family("webserv_timeouts_total", "counter", "Timeouts that fired, by kind (the keys of timeouts.*).");
        for (String kind : ServerStatistics.TIMEOUT_KINDS) {
            p.sample("webserv_timeouts_total", labels("kind", kind), s.timeouts().getOrDefault(kind, 0L));
        }
        p.family("webserv_http_parse_errors_total", "counter",
                "Requests refused because they broke the protocol, by the status they got.");
        new TreeMap<>(s.parseErrors()).forEach((code, n) ->
                p.sample("webserv_http_parse_errors_total", labels("code", code.toString()), n));

        p.family("webserv_cgi_processes", "gauge", "CGI processes running now.")
                .sample("webserv_cgi_processes", "", s.cgi().running());
        p.counter("webserv_cgi_processes_spawned_total", "CGI processes started.", s.cgi().spawned());
        p.counter("webserv_cgi_processes_killed_total",
                "CGI processes killed while alive: timed out, client gone, or the server stopping.", s.cgi().killed());

        p.jvm(jvm);
        return p.out.toString();
    }

    private void jvm(JvmMetrics jvm) {
        family("webserv_jvm_heap_used_bytes", "gauge", "JVM heap in use.").sample("webserv_jvm_heap_used_bytes", "", jvm.heapUsed());
        family("webserv_jvm_heap_committed_bytes", "gauge", "JVM heap held from the operating system.")
                .sample("webserv_jvm_heap_committed_bytes", "", jvm.heapCommitted());
        if (jvm.heapMax() >= 0) {
            family("webserv_jvm_heap_max_bytes", "gauge", "The most the JVM heap may grow to.")
                    .sample("webserv_jvm_heap_max_bytes", "", jvm.heapMax());
        }
        family("webserv_jvm_gc_collections_total", "counter", "Garbage collections, by collector.");
        jvm.collectors().forEach(c -> sample("webserv_jvm_gc_collections_total", labels("gc", c.name()), c.collections()));
        family("webserv_jvm_gc_collection_seconds_total", "counter",
                "Time spent in garbage collections, by collector, as the JVM's MXBean reports it.");
        jvm.collectors().forEach(c -> sample("webserv_jvm_gc_collection_seconds_total", labels("gc", c.name()), c.seconds()));
    }

    private void counter(String name, String help, long value) {
        family(name, "counter", help).sample(name, "", value);
    }

    private void histogram(String name, String help, Histogram h) {
        family(name, "histogram", help);
        long cumulative = 0;
        for (int i = 0; i < h.counts().size(); i++) {
            cumulative += h.counts().get(i);
            String le = i < h.upperBounds().size() ? number(h.upperBounds().get(i)) : "+Inf";
            sample(name + "_bucket", labels("le", le), cumulative);
        }
        sample(name + "_sum", "", h.sum());
        sample(name + "_count", "", cumulative);
    }

    private PrometheusText family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    private void sample(String name, String labels, long value) {
        out.append(name).append(labels).append(' ').append(value).append('\n');
    }

    private void sample(String name, String labels, double value) {
        out.append(name).append(labels).append(' ').append(number(value)).append('\n');
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** {@code {k1="v1",k2="v2"}} from name, value pairs, values escaped. */
    static String labels(String... pairs) {
        StringBuilder b = new StringBuilder().append('{');
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(pairs[i]).append("=\"").append(escapeLabel(pairs[i + 1])).append('"');
        }
        return b.append('}').toString();
    }

    /** Label values escape backslash, double quote and line feed (format 0.0.4). */
    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** HELP text escapes backslash and line feed. */
    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
