package io.webserv.it.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webserv.it.support.JarProcess;
import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Requests;
import io.webserv.it.support.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code access_log: { to: FILE, format: json }} through the jar, as a user runs it (the destination is
 * set up by the command line before logging starts): one JSON object per response, valid whatever the
 * client sent, within a second (SPEC §1).
 */
class JsonAccessLogTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Test
    void writesOneValidJsonObjectPerResponse(@TempDir Path site) throws Exception {
        assumeTrue(Files.exists(JarProcess.JAR), "the jar is built by mvn package");
        int port = TestServer.freePort();
        writeSite(site, port, "logs/access.json");
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        // Each char is one byte on the wire: a quote-and-brace injection attempt, a backslash, a tab,
        // UTF-8 "é" and a byte that is no UTF-8 at all.
        String hostileAgent = "evil\"},{\"status\":1,\"x\":\"\\\t\u00c3\u00a9\u00ff";
        try (JarProcess process = JarProcess.start(site, "webserv.yaml")) {
            assertThat(process.awaitStdout(line -> line.startsWith("listening on"), Duration.ofSeconds(20))).isPresent();

            assertThat(Requests.exchange(address, "GET /hello.txt?q=1 HTTP/1.1\r\nHost: WWW.example.test\r\n"
                    + "User-Agent: " + hostileAgent + "\r\nReferer: http://ref.test/\r\n\r\n").status()).isEqualTo(200);
            assertThat(Requests.exchange(address, Requests.get("/missing", "other.test")).status()).isEqualTo(404);
            RawResponse garbageResponse = Requests.exchange(address, "GARBAGE\r\n\r\n");
            assertThat(garbageResponse.status()).isEqualTo(400);
            assertThat(Requests.exchange(address, "GET /nul HTTP/1.1\r\nHost: a\r\nUser-Agent: a\u0000\"b\r\n\r\n")
                    .status()).isEqualTo(400);
            assertThat(Requests.exchange(address, "GET /lf HTTP/1.1\r\nHost: a\r\nUser-Agent: a\nX-Forged: \"}\r\n\r\n")
                    .status()).isBetween(200, 499);

            List<JsonNode> lines = awaitLines(site.resolve("logs/access.json"), 5, Duration.ofSeconds(2));

            JsonNode ok = lines.get(0);
            assertThat(ok.get("time").textValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(ok.get("client").textValue()).isEqualTo("127.0.0.1");
            assertThat(ok.get("method").textValue()).isEqualTo("GET");
            assertThat(ok.get("target").textValue()).isEqualTo("/hello.txt?q=1");
            assertThat(ok.get("protocol").textValue()).isEqualTo("HTTP/1.1");
            assertThat(ok.get("status").intValue()).isEqualTo(200);
            assertThat(ok.get("bytes").longValue()).isEqualTo(5);
            assertThat(ok.get("duration_ms").isNumber()).isTrue();
            assertThat(ok.get("duration_ms").doubleValue()).isBetween(0.0, 20_000.0);
            assertThat(ok.get("user_agent").textValue()).isEqualTo("evil\"},{\"status\":1,\"x\":\"\\\té\uFFFD");
            assertThat(ok.get("referer").textValue()).isEqualTo("http://ref.test/");
            assertThat(ok.get("server").textValue()).isEqualTo("www.example.test");

            JsonNode notFound = lines.get(1);
            assertThat(notFound.get("status").intValue()).isEqualTo(404);
            assertThat(notFound.get("server").textValue()).as("the default server's first name").isEqualTo("example.test");
            assertThat(notFound.get("user_agent").isNull()).isTrue();

            JsonNode garbage = lines.get(2);
            assertThat(garbage.get("status").intValue()).isEqualTo(400);
            assertThat(garbage.get("client").textValue()).isEqualTo("127.0.0.1");
            assertThat(garbage.get("bytes").longValue()).as("the error page's length")
                    .isEqualTo(garbageResponse.body().length).isPositive();
            for (String unknown : List.of("method", "target", "protocol", "user_agent", "referer", "server")) {
                assertThat(garbage.get(unknown).isNull()).as(unknown).isTrue();
            }
            assertThat(lines.get(3).get("status").intValue()).isEqualTo(400);
            assertThat(lines).allSatisfy(line -> assertThat(line.size()).isEqualTo(11));
        }
    }

    /**
     * The log's destination blocks (a FIFO nobody reads: the appender's thread waits in write(2) once
     * the pipe is full): lines queue up to the appender's bound (8192) and the rest are dropped, while
     * every request is still answered at once. Afterwards, read again, the log goes on.
     */
    @Test
    void aBlockedDestinationDropsLinesInsteadOfStallingTheLoop(@TempDir Path site) throws Exception {
        assumeTrue(Files.exists(JarProcess.JAR), "the jar is built by mvn package");
        int port = TestServer.freePort();
        Path fifo = Files.createDirectories(site.resolve("logs")).resolve("access.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo");
        writeSite(site, port, "logs/access.fifo");
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        // Opened for reading and writing, so opening does not wait for the server; never read until the end.
        try (java.io.RandomAccessFile reader = new java.io.RandomAccessFile(fifo.toFile(), "rw");
             JarProcess process = JarProcess.start(site, "webserv.yaml")) {
            assertThat(process.awaitStdout(line -> line.startsWith("listening on"), Duration.ofSeconds(20))).isPresent();

            int requests = 12_000; // the pipe holds ~64 KiB of lines, the queue 8192: thousands are beyond both
            long started = System.nanoTime();
            try (RawClient client = new RawClient(address, 5_000)) {
                for (int sent = 0; sent < requests; sent += 100) {
                    client.send(Requests.get("/hello.txt?n=" + sent, "a").repeat(100));
                    for (int i = 0; i < 100; i++) {
                        assertThat(client.read().status()).isEqualTo(200);
                    }
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("%d requests answered while the log is blocked", requests)
                    .isLessThan(Duration.ofSeconds(60));
            assertThat(process.awaitStderr(line -> line.contains("queue is full"), 1, Duration.ofSeconds(5)))
                    .as("Log4j reports the dropped lines on stderr (a few times, then once per 5 minutes)").isNotEmpty();
            System.out.printf("%d requests with the access log blocked: %d ms%n", requests, took.toMillis());

            // Unblocked: what was queued comes out, then the lines of new requests again.
            FifoDrain drain = new FifoDrain(reader);
            drain.start();
            int[] after = {0};
            boolean logging = Poll.within(Duration.ofSeconds(20), () -> {
                try {
                    Requests.exchange(address, Requests.get("/hello.txt?after=" + after[0]++, "a"));
                } catch (IOException e) {
                    return false;
                }
                return drain.text().contains("?after=");
            });
            String written = drain.text();
            drain.finish();
            assertThat(logging).as("lines written again once the destination reads").isTrue();
            String[] lines = written.split("\n");
            assertThat(lines.length).as("lines written: more than the queue held, fewer than the requests")
                    .isLessThan(requests).isGreaterThan(8_192);
            for (String line : lines) {
                assertThat(JSON.readTree(line).get("status").intValue()).isEqualTo(200);
            }
        }
    }

    /** Reads a FIFO on its own thread until stopped (a newline written to the FIFO wakes the read). */
    private static final class FifoDrain extends Thread {
        private final java.io.RandomAccessFile fifo;
        private final StringBuffer text = new StringBuffer();
        private volatile boolean stopped;

        FifoDrain(java.io.RandomAccessFile fifo) {
            super("fifo-drain");
            this.fifo = fifo;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] buffer = new byte[1 << 16];
            try {
                while (!stopped) {
                    int n = fifo.read(buffer);
                    text.append(new String(buffer, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                // closed: done
            }
        }

        /** What was read, up to the last complete line. */
        String text() {
            String all = text.toString();
            return all.substring(0, all.lastIndexOf('\n') + 1);
        }

        void finish() throws IOException, InterruptedException {
            stopped = true;
            fifo.write('\n');
            join(5_000);
        }
    }

    private static void writeSite(Path site, int port, String log) throws IOException {
        Files.createDirectories(site.resolve("www"));
        Files.writeString(site.resolve("www/hello.txt"), "hello");
        Files.writeString(site.resolve("webserv.yaml"), """
                access_log: { to: %s, format: json }
                servers:
                  - listen: ["127.0.0.1:%d"]
                    server_names: [example.test, www.example.test]
                    root: www
                """.formatted(log, port));
    }

    /** The first {@code count} lines of {@code file}, each parsed as JSON, once they are all there. */
    private static List<JsonNode> awaitLines(Path file, int count, Duration limit) throws Exception {
        Predicate<List<String>> enough = lines -> lines.size() >= count;
        List<String> lines = new ArrayList<>();
        Poll.within(limit, () -> {
            lines.clear();
            try {
                if (Files.exists(file)) {
                    lines.addAll(Files.readAllLines(file, java.nio.charset.StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                return false;
            }
            return enough.test(lines);
        });
        assertThat(lines).as("lines of %s", file).hasSizeGreaterThanOrEqualTo(count);
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            parsed.add(JSON.readTree(line));
        }
        return parsed;
    }
}
