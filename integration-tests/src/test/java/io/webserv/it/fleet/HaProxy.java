package io.webserv.it.fleet;

import io.webserv.it.support.Poll;
import io.webserv.it.support.RepositoryFile;
import io.webserv.it.support.TestServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real HAProxy process on loopback, configured from the example the repository ships
 * ({@value #TEMPLATE}) with only its addresses, log target and check timings changed, and its
 * statistics page read to see what it thinks of each server.
 */
final class HaProxy implements AutoCloseable {

    static final String TEMPLATE = "packaging/haproxy/haproxy.cfg";
    /** The backend of the template, and the names of its two servers. */
    static final String BACKEND = "webserv";
    static final List<String> SERVERS = List.of("web1", "web2");
    /** The test's checks: a dead or draining server is out within fall × inter, about 0.4 s. */
    static final String TEST_CHECKS = "inter 200ms fall 2 rise 2";

    private final Process process;
    private final Path log;
    private final InetSocketAddress frontEnd;
    private final URI statsPage;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HaProxy(Process process, Path log, InetSocketAddress frontEnd, URI statsPage) {
        this.process = process;
        this.log = log;
        this.frontEnd = frontEnd;
        this.statsPage = statsPage;
    }

    /** The {@code haproxy} executable, if installed. */
    static Optional<Path> executable() {
        return Executables.find("haproxy");
    }

    /**
     * Writes the test's configuration into {@code dir} and starts HAProxy on it in the foreground, in
     * front of {@code servers} (web1, web2 of the template, in that order).
     */
    static HaProxy start(Path dir, List<InetSocketAddress> servers) throws IOException {
        Path executable = executable().orElseThrow(() -> new IllegalStateException(
                "haproxy is not installed (Debian: apt-get install haproxy); scripts/test.sh installs it"));
        int frontPort = TestServer.freePort();
        int statsPort = TestServer.freePort();
        Path config = Files.writeString(dir.resolve("haproxy.cfg"),
                configuration(RepositoryFile.read(TEMPLATE), frontPort, statsPort, servers));
        Path log = dir.resolve("haproxy.log");
        Process process = new ProcessBuilder(executable.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new HaProxy(process, log, new InetSocketAddress("127.0.0.1", frontPort),
                URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"));
    }

    /** The template on loopback: the front end and statistics on {@code frontPort} and {@code statsPort}. */
    static String configuration(String template, int frontPort, int statsPort, List<InetSocketAddress> servers) {
        if (servers.size() != SERVERS.size()) {
            throw new IllegalArgumentException("the template has " + SERVERS.size() + " servers, not "
                    + servers.size());
        }
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put("log /dev/log local0", "log stdout format raw local0");
        replacements.put("bind :80", "bind 127.0.0.1:" + frontPort);
        replacements.put("bind 127.0.0.1:8404", "bind 127.0.0.1:" + statsPort);
        replacements.put("inter 2s fall 3 rise 2", TEST_CHECKS);
        replacements.put("server web1 10.0.0.11:8080", "server web1 127.0.0.1:" + servers.get(0).getPort());
        replacements.put("server web2 10.0.0.12:8080", "server web2 127.0.0.1:" + servers.get(1).getPort());
        return RepositoryFile.replaceEachOnce(template, replacements);
    }

    InetSocketAddress frontEnd() {
        return frontEnd;
    }

    /** The servers of the backend as HAProxy sees them now. */
    List<ServerState> servers() throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(statsPage).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IOException(statsPage + " answered " + page.statusCode());
        }
        return ServerState.parse(page.body(), BACKEND);
    }

    /** {@code name} as HAProxy sees it now. */
    ServerState server(String name) throws IOException, InterruptedException {
        return servers().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no server " + name + " in " + BACKEND));
    }

    /** Whether HAProxy showed {@code name} with {@code status} ({@code UP}, {@code DOWN}) within {@code limit}. */
    boolean awaitStatus(String name, String status, Duration limit) throws InterruptedException {
        return Poll.within(limit, () -> {
            if (!process.isAlive()) {
                return true; // nothing to wait for: the caller's check fails and shows the log
            }
            try {
                return server(name).status().equals(status);
            } catch (IOException e) {
                return false; // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }) && process.isAlive();
    }

    /** HAProxy's output (its request log included), for a failure message: the last {@code lines} lines. */
    String logTail(int lines) {
        try (Stream<String> all = Files.lines(log)) {
            List<String> kept = all.toList();
            return String.join("\n", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
