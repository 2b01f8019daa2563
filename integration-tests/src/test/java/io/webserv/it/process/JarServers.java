package io.webserv.it.process;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.Requests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The jar processes one test starts, each killed at the end if it still runs; and what those tests ask of them. */
final class JarServers implements AutoCloseable {

    /** A JVM starting and binding, or exiting, or reloading: generous, since a loaded build machine is slow. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private final Path dir;
    private final List<JarProcess> started = new ArrayList<>();

    private JarServers(Path dir) {
        this.dir = dir;
    }

    /** For a test working in {@code dir}; skips the test when the jar is not built. */
    static JarServers in(Path dir) {
        assumeTrue(Files.isRegularFile(JarProcess.JAR), JarProcess.JAR + " not built (run mvn verify from the root)");
        return new JarServers(dir);
    }

    /** {@code java -jar webserv.jar ARGS} in the test's directory. */
    JarProcess run(String... args) throws IOException {
        JarProcess process = JarProcess.start(dir, args);
        started.add(process);
        return process;
    }

    /** Starts a server on {@code config} and waits for its start-up line for {@code port}. */
    JarProcess serve(String config, int port) throws Exception {
        JarProcess process = run(config);
        String expected = "listening on http://127.0.0.1:" + port;
        Optional<String> line = process.awaitStdout(l -> l.startsWith(expected), PATIENCE);
        assertThat(line).as("start-up line; stderr:%n%s", process.stderr()).isPresent();
        return process;
    }

    /** Its exit status, waiting for it. */
    static int exitStatus(JarProcess process) throws InterruptedException {
        Optional<Integer> status = process.awaitExit(PATIENCE);
        assertThat(status).as("exited; stdout:%n%s%nstderr:%n%s", process.stdout(), process.stderr()).isPresent();
        return status.orElseThrow();
    }

    /** The body of GET {@code path} on a new connection to {@code 127.0.0.1:port}, with its status: {@code "200 text"}. */
    static String get(int port, String path) throws IOException {
        RawClient.RawResponse response = Requests.exchange(local(port), Requests.get(path));
        return response.status() + " " + response.bodyText();
    }

    /** Whether GET {@code path} on new connections answers {@code expected} ({@link #get}'s form) within the patience. */
    static boolean answersWithin(int port, String path, String expected) throws InterruptedException {
        return Poll.within(PATIENCE, () -> {
            try {
                return get(port, path).equals(expected);
            } catch (IOException e) {
                return false;
            }
        });
    }

    static InetSocketAddress local(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    @Override
    public void close() {
        started.forEach(JarProcess::close);
    }
}
