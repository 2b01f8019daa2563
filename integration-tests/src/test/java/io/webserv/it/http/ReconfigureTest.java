package io.webserv.it.http;

import io.webserv.config.ConfigLoader;
import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.Requests;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import io.webserv.server.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link WebServer#reconfigure} in this JVM: what the packaged server's SIGHUP relies on, at the seams
 * between a configuration and the next (the reload itself, signals and all: process/ReloadTest).
 */
class ReconfigureTest {

    @TempDir
    Path dir;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A server on {@code ports}: {@code /} from www, uploads at {@code /up}, and {@code extraRoute} if not empty. */
    private static String config(String extraRoute, int... ports) {
        StringBuilder listen = new StringBuilder();
        for (int port : ports) {
            listen.append(listen.length() == 0 ? "" : ", ").append("\"127.0.0.1:").append(port).append('"');
        }
        return """
                access_log: off
                servers:
                  - listen: [%s]
                    root: www
                    routes:
                      - { path: / }
                      - { path: /up, methods: [GET, PUT], root: up, upload_dir: up }
                %s""".formatted(listen, extraRoute.isEmpty() ? "" : "      " + extraRoute + "\n");
    }

    private WebServer.Reconfiguration reconfigure(String yaml) throws Exception {
        Path file = dir.resolve("webserv.yaml");
        Files.writeString(file, yaml);
        return server.server().reconfigure(ConfigLoader.load(file));
    }

    @Test
    void aFileChangedByARequestOfTheOldConfigurationShowsAtOnceInTheNew() throws Exception {
        int port = TestServer.freePort();
        TestFiles.write(dir, "www/index.html", "home");
        TestFiles.write(dir, "up/file.txt", "old");
        server = TestServer.start(dir, config("", port));
        InetSocketAddress address = server.address();

        try (RawClient upload = new RawClient(address)) {
            // A PUT that started on the first configuration; its body is still to come.
            upload.send("PUT /up/file.txt HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n");
            assertThat(Requests.exchange(address, Requests.get("/up/file.txt")).bodyText()).isEqualTo("old");

            WebServer.Reconfiguration done = reconfigure(config("- { path: /other }", port));
            assertThat(done.config().serversChanged()).hasSize(1);
            assertThat(done.listenersAdded()).isEmpty();
            assertThat(done.listenersRemoved()).isEmpty();
            // The new configuration's routes read the file, and keep it in the file cache for a second.
            assertThat(Requests.exchange(address, Requests.get("/up/file.txt")).bodyText()).isEqualTo("old");

            upload.send("new");
            assertThat(upload.read().status()).as("the old configuration's PUT replaced the file").isEqualTo(200);
        }
        assertThat(Requests.exchange(address, Requests.get("/up/file.txt")).bodyText())
                .as("the change shows at once on the new configuration: one file cache across reloads")
                .isEqualTo("new");
    }

    @Test
    void anAddressThatCannotBeBoundRefusesTheWholeReconfigurationAndUndoesWhatItBound() throws Exception {
        int port = TestServer.freePort();
        int fresh = TestServer.freePort();
        TestFiles.write(dir, "www/index.html", "home");
        server = TestServer.start(dir, config("", port));

        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int busy = taken.getLocalPort();
            assertThatThrownBy(() -> reconfigure(config("- { path: /other }", port, fresh, busy)))
                    .isInstanceOf(IOException.class).hasMessageContaining("127.0.0.1:" + busy);
        }
        assertThat(server.server().listeners()).extracting(l -> l.address().getPort()).containsExactly(port);
        assertThat(server.server().config().servers().get(0).routes()).extracting(r -> r.path()).containsExactly("/", "/up");
        assertThat(Requests.exchange(server.address(), Requests.get("/")).bodyText()).isEqualTo("home");
        assertThat(Poll.within(Duration.ofSeconds(5), () -> refuses(fresh)))
                .as("the address bound for the refused configuration is closed again").isTrue();

        WebServer.Reconfiguration done = reconfigure(config("", port, fresh));
        assertThat(done.listenersAdded()).extracting(InetSocketAddress::getPort).containsExactly(fresh);
        assertThat(Requests.exchange(new InetSocketAddress("127.0.0.1", fresh), Requests.get("/")).bodyText())
                .isEqualTo("home");
    }

    private static boolean refuses(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
