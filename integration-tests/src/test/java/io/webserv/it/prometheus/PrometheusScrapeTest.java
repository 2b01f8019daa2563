package io.webserv.it.prometheus;

import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.Requests;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus (Debian's {@code prometheus}) on loopback scrapes the server's {@code /metrics}
 * every second; the counters it stores must equal the requests this test sent. Runs in its own
 * profile, {@code mvn -Pprometheus verify} (docs/observability.md), since it needs the binary and
 * takes some seconds.
 */
class PrometheusScrapeTest {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final int NOT_FOUND = 37;
    private static final int HEADS = 23;

    @TempDir
    Path dir;
    private TestServer server;
    private Process prometheus;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void prometheusReadsTheCountsThatWereSent() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS), "prometheus missing: apt-get install -y prometheus (.ci/run does)");
        TestFiles.write(dir, "www/a.txt", "alpha");
        server = TestServer.start(dir, """
                access_log: off
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    routes:
                      - path: /
                      - path: /metrics
                        handler: metrics
                """.formatted(TestServer.freePort()));
        int port = TestServer.freePort();
        URI api = URI.create("http://127.0.0.1:" + port);
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: webserv
                    metrics_path: /metrics
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(server.address().getPort()));
        prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        assertThat(Poll.within(Duration.ofSeconds(30), () -> status(api.resolve("/-/ready")) == 200))
                .as("prometheus ready; its log:\n%s", log()).isTrue();

        // Scrapes are GET /metrics answered 200: the test's requests are the only 404s and HEADs.
        for (int i = 0; i < NOT_FOUND; i++) {
            assertThat(Requests.exchange(server.address(), Requests.get("/missing-" + i)).status()).isEqualTo(404);
        }
        for (int i = 0; i < HEADS; i++) {
            try (RawClient client = new RawClient(server.address())) {
                assertThat(client.send("HEAD /a.txt HTTP/1.1\r\nHost: a\r\n\r\n").read(true).status()).isEqualTo(200);
            }
        }

        String notFound = "webserv_http_responses_total{code=\"404\"}";
        String heads = "webserv_http_requests_total{method=\"HEAD\",status_class=\"2xx\"}";
        boolean seen = Poll.within(Duration.ofSeconds(30),
                () -> query(api, notFound).equals(OptionalLong.of(NOT_FOUND)) && query(api, heads).equals(OptionalLong.of(HEADS)));
        assertThat(seen).as("prometheus read %s = %s and %s = %s; its log:\n%s",
                notFound, query(api, notFound), heads, query(api, heads), log()).isTrue();
        assertThat(query(api, "up{job=\"webserv\"}")).hasValue(1);
    }

    /** The value of an instant query's single sample, if there is exactly one. */
    private OptionalLong query(URI api, String promql) {
        try {
            URI uri = api.resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
            String body = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            // {"status":"success","data":{"resultType":"vector","result":[{"metric":{...},"value":[1700000000.1,"37"]}]}}
            Matcher m = Pattern.compile("\"value\":\\[[0-9.]+,\"([0-9.eE+]+)\"]").matcher(body);
            if (!m.find()) {
                return OptionalLong.empty();
            }
            long value = (long) Double.parseDouble(m.group(1));
            return m.find() ? OptionalLong.empty() : OptionalLong.of(value);
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    private int status(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
