package io.webserv.it.modules;

import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Prometheus view of the real server: known requests, then a scrape whose counters must match
 * them exactly (bytes included), whose text {@code promtool check metrics} accepts without a word, and
 * which a client outside the allow-list cannot read. Also the status route's other views over HTTP.
 */
class MetricsEndpointTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @TempDir
    Path dir;
    private TestServer server;
    private long bytesSent;
    private long bytesReceived;
    private long bodyBytesReceived;

    @BeforeEach
    void start() throws Exception {
        TestFiles.write(dir, "www/a.txt", "alpha");
        server = TestServer.start(dir, """
                access_log: off
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    routes:
                      - path: /
                      - path: /status
                        handler: status
                      - path: /metrics
                        handler: metrics
                      - path: /only-one
                        handler: metrics
                        handler_options: { allow: [127.0.0.1/32] }
                      - path: /office
                        handler: status
                        handler_options: { allow: [10.0.0.0/8] }
                """.formatted(TestServer.freePort()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void countsExactlyWhatWasSent() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(exchange("GET /a.txt HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        }
        for (int i = 0; i < 2; i++) {
            assertThat(exchange("GET /missing HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 404 ");
        }
        assertThat(exchange("HEAD /a.txt HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        assertThat(exchange("DELETE /a.txt HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 405 ");
        assertThat(exchange("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")).startsWith("HTTP/1.1 400 "); // duplicate Host

        String scrape = "GET /metrics HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
        String response = exchange(scrape);
        assertThat(response).startsWith("HTTP/1.1 200 ").contains("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n");
        Map<String, String> metrics = samples(response.substring(response.indexOf("\r\n\r\n") + 4));

        assertThat(metrics).containsEntry("webserv_http_requests_total{method=\"GET\",status_class=\"2xx\"}", "3")
                .containsEntry("webserv_http_requests_total{method=\"GET\",status_class=\"4xx\"}", "2")
                .containsEntry("webserv_http_requests_total{method=\"HEAD\",status_class=\"2xx\"}", "1")
                .containsEntry("webserv_http_requests_total{method=\"DELETE\",status_class=\"4xx\"}", "1")
                .containsEntry("webserv_http_requests_total{method=\"other\",status_class=\"4xx\"}", "1") // no request line parsed
                .containsEntry("webserv_http_requests_total{method=\"POST\",status_class=\"2xx\"}", "0")
                .containsEntry("webserv_http_responses_total{code=\"200\"}", "4")
                .containsEntry("webserv_http_responses_total{code=\"404\"}", "2")
                .containsEntry("webserv_http_responses_total{code=\"405\"}", "1")
                .containsEntry("webserv_http_responses_total{code=\"400\"}", "1")
                .containsEntry("webserv_http_parse_errors_total{code=\"400\"}", "1")
                .containsEntry("webserv_http_request_duration_seconds_count", "8")
                .containsEntry("webserv_http_request_duration_seconds_bucket{le=\"+Inf\"}", "8")
                .containsEntry("webserv_connections_accepted_total", "9") // one per exchange, the scrape's included
                .containsEntry("webserv_connections_rejected_total", "0")
                .containsEntry("webserv_connections_open", "1")
                .containsEntry("webserv_http_response_body_bytes_total", String.valueOf(bodyBytesReceived - (response.length() - response.indexOf("\r\n\r\n") - 4)))
                // every request was read before its answer, the scrape's too; every earlier answer was read to EOF
                .containsEntry("webserv_received_bytes_total", String.valueOf(bytesSent))
                .containsEntry("webserv_sent_bytes_total", String.valueOf(bytesReceived - response.getBytes(StandardCharsets.ISO_8859_1).length))
                .containsEntry("webserv_timeouts_total{kind=\"header\"}", "0")
                .containsEntry("webserv_cgi_processes", "0")
                .containsKey("webserv_jvm_heap_used_bytes")
                .containsKey("webserv_start_time_seconds");
    }

    @Test
    void promtoolAcceptsTheOutput() throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "promtool missing: apt-get install -y prometheus (.ci/run does)");
        exchange("GET /a.txt HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        exchange("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
        for (String path : List.of("/metrics", "/status/metrics")) {
            String response = exchange("GET " + path + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);

            Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
            try (var stdin = promtool.getOutputStream()) {
                stdin.write(body.getBytes(StandardCharsets.UTF_8));
            }
            String said;
            try (InputStream stdout = promtool.getInputStream()) { // closed, so no descriptor outlives the test
                said = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(said).as(path).isEmpty();
            assertThat(promtool.exitValue()).as(path).isZero();
        }
    }

    @Test
    void aClientOutsideTheAllowListGets403OnEveryView() throws Exception {
        for (String path : List.of("/office", "/office?format=json", "/office?format=text", "/office/metrics")) {
            assertThat(exchange("GET " + path + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).as(path)
                    .startsWith("HTTP/1.1 403 ").doesNotContain("webserv_").doesNotContain("connections");
        }
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0)); // loopback, but not 127.0.0.1/32
            socket.connect(server.address(), 5_000);
            RawResponse refused = new RawClient(socket).send("GET /only-one HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(refused.status()).isEqualTo(403);
        }
        assertThat(exchange("GET /only-one HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void theStatusRouteServesTheDashboardJsonTextAndMetrics() throws Exception {
        exchange("GET /a.txt HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        String html = exchange("GET /status HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertThat(html).startsWith("HTTP/1.1 200 ").contains("Content-Type: text/html; charset=utf-8\r\n")
                .contains("Cache-Control: no-store\r\n")
                .contains("<th data-k=\"requests\">1</th>")          // the table, rendered without JavaScript
                .contains("<td data-k=\"connections.open\">1</td>")
                .contains("fetch(location.pathname + \"?format=json\"")
                .doesNotContainPattern("(?i)<script[^>]+src=|https?://");

        String json = exchange("GET /status?format=json HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertThat(json).contains("Content-Type: application/json\r\n").contains("\"requests\":2,")
                .contains("\"requests_by_method\":{\"GET\":2,").contains("\"connections\":{\"open\":1,\"accepted\":3,\"rejected\":0}");

        assertThat(exchange("GET /status?format=text HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"))
                .contains("Content-Type: text/plain; charset=utf-8\r\n").contains("\nrequests: 3\n");
        assertThat(exchange("GET /status/metrics HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"))
                .contains("\nwebserv_http_requests_total{method=\"GET\",status_class=\"2xx\"} 4\n");
        assertThat(exchange("GET /status/other HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 404 ");
    }

    /** One request on a fresh connection, the response read to EOF; counts the bytes both ways. */
    private String exchange(String request) throws IOException {
        byte[] out = request.getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket()) {
            socket.connect(server.address(), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(out);
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            InputStream stream = socket.getInputStream();
            stream.transferTo(in);
            bytesSent += out.length;
            bytesReceived += in.size();
            String response = in.toString(StandardCharsets.ISO_8859_1);
            if (!request.startsWith("HEAD ")) {
                bodyBytesReceived += response.length() - response.indexOf("\r\n\r\n") - 4;
            }
            return response;
        }
    }

    /** The samples of an exposition, name with labels → value. */
    static Map<String, String> samples(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        for (String line : lines) {
            if (!line.startsWith("#") && !line.isBlank()) {
                int space = line.lastIndexOf(' ');
                found.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return found;
    }
}
