package io.webserv.it.process;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.Requests;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.webserv.it.process.JarServers.PATIENCE;
import static io.webserv.it.process.JarServers.answersWithin;
import static io.webserv.it.process.JarServers.local;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reloads under a steady load lose nothing: clients on keep-alive connections (raw sockets, where any
 * close or reset is a failure, and the JDK's HttpClient) send requests without pause while the server
 * reloads five times between two configurations; every request gets a 200 from one of them.
 */
class ReloadUnderLoadTest {

    private static final int RELOADS = 5;
    private static final int RAW_CLIENTS = 3;
    private static final int HTTP_CLIENTS = 2;

    @TempDir
    Path dir;
    private JarServers servers;

    @BeforeEach
    void site() throws IOException {
        servers = JarServers.in(dir);
        TestFiles.write(dir, "www-a/index.html", "site A");
        TestFiles.write(dir, "www-b/index.html", "site B");
        TestFiles.write(dir, "www-b/extra/index.html", "extra");
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    private void configure(int port, boolean b) throws IOException {
        TestFiles.write(dir, "site.yaml", """
                access_log: off
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: %s
                    routes:
                      - path: /
                %s""".formatted(port, b ? "www-b" : "www-a", b ? "      - { path: /extra }\n" : ""));
    }

    /** What the clients saw. */
    private static final class Tally {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final Set<String> bodies = ConcurrentHashMap.newKeySet();
        final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

        void record(int status, String body) {
            if (status == 200 && (body.equals("site A") || body.equals("site B"))) {
                ok.incrementAndGet();
                bodies.add(body);
            } else {
                fail(status + " " + body);
            }
        }

        void fail(String what) {
            failed.incrementAndGet();
            if (failures.size() < 10) {
                failures.add(what);
            }
        }
    }

    @Test
    void fiveReloadsUnderSteadyKeepAliveLoadFailNoRequest() throws Exception {
        int port = TestServer.freePort();
        configure(port, false);
        JarProcess server = servers.serve("site.yaml", port);

        Tally tally = new Tally();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < RAW_CLIENTS; i++) {
            clients.add(new Thread(() -> rawClient(port, running, tally), "raw-client-" + i));
        }
        for (int i = 0; i < HTTP_CLIENTS; i++) {
            clients.add(new Thread(() -> httpClient(port, running, tally), "http-client-" + i));
        }
        clients.forEach(Thread::start);

        for (int reload = 1; reload <= RELOADS; reload++) {
            boolean b = reload % 2 == 1;
            configure(port, b);
            long before = tally.ok.get();
            server.hangUp();
            assertThat(server.awaitStderr(l -> l.contains("reloaded site.yaml"), reload, PATIENCE))
                    .as("reload %d; stderr:%n%s", reload, server.stderr()).hasSize(reload);
            assertThat(answersWithin(port, "/", b ? "200 site B" : "200 site A")).isTrue();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (tally.ok.get() < before + 100 && System.nanoTime() < deadline) {
                Thread.sleep(5); // poll: let the load run across this reload before the next
            }
        }
        running.set(false);
        for (Thread client : clients) {
            client.join(PATIENCE.toMillis());
        }

        System.out.printf("ReloadUnderLoadTest: %d requests served, %d failed, across %d reloads%n",
                tally.ok.get(), tally.failed.get(), RELOADS);
        assertThat(tally.failures).as("failed requests").isEmpty();
        assertThat(tally.failed.get()).isZero();
        assertThat(tally.ok.get()).as("requests served").isGreaterThan(RELOADS * 100L);
        assertThat(tally.bodies).as("both configurations served the load").containsExactlyInAnyOrder("site A", "site B");
        assertThat(server.stderr()).doesNotContain("refused");
    }

    /** One keep-alive connection for the whole run: a close, reset or timeout is a failure. */
    private static void rawClient(int port, AtomicBoolean running, Tally tally) {
        try (RawClient client = new RawClient(local(port))) {
            while (running.get()) {
                RawClient.RawResponse response = client.send(Requests.get("/")).read();
                tally.record(response.status(), response.bodyText());
            }
        } catch (IOException | RuntimeException e) {
            tally.fail(e.toString());
        }
    }

    private static void httpClient(int port, AtomicBoolean running, Tally tally) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5)).build();
        while (running.get()) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                tally.record(response.statusCode(), response.body());
            } catch (IOException e) {
                tally.fail(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
