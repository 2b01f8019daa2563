package io.webserv.it.cgi;

import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Many scripts at once, on one event loop that never waits for any of them (SPEC §6, §7). */
class CgiConcurrencyTest {

    @RegisterExtension
    static final CgiServer server = new CgiServer("10s"); // workers: 1 (the default): one loop serves everything

    @Test
    void fiftyConcurrentRequestsAllGetTheirOwnAnswer() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(50);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                results.add(clients.submit((Callable<Void>) () -> {
                    byte[] body = ("request " + n + " ").repeat(500 + n).getBytes(StandardCharsets.US_ASCII);
                    try (RawClient client = new RawClient(server.address(), 20_000)) {
                        client.send("POST /cgi-bin/echo.py?n=" + n + " HTTP/1.1\r\nHost: a\r\nContent-Length: "
                                + body.length + "\r\n\r\n").send(body);
                        RawResponse echoed = client.read();
                        assertThat(echoed.status()).isEqualTo(200);
                        assertThat(echoed.body()).isEqualTo(body);
                        RawResponse env = client.send(Requests.get("/cgi-bin/env.py/" + n + "?q=" + n)).read();
                        assertThat(env.bodyText()).contains("\nPATH_INFO=/" + n + "\n", "\nQUERY_STRING=q=" + n + "\n");
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void theLoopAnswersAStaticRequestWithin50MillisecondsWhile20ScriptsSleep() throws Exception {
        for (int i = 0; i < 20; i++) {
            Requests.exchange(server.address(), Requests.get("/hello.txt")); // warm up the static path
        }
        List<RawClient> sleepers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                RawClient client = new RawClient(server.address(), 10_000);
                sleepers.add(client);
                client.send(Requests.get("/cgi-bin/sleep.py?secs=2&tag=busy" + i));
            }
            for (int i = 0; i < 20; i++) {
                CgiSite.awaitPid(server.dir(), "busy" + i + ".pid"); // all 20 are running and sleeping now
            }
            long worst = 0;
            try (RawClient client = new RawClient(server.address())) {
                for (int i = 0; i < 10; i++) {
                    long start = System.nanoTime();
                    RawResponse response = client.send(Requests.get("/hello.txt")).read();
                    worst = Math.max(worst, System.nanoTime() - start);
                    assertThat(response.status()).isEqualTo(200);
                }
            }
            assertThat(worst / 1_000_000).as("slowest static answer, ms").isLessThan(50);
            for (RawClient sleeper : sleepers) {
                RawResponse slept = sleeper.read();
                assertThat(slept.status()).isEqualTo(200);
                assertThat(slept.bodyText()).isEqualTo("slept\n");
            }
        } finally {
            for (RawClient client : sleepers) {
                client.close();
            }
        }
    }
}
