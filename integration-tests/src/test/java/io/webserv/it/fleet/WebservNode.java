package io.webserv.it.fleet;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One webserv process of the fleet: the packaged jar on its own loopback port and directory. Its
 * {@code /} answers its own name, so the load can tell which process served each request, and
 * {@code /healthz} is what HAProxy checks. {@link #reload} gives it other routes on SIGHUP.
 */
final class WebservNode implements AutoCloseable {

    /** A JVM starting and binding on a loaded build machine. */
    static final Duration STARTUP = Duration.ofSeconds(20);
    /** {@code timeouts.shutdown}: how long in-flight responses may go on after SIGTERM. */
    static final Duration SHUTDOWN = Duration.ofSeconds(5);

    /**
     * {@code timeouts.drain}: after SIGTERM, /healthz answers 503 while the listener stays open this
     * long, well over the test's HAProxy checks ({@code inter 200ms fall 2}: out after 0.4 s), so
     * HAProxy takes the process out before it stops accepting.
     */
    static final Duration DRAIN = Duration.ofSeconds(2);

    /** The routes it starts with: {@code /} from its root, {@code www}, where index.html is its name. */
    private static final String ROUTES = "- { path: /, methods: [GET] }";

    private static final String FILE = "webserv.yaml";
    /**
     * The health module answers HAProxy's check: 200 while serving, 503 from SIGTERM on. It stays on
     * every reload; the other routes come last.
     */
    private static final String CONFIGURATION = """
            access_log: off
            timeouts: { shutdown: %ds, drain: %ds }
            servers:
              - listen: ["127.0.0.1:%d"]
                root: www
                routes:
                  - { path: /healthz, handler: health }
            %s""";

    private final String name;
    private final Path home;
    private final InetSocketAddress address;
    private final JarProcess process;

    private WebservNode(String name, Path home, InetSocketAddress address, JarProcess process) {
        this.name = name;
        this.home = home;
        this.address = address;
        this.process = process;
    }

    /** Starts the jar as {@code name} in {@code dir/name} (without waiting for it to listen). */
    static WebservNode start(Path dir, String name) throws IOException {
        Path home = dir.resolve(name);
        int port = TestServer.freePort();
        TestFiles.write(home, "www/index.html", name);
        TestFiles.write(home, FILE, configuration(port, ROUTES));
        return new WebservNode(name, home, new InetSocketAddress("127.0.0.1", port), JarProcess.start(home, FILE));
    }

    /** Its configuration file on {@code port}, with {@code routes} (YAML list items) after /healthz. */
    private static String configuration(int port, String routes) {
        return CONFIGURATION.formatted(SHUTDOWN.toSeconds(), DRAIN.toSeconds(), port, routes.strip().indent(6));
    }

    /** Waits for the startup line of its address; fails with the process's output if it does not come. */
    void awaitListening() throws InterruptedException {
        String expected = "listening on http://127.0.0.1:" + address.getPort();
        if (process.awaitStdout(line -> line.startsWith(expected), STARTUP).isEmpty()) {
            throw new IllegalStateException(name + " did not start:\n" + output());
        }
    }

    String name() {
        return name;
    }

    InetSocketAddress address() {
        return address;
    }

    /** Writes {@code text} to {@code relative} in its directory: a page for routes to come. */
    void writeFile(String relative, String text) throws IOException {
        TestFiles.write(home, relative, text);
    }

    /**
     * Rewrites its configuration file with {@code routes} (YAML list items, after /healthz) in place of
     * the ones it has, and sends SIGHUP, without waiting: {@link #awaitReloaded} does.
     */
    void reload(String routes) throws IOException, InterruptedException {
        TestFiles.write(home, FILE, configuration(address.getPort(), routes));
        process.hangUp();
    }

    /**
     * Waits for the line it logs once a reload is in force ({@code reloaded webserv.yaml in 14 ms: ...});
     * fails with its output if it refused the file or said nothing within {@code limit}.
     *
     * @return that line
     */
    String awaitReloaded(Duration limit) throws InterruptedException {
        String done = "reloaded " + FILE + " ";
        String refused = "reload of " + FILE + " refused";
        String line = process.awaitStderr(l -> l.contains(done) || l.contains(refused), 1, limit).stream()
                .findFirst().orElseThrow(() -> new IllegalStateException(name + " did not reload within " + limit
                        + ":\n" + output()));
        if (!line.contains(done)) {
            throw new IllegalStateException(name + " refused the reload:\n" + output());
        }
        return line.substring(line.indexOf(done));
    }

    /** Whether it still runs. */
    boolean running() {
        return process.isAlive();
    }

    /** SIGTERM: the graceful drain. */
    void terminate() {
        process.terminate();
    }

    /** SIGKILL: a crash. */
    void kill() {
        process.kill();
    }

    /** Its exit status, once it has exited within {@code limit}. */
    Optional<Integer> awaitExit(Duration limit) throws InterruptedException {
        return process.awaitExit(limit);
    }

    /** Its standard output and error, for a failure message. */
    String output() {
        return "stdout:\n" + process.stdout() + "\nstderr:\n" + process.stderr();
    }

    @Override
    public void close() {
        process.close();
    }
}
