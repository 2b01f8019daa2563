package io.webserv.status;

import io.webserv.handlers.spi.ServerStatistics;
import io.webserv.handlers.spi.ServerStatistics.Histogram;
import io.webserv.handlers.spi.ServerStatistics.Snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The status page for a browser: one self-contained HTML page (its CSS and script inline, charts
 * drawn as inline SVG, nothing fetched from elsewhere). The tables are rendered here, so the page
 * shows every figure with JavaScript off; with it on, the script polls the JSON view every second,
 * draws requests per second, open connections and p50/p99 latency over the last five minutes, and
 * refreshes the table cells (each names its JSON key in {@code data-k}).
 */
final class Dashboard {

    private static final String TEMPLATE = load();

    private Dashboard() {
    }

    static String html(Snapshot s, JvmMetrics jvm, Instant now) {
        return TEMPLATE.replace("__UPTIME__", Long.toString(StatusPage.uptime(s, now)))
                .replace("__TABLES__", tables(s, jvm));
    }

    private static String tables(Snapshot s, JvmMetrics jvm) {
        Histogram d = s.duration();
        StringBuilder b = new StringBuilder(4096);
        b.append("  <section><h2>Server</h2><table>\n");
        row(b, "connections open", "connections.open", s.connections().open());
        row(b, "connections accepted", "connections.accepted", s.connections().accepted());
        row(b, "connections rejected (max_connections)", "connections.rejected", s.connections().rejected());
        row(b, "requests", "requests", s.requests().total());
        row(b, "bytes in", "bytes.in", s.traffic().bytesIn());
        row(b, "bytes out", "bytes.out", s.traffic().bytesOut());
        b.append("<tr><td>latency p50 since start</td><td data-ms=\"duration_seconds.p50\">")
                .append(milliseconds(Quantiles.estimate(d, 0.5))).append("</td></tr>\n");
        b.append("<tr><td>latency p99 since start</td><td data-ms=\"duration_seconds.p99\">")
                .append(milliseconds(Quantiles.estimate(d, 0.99))).append("</td></tr>\n");
        row(b, "CGI processes running", "cgi.running", s.cgi().running());
        row(b, "CGI processes spawned", "cgi.spawned", s.cgi().spawned());
        row(b, "CGI processes killed", "cgi.killed", s.cgi().killed());
        row(b, "JVM heap used (bytes)", "jvm.heap_used", jvm.heapUsed());
        row(b, "JVM heap max (bytes)", "jvm.heap_max", jvm.heapMax());
        b.append("</table></section>\n");

        b.append("  <section><h2>Requests by method and status class</h2><table>\n<tr><th>method</th>");
        for (int c = 1; c <= 5; c++) {
            b.append("<th>").append(c).append("xx</th>");
        }
        b.append("<th>all</th></tr>\n");
        for (String method : ServerStatistics.METHODS) {
            b.append("<tr><td>").append(method).append("</td>");
            for (int c = 1; c <= 5; c++) {
                final int statusClass = c;
                b.append("<td data-k=\"requests_by_method_and_class.").append(method).append('.').append(c).append("xx\">")
                        .append(s.requests().byMethodAndClass().stream()
                        .filter(r -> r.method().equals(method) && r.statusClass() == statusClass)
                        .mapToLong(ServerStatistics.RequestCount::count).sum()).append("</td>");
            }
            b.append("<td data-k=\"requests_by_method.").append(method).append("\">").append(s.requests().ofMethod(method))
                    .append("</td></tr>\n");
        }
        b.append("<tr><th>all</th>");
        for (int c = 1; c <= 5; c++) {
            b.append("<th data-k=\"requests_by_class.").append(c).append("xx\">").append(s.requests().ofClass(c)).append("</th>");
        }
        b.append("<th data-k=\"requests\">").append(s.requests().total()).append("</th></tr>\n</table>")
                .append("<p class=\"note\">Counted per server, not per route or virtual host: that would cost every request a lookup.</p></section>\n");

        b.append("  <section><h2>Responses by status</h2><table><tr><th>status</th><th>responses</th></tr><tbody id=\"codes\">\n");
        if (s.requests().byStatus().isEmpty()) {
            b.append("<tr><td>none yet</td><td></td></tr>\n");
        }
        new TreeMap<>(s.requests().byStatus()).forEach((code, n) ->
                b.append("<tr><td>").append(code).append("</td><td>").append(n).append("</td></tr>\n"));
        b.append("</tbody></table></section>\n");

        b.append("  <section><h2>Timeouts and refused requests</h2><table>\n");
        for (String kind : ServerStatistics.TIMEOUT_KINDS) {
            row(b, "timeout: " + kind, "timeouts." + kind, s.timeouts().getOrDefault(kind, 0L));
        }
        new TreeMap<>(s.parseErrors()).forEach((code, n) -> row(b, "protocol error → " + code, "parse_errors." + code, n));
        b.append("</table></section>\n");

        b.append("  <section><h2>Request duration histogram</h2><table><tr><th>up to</th><th>requests</th></tr>\n");
        for (int i = 0; i < d.counts().size(); i++) {
            String bound = i < d.upperBounds().size() ? milliseconds(d.upperBounds().get(i)) : "longer";
            b.append("<tr><td>").append(bound).append("</td><td data-k=\"duration_seconds.counts.").append(i).append("\">")
                    .append(d.counts().get(i)).append("</td></tr>\n");
        }
        b.append("</table><p class=\"note\">From the first byte of a request read to the last byte of its response queued.</p></section>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String label, String key, long value) {
        b.append("<tr><td>").append(escape(label)).append("</td><td data-k=\"").append(escape(key)).append("\">")
                .append(value).append("</td></tr>\n");
    }

    private static String milliseconds(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        double ms = seconds * 1000;
        return (ms < 10 ? String.format(Locale.ROOT, "%.2f", ms) : ms < 100 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms)) + " ms";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String load() {
        try (InputStream in = Dashboard.class.getResourceAsStream("dashboard.html")) {
            if (in == null) {
                throw new IllegalStateException("dashboard.html missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
