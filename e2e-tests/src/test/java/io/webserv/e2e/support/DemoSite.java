package io.webserv.e2e.support;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.RepositoryFile;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's demo site (demo/: webserv.yaml, www, cgi-bin) served by the built webserv.jar as a
 * separate process, from a copy in a temporary directory: the copy listens on a free loopback port
 * instead of 8080, and its uploads land in the copy's own (empty) uploads directory.
 */
public final class DemoSite implements AutoCloseable {

    /** The demo's listen address, replaced in the copy; it must appear exactly once in demo/webserv.yaml. */
    private static final String DEMO_LISTEN = "\"127.0.0.1:8080\"";

    private final JarProcess server;
    private final String origin;
    private final Path dir;

    private DemoSite(JarProcess server, String origin, Path dir) {
        this.server = server;
        this.origin = origin;
        this.dir = dir;
    }

    /** Copies the demo into {@code dir} and starts the jar on it; returns once it listens. */
    public static DemoSite start(Path dir) throws IOException, InterruptedException {
        copyDemo(RepositoryFile.ROOT.resolve("demo"), dir);
        int port = freePort();
        Path config = dir.resolve("webserv.yaml");
        Files.writeString(config, RepositoryFile.replaceEachOnce(Files.readString(config, StandardCharsets.UTF_8),
                Map.of(DEMO_LISTEN, "\"127.0.0.1:" + port + "\"")), StandardCharsets.UTF_8);
        JarProcess server = JarProcess.start(dir, "webserv.yaml");
        if (server.awaitStdout(line -> line.startsWith("listening on"), Duration.ofSeconds(20)).isEmpty()) {
            server.close();
            throw new IllegalStateException("the demo did not start:\n" + server.stdout() + "\n" + server.stderr());
        }
        return new DemoSite(server, "http://127.0.0.1:" + port, dir);
    }

    /**
     * Copies {@code demo} with its files' permissions (the shell CGI scripts run by their shebang), but
     * not what a local run uploaded into demo/uploads.
     */
    private static void copyDemo(Path demo, Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(demo)) {
            files = walk.filter(p -> !p.getParent().equals(demo.resolve("uploads"))).toList();
        }
        for (Path file : files) {
            Path copy = dir.resolve(demo.relativize(file).toString());
            if (Files.isDirectory(file)) {
                Files.createDirectories(copy);
            } else {
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The absolute URL of {@code path} (which starts with {@code /}) on this site. */
    public String url(String path) {
        return origin + path;
    }

    /** The directory the site's uploads are stored in. */
    public Path uploads() {
        return dir.resolve("uploads");
    }

    /** What the server printed so far (the access log and any error), to explain a failure. */
    public String output() {
        return server.stdout() + "\n" + server.stderr();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }
}
