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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The packaged {@code webserv.jar} as a user runs it (SPEC §1). */
class JarProcessTest {

    /** A JVM starting and binding, or exiting: generous, since a loaded build machine is slow. */
    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static final Duration SHUTDOWN = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    private final List<JarProcess> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void needsThePackagedJar() {
        assumeTrue(Files.isRegularFile(JarProcess.JAR), JarProcess.JAR + " not built (run mvn verify from the root)");
    }

    @AfterEach
    void killWhatIsLeft() {
        for (JarProcess process : started) {
            process.close();
        }
    }

    private JarProcess run(String... args) throws IOException {
        JarProcess process = JarProcess.start(dir, args);
        started.add(process);
        return process;
    }

    private static int exitStatus(JarProcess process) throws InterruptedException {
        Optional<Integer> status = process.awaitExit(STARTUP);
        assertThat(status).as("exited; stdout:%n%s%nstderr:%n%s", process.stdout(), process.stderr()).isPresent();
        return status.orElseThrow();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void writeConfig(String name, int port) throws IOException {
        TestFiles.write(dir, "www/index.html", "<h1>from the jar</h1>");
        TestFiles.write(dir, name, """
                access_log: off
                timeouts: { shutdown: %ds }
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                """.formatted(SHUTDOWN.toSeconds(), port));
    }

    @Test
    void servesAConfigurationThenExitsZeroOnSigterm() throws Exception {
        int port = TestServer.freePort();
        writeConfig("site.yaml", port);
        JarProcess process = run("site.yaml");

        String expected = "listening on http://127.0.0.1:" + port;
        Optional<String> line = process.awaitStdout(l -> l.startsWith(expected), STARTUP);
        assertThat(line).as("startup line; stderr:%n%s", process.stderr()).isPresent();
        HttpResponse<String> response = get("http://127.0.0.1:" + port + "/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<h1>from the jar</h1>");

        try (RawClient idle = new RawClient(new InetSocketAddress("127.0.0.1", port))) {
            assertThat(idle.send(Requests.get("/")).read().status()).isEqualTo(200);
            process.terminate();
            // nothing is in flight: the idle connection is closed and the process ends well within the grace
            assertThat(idle.isClosedByServer()).as("an idle keep-alive connection is closed").isTrue();
            assertThat(process.awaitExit(SHUTDOWN.plusSeconds(1))).as("exit status after SIGTERM").hasValue(0);
        }
    }

    @Test
    void servesTheWelcomeSiteOn8080WithoutAConfiguration() throws Exception {
        assumeTrue(isFree(8080), "port 8080 is taken on this machine");
        JarProcess process = run();

        Optional<String> line = process.awaitStdout(l -> l.startsWith("listening on http://") && l.contains(":8080"), STARTUP);
        assertThat(line).as("startup line; stderr:%n%s", process.stderr()).isPresent();
        HttpResponse<String> response = get("http://127.0.0.1:8080/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Welcome to webserv");
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));

        process.terminate();
        assertThat(process.awaitExit(Duration.ofSeconds(15))).hasValue(0);
    }

    @Test
    void testConfigPrintsEveryErrorWithItsPositionAndExitsOne() throws Exception {
        TestFiles.write(dir, "bad.yaml", """
                workers: 0
                timeouts: { header: 10 }
                servers:
                  - listen: [99999]
                    root: nowhere
                    bogus: 1
                """);
        JarProcess process = run("-t", "bad.yaml");

        assertThat(exitStatus(process)).isEqualTo(1);
        List<String> lines = new ArrayList<>(process.stderrLines());
        process.stdout().lines().filter(l -> !l.isBlank()).forEach(lines::add);
        assertThat(lines).as("every line is file:line:column: message")
                .isNotEmpty()
                .allMatch(l -> l.matches("bad\\.yaml:\\d+:\\d+: \\S.*"));
        assertThat(lines).as("one error per mistake, each at its place")
                .anyMatch(l -> l.startsWith("bad.yaml:1:10: "))   // workers: 0
                .anyMatch(l -> l.startsWith("bad.yaml:2:21: "))   // header: 10 (no unit)
                .anyMatch(l -> l.startsWith("bad.yaml:4:14: "))   // port 99999
                .anyMatch(l -> l.startsWith("bad.yaml:5:11: "))   // missing root
                .anyMatch(l -> l.startsWith("bad.yaml:6:5: "));   // unknown key
        assertThat(process.stdout()).doesNotContain("configuration OK");
    }

    @Test
    void testConfigAcceptsAGoodFileWithoutBindingAnything() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // -t binds nothing: a port held by someone else does not matter
            writeConfig("good.yaml", taken.getLocalPort());
            JarProcess process = run("-t", "good.yaml");

            assertThat(exitStatus(process)).isZero();
            assertThat(process.stdout()).contains("configuration OK");
            assertThat(process.stderr()).isBlank();
        }
    }

    @Test
    void aPortAlreadyTakenExitsNonZeroNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            writeConfig("site.yaml", port);
            JarProcess process = run("site.yaml");

            assertThat(exitStatus(process)).isNotZero();
            assertThat(process.stderr() + process.stdout()).contains("127.0.0.1:" + port);
        }
    }

    @Test
    void printsHelpAndVersion() throws Exception {
        JarProcess help = run("--help");
        JarProcess shortHelp = run("-h");
        JarProcess version = run("--version");

        assertThat(exitStatus(help)).isZero();
        assertThat(help.stdout()).containsIgnoringCase("usage").contains("--test-config").contains("--version");
        assertThat(exitStatus(shortHelp)).isZero();
        assertThat(shortHelp.stdout()).isEqualTo(help.stdout());
        assertThat(exitStatus(version)).isZero();
        assertThat(version.stdout()).matches("webserv \\S+");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
