package io.webserv.it.process;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Requests;
import io.webserv.it.support.Sockets;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SIGTERM as a load balancer sees it, with the jar as a process: the health check turns 503 at once,
 * the listeners stay open and everything is served as before for {@code timeouts.drain}, then the
 * port refuses connections, idle connections close, and what was in flight (a large file to a slow
 * reader, a CGI run) completes in full before the process exits 0.
 */
class DrainTest {

    private static final Duration STARTUP = Duration.ofSeconds(15);
    /** Far more than the socket buffers between the server and a reader that does not read. */
    private static final int BIG = 16 * 1024 * 1024;
    /** What a script writes once it runs, and waits for before it answers (in {@code cgi-bin}). */
    private static final String STARTED = "started";
    private static final String GO = "go";

    @TempDir
    Path dir;
    private final List<JarProcess> started = new ArrayList<>();
    private InetSocketAddress address;

    @BeforeEach
    void needsThePackagedJar() {
        assumeTrue(Files.isRegularFile(JarProcess.JAR), JarProcess.JAR + " not built (run mvn verify from the root)");
    }

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(JarProcess::close);
    }

    @Test
    void drainsThenClosesTheListenersAndFinishesAResponseInFlight() throws Exception {
        Duration drain = Duration.ofSeconds(3);
        JarProcess process = start("{ drain: 3s, shutdown: 10s }");
        assertThat(healthStatus()).isEqualTo(200);

        try (RawClient kept = new RawClient(address);
             Socket slow = Sockets.connectWithSmallBuffer(address, 4096, 10_000)) {
            assertThat(kept.send(Requests.get("/")).read().status()).isEqualTo(200);
            send(slow, Requests.get("/big.bin"));
            assertThat(Poll.within(STARTUP, () -> available(slow) > 0)).as("the large response has begun").isTrue();

            long signalled = System.nanoTime();
            process.terminate();

            AtomicReference<RawResponse> health = new AtomicReference<>();
            assertThat(Poll.within(drain, () -> healthResponse(health) == 503))
                    .as("health turns 503 during the drain; stderr:%n%s", process.stderr()).isTrue();
            assertThat(health.get().bodyText()).isEqualTo("draining\n");
            assertThat(Requests.exchange(address, Requests.get("/")).status())
                    .as("a new connection is accepted and served during the drain").isEqualTo(200);
            RawResponse again = kept.send(Requests.get("/")).read();
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.header("connection")).as("kept alive during the drain").isNotEqualTo("close");

            assertThat(Poll.within(drain.plusSeconds(10), this::refusesConnections))
                    .as("the port refuses connections once the drain is over").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).as("not before the drain is over")
                    .isGreaterThanOrEqualTo(drain);
            assertThat(kept.isClosedByServer()).as("the idle keep-alive connection is closed").isTrue();

            RawResponse big = new RawClient(slow).read();
            assertThat(big.status()).isEqualTo(200);
            assertThat(big.body()).as("the response in flight, in full").isEqualTo(Files.readAllBytes(dir.resolve("www/big.bin")));
        }
        assertThat(process.awaitExit(STARTUP)).as("exit status; stderr:%n%s", process.stderr()).hasValue(0);
        assertThat(process.stderr()).contains("SIGTERM: draining").contains("stopping: closing the listeners");
    }

    @Test
    void aSecondSignalEndsTheDrainAtOnceAndAReloadIsRefusedDuringIt() throws Exception {
        JarProcess process = start("{ drain: 60s, shutdown: 5s }");

        process.terminate();
        assertThat(Poll.within(STARTUP, () -> healthStatus() == 503)).as("draining").isTrue();
        process.hangUp();
        assertThat(Poll.within(STARTUP, () -> process.stderr().contains("refused: the server is stopping")))
                .as("a SIGHUP during the drain is refused; stderr:%n%s", process.stderr()).isTrue();
        assertThat(healthStatus()).as("still draining").isEqualTo(503);
        process.signal("INT");

        assertThat(Poll.within(Duration.ofSeconds(10), this::refusesConnections))
                .as("the listeners close long before the 60s drain is over").isTrue();
        assertThat(process.awaitExit(STARTUP)).as("exit status; stderr:%n%s", process.stderr()).hasValue(0);
        assertThat(process.stderr()).contains("SIGINT again: ending the drain now");
    }

    @Test
    void withoutADrainTheListenersCloseAtOnceAndACgiRunInFlightFinishes() throws Exception {
        JarProcess process = start("{ shutdown: 10s }");
        Path cgiBin = dir.resolve("cgi-bin");

        try (RawClient cgi = new RawClient(address, 15_000)) {
            cgi.send(Requests.get("/cgi-bin/wait.sh"));
            assertThat(Poll.within(STARTUP, () -> Files.exists(cgiBin.resolve(STARTED)))).as("the script runs").isTrue();

            process.terminate();
            assertThat(Poll.within(Duration.ofSeconds(5), this::refusesConnections))
                    .as("timeouts.drain is 0 by default: the listeners close at once").isTrue();
            Files.createFile(cgiBin.resolve(GO));

            RawResponse response = cgi.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("finished\n");
            assertThat(response.header("connection")).as("stopping: the response closes its connection").isEqualTo("close");
            assertThat(cgi.isClosedByServer()).isTrue();
        }
        assertThat(process.awaitExit(STARTUP)).as("exit status; stderr:%n%s", process.stderr()).hasValue(0);
        assertThat(process.stderr()).doesNotContain("draining");
    }

    /** Writes the site and the configuration (with {@code timeouts}), starts the jar and waits for it to listen. */
    private JarProcess start(String timeouts) throws Exception {
        int port = TestServer.freePort();
        address = new InetSocketAddress("127.0.0.1", port);
        TestFiles.write(dir, "www/index.html", "<h1>home</h1>");
        TestFiles.large(dir, "www/big.bin", BIG);
        Path script = TestFiles.write(dir, "cgi-bin/wait.sh", """
                #!/bin/sh
                # Runs in its own directory: says it started, then answers once the test says go.
                : > %s
                while [ ! -f %s ]; do sleep 0.05; done
                printf 'Content-Type: text/plain\\r\\n\\r\\nfinished\\n'
                """.formatted(STARTED, GO));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        TestFiles.write(dir, "site.yaml", """
                access_log: off
                timeouts: %s
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    routes:
                      - path: /
                      - path: /healthz
                        handler: health
                      - path: /cgi-bin
                        root: cgi-bin
                        cgi: { .sh: "" }
                """.formatted(timeouts, port));
        JarProcess process = JarProcess.start(dir, "site.yaml");
        started.add(process);
        assertThat(process.awaitStdout(l -> l.startsWith("listening on http://127.0.0.1:" + port), STARTUP))
                .as("startup line; stderr:%n%s", process.stderr()).isPresent();
        return process;
    }

    /** The health route's status on a new connection; 0 when the port refuses connections. */
    private int healthStatus() {
        return healthResponse(new AtomicReference<>());
    }

    private int healthResponse(AtomicReference<RawResponse> last) {
        try {
            last.set(Requests.exchange(address, Requests.get("/healthz")));
            return last.get().status();
        } catch (ConnectException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean refusesConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(address, 1_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static int available(Socket socket) {
        try {
            return socket.getInputStream().available();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
