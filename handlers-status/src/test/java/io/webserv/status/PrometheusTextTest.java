package io.webserv.status;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    private final String text = PrometheusText.of(Snapshots.sample(), Snapshots.jvm());
    private final List<String> lines = Arrays.asList(text.split("\n"));

    @Test
    void everyFamilyHasHelpAndTypeBeforeItsSamples() {
        assertThat(text).endsWith("\n");
        String family = null;
        for (String line : lines) {
            if (line.startsWith("# HELP ")) {
                family = line.split(" ")[2];
            } else if (line.startsWith("# TYPE ")) {
                assertThat(line.split(" ")[2]).isEqualTo(family);
            } else {
                assertThat(line).startsWith(family).startsWith("webserv_");
            }
        }
    }

    @Test
    void countersAndGauges() {
        assertThat(lines).contains(
                "# TYPE webserv_connections_open gauge", "webserv_connections_open 3",
                "# TYPE webserv_connections_accepted_total counter", "webserv_connections_accepted_total 1200",
                "webserv_connections_rejected_total 7",
                "webserv_received_bytes_total 100000", "webserv_sent_bytes_total 2000000",
                "webserv_http_requests_total{method=\"GET\",status_class=\"2xx\"} 5300",
                "webserv_http_requests_total{method=\"other\",status_class=\"4xx\"} 1",
                "webserv_http_requests_total{method=\"DELETE\",status_class=\"5xx\"} 0",
                "webserv_http_responses_total{code=\"404\"} 20",
                "webserv_timeouts_total{kind=\"keep_alive\"} 9", "webserv_timeouts_total{kind=\"cgi\"} 1",
                "webserv_http_parse_errors_total{code=\"400\"} 1",
                "webserv_cgi_processes 1", "webserv_cgi_processes_spawned_total 4", "webserv_cgi_processes_killed_total 1",
                "webserv_jvm_heap_max_bytes 4000");
        assertThat(lines.stream().filter(l -> l.startsWith("webserv_http_requests_total{"))).hasSize(30);
    }

    @Test
    void histogramBucketsAreCumulativeAndEndWithInf() {
        assertThat(lines).containsSubsequence(
                "# TYPE webserv_http_request_duration_seconds histogram",
                "webserv_http_request_duration_seconds_bucket{le=\"0.0005\"} 5000",
                "webserv_http_request_duration_seconds_bucket{le=\"0.001\"} 5000",
                "webserv_http_request_duration_seconds_bucket{le=\"0.0025\"} 5300",
                "webserv_http_request_duration_seconds_bucket{le=\"10\"} 5300",
                "webserv_http_request_duration_seconds_bucket{le=\"+Inf\"} 5321",
                "webserv_http_request_duration_seconds_sum 12.5",
                "webserv_http_request_duration_seconds_count 5321");
    }

    @Test
    void labelValuesAreEscaped() {
        assertThat(lines).contains("webserv_jvm_gc_collections_total{gc=\"G1 \\\"Young\\\"\\\\Gen\"} 3");
        assertThat(PrometheusText.escapeLabel("a\nb")).isEqualTo("a\\nb");
        assertThat(PrometheusText.escapeHelp("a\\b\nc")).isEqualTo("a\\\\b\\nc");
    }
}
