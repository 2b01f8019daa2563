package io.webserv.it.support;

import io.webserv.config.ConfigLoader;
import io.webserv.config.model.WebservConfig;
import io.webserv.server.WebServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real server, in this JVM, from a YAML configuration written to a directory of the test's (so
 * relative paths resolve there). Ports come from {@link #freePort()}.
 */
public final class TestServer implements AutoCloseable {

    private final WebServer server;
    private final Path dir;

    private TestServer(WebServer server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    /** Writes {@code yaml} to {@code dir/webserv.yaml}, loads it as the CLI would, and starts serving. */
    public static TestServer start(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("webserv.yaml");
        Files.writeString(file, yaml);
        WebservConfig config = ConfigLoader.load(file);
        return new TestServer(WebServer.start(config), dir);
    }

    /** A port nobody listens on right now (the OS picks; it is released before the server binds it). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** The address of the {@code index}-th listening socket. */
    public InetSocketAddress address(int index) {
        InetSocketAddress bound = server.listeners().get(index).address();
        return new InetSocketAddress("127.0.0.1", bound.getPort());
    }

    public InetSocketAddress address() {
        return address(0);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + address().getPort() + path);
    }

    public Path dir() {
        return dir;
    }

    public WebServer server() {
        return server;
    }

    @Override
    public void close() {
        server.shutdown(Duration.ofSeconds(1));
    }
}
