package io.webserv.it.process;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.Requests;
import io.webserv.it.support.SlowDownload;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.webserv.it.process.JarServers.PATIENCE;
import static io.webserv.it.process.JarServers.answersWithin;
import static io.webserv.it.process.JarServers.get;
import static io.webserv.it.process.JarServers.local;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGHUP reloads the configuration of the packaged server, a real process: new routes, roots and
 * listen addresses serve new requests, requests under way finish on what they started with, a bad file
 * changes nothing, and no request fails.
 */
class ReloadTest {

    /** Large enough that most of it is still on the server's side while the test holds the download. */
    private static final int BIG = 16 * 1024 * 1024;

    @TempDir
    Path dir;
    private JarServers servers;

    @BeforeEach
    void site() throws IOException {
        servers = JarServers.in(dir);
        TestFiles.write(dir, "www-a/index.html", "site A");
        TestFiles.large(dir, "www-a/big.bin", BIG);
        TestFiles.write(dir, "old-pages/page.html", "old page");
        TestFiles.write(dir, "www-b/index.html", "site B");
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    /** One server on {@code ports} serving {@code root} at {@code /}, and {@code extraRoutes} (YAML list items). */
    private void configure(String root, String extraRoutes, int... ports) throws IOException {
        StringBuilder listen = new StringBuilder();
        for (int port : ports) {
            listen.append(listen.length() == 0 ? "" : ", ").append("\"127.0.0.1:").append(port).append('"');
        }
        TestFiles.write(dir, "site.yaml", """
                access_log: off
                timeouts: { shutdown: 2s }
                servers:
                  - listen: [%s]
                    root: %s
                    routes:
                      - path: /
                %s""".formatted(listen, root, extraRoutes.indent(6)));
    }

    private static final String OLD_ROUTE = "- { path: /old, root: old-pages }";
    private static final String NEW_ROUTE = "- { path: /new, redirect: { status: 301, location: /elsewhere } }";

    @Test
    void newRoutesAndRootServeAfterSighupWhileADownloadStartedBeforeCompletes() throws Exception {
        int port = TestServer.freePort();
        configure("www-a", OLD_ROUTE, port);
        JarProcess server = servers.serve("site.yaml", port);
        assertThat(get(port, "/old/page.html")).isEqualTo("200 old page");
        assertThat(get(port, "/new")).startsWith("404 ");

        try (RawClient keptAlive = new RawClient(local(port));
             SlowDownload download = SlowDownload.start(local(port), "/big.bin", 64 * 1024)) {
            assertThat(keptAlive.send(Requests.get("/")).read().bodyText()).isEqualTo("site A");
            assertThat(download.status()).isEqualTo(200);

            configure("www-b", NEW_ROUTE, port);
            server.hangUp();

            assertThat(answersWithin(port, "/", "200 site B")).as("the new root serves; stderr:%n%s", server.stderr()).isTrue();
            RawClient.RawResponse moved = Requests.exchange(local(port), Requests.get("/new"));
            assertThat(moved.status()).as("the added route").isEqualTo(301);
            assertThat(moved.header("location")).isEqualTo("/elsewhere");
            assertThat(get(port, "/old/page.html")).as("the removed route").startsWith("404 ");
            assertThat(keptAlive.send(Requests.get("/")).read().bodyText())
                    .as("a keep-alive connection opened before takes the new configuration at its next request")
                    .isEqualTo("site B");

            assertThat(download.finish()).as("the download that started before the reload, in full").isEqualTo(BIG);
            assertThat(download.connection().send(Requests.get("/")).read().bodyText())
                    .as("its connection goes on, on the new configuration").isEqualTo("site B");
        }
        assertThat(server.awaitStderr(l -> l.contains("reloaded site.yaml"), 1, PATIENCE))
                .singleElement().asString().contains("servers changed: (no name) on 127.0.0.1:" + port);
    }

    @Test
    void aBadFileIsReportedErrorByErrorAndTheRunningConfigurationKeepsServing() throws Exception {
        int port = TestServer.freePort();
        configure("www-a", OLD_ROUTE, port);
        JarProcess server = servers.serve("site.yaml", port);

        // Schema errors and a missing root (which -t checks too) are all reported.
        TestFiles.write(dir, "site.yaml", """
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: no-such-dir
                    bogus: 1
                    routes: [{ path: /, methods: [PATCH] }]
                """.formatted(port));
        server.hangUp();
        assertThat(server.awaitStderr(l -> l.contains("reload of site.yaml refused"), 1, PATIENCE)).hasSize(1);
        List<String> errors = server.awaitStderr(l -> l.matches(".*site\\.yaml:\\d+:\\d+: .*"), 3, PATIENCE);
        assertThat(errors).as("stderr:%n%s", server.stderr())
                .anyMatch(l -> l.contains("site.yaml:3:11: 'root'") && l.contains("does not exist"))
                .anyMatch(l -> l.contains("site.yaml:4:5: unknown key 'bogus'"))
                .anyMatch(l -> l.matches(".*site\\.yaml:5:\\d+: unknown method 'PATCH'.*"));
        assertThat(get(port, "/")).isEqualTo("200 site A");
        assertThat(get(port, "/old/page.html")).isEqualTo("200 old page");

        // A mount of a handler module that does not exist is checked as -t checks it.
        TestFiles.write(dir, "site.yaml", """
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www-b
                    routes: [{ path: /, handler: no-such-module }]
                """.formatted(port));
        server.hangUp();
        assertThat(server.awaitStderr(l -> l.contains("reload of site.yaml refused"), 2, PATIENCE)).hasSize(2);
        assertThat(server.stderrLines()).as("stderr:%n%s", server.stderr())
                .anyMatch(l -> l.matches(".*site\\.yaml:4:\\d+: no handler module named 'no-such-module'.*"));
        assertThat(get(port, "/")).isEqualTo("200 site A");

        // An option value the module refuses when it builds the route (-t checks option names only).
        TestFiles.write(dir, "site.yaml", """
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www-b
                    routes: [{ path: /, handler: status, handler_options: { allow: [nowhere] } }]
                """.formatted(port));
        server.hangUp();
        assertThat(server.awaitStderr(l -> l.contains("reload of site.yaml refused"), 3, PATIENCE)).hasSize(3);
        assertThat(server.stderrLines()).as("stderr:%n%s", server.stderr())
                .anyMatch(l -> l.matches(".*site\\.yaml:4:\\d+: handler 'status' on route /: option 'allow': 'nowhere' .*"));
        assertThat(get(port, "/")).isEqualTo("200 site A");

        // And a good file after them is taken.
        configure("www-b", NEW_ROUTE, port);
        server.hangUp();
        assertThat(answersWithin(port, "/", "200 site B")).isTrue();
    }

    @Test
    void aNewAddressServesAndARemovedOneRefusesNewConnectionsWhileItsOwnFinish() throws Exception {
        int kept = TestServer.freePort();
        int removed = TestServer.freePort();
        int added = TestServer.freePort();
        configure("www-a", OLD_ROUTE, kept, removed);
        JarProcess server = servers.serve("site.yaml", removed);

        try (RawClient idle = new RawClient(local(removed));
             SlowDownload download = SlowDownload.start(local(removed), "/big.bin", 64 * 1024)) {
            assertThat(idle.send(Requests.get("/")).read().bodyText()).isEqualTo("site A");

            configure("www-b", NEW_ROUTE, kept, added);
            server.hangUp();

            assertThat(answersWithin(added, "/", "200 site B")).as("stderr:%n%s", server.stderr()).isTrue();
            assertThat(get(kept, "/")).isEqualTo("200 site B");
            assertThat(Poll.within(PATIENCE, () -> refuses(removed))).as("the removed address refuses new connections").isTrue();

            assertThat(download.finish()).as("a response under way on the removed address, in full").isEqualTo(BIG);
            assertThat(idle.send(Requests.get("/old/page.html")).read().bodyText())
                    .as("a keep-alive connection of the removed address goes on, on the configuration it had")
                    .isEqualTo("old page");
        }
        assertThat(server.awaitStderr(l -> l.contains("reloaded site.yaml"), 1, PATIENCE)).singleElement().asString()
                .contains("; listening on: 127.0.0.1:" + added).contains("no longer listening on: 127.0.0.1:" + removed);
    }

    @Test
    void anAddressThatCannotBeBoundRefusesTheWholeReload() throws Exception {
        int port = TestServer.freePort();
        configure("www-a", OLD_ROUTE, port);
        JarProcess server = servers.serve("site.yaml", port);

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            configure("www-b", NEW_ROUTE, port, taken.getLocalPort());
            server.hangUp();
            List<String> refusal = server.awaitStderr(l -> l.contains("reload of site.yaml refused"), 1, PATIENCE);
            assertThat(refusal).singleElement().asString().contains("127.0.0.1:" + taken.getLocalPort());
        }
        assertThat(get(port, "/")).as("the root did not change either").isEqualTo("200 site A");
        assertThat(get(port, "/old/page.html")).isEqualTo("200 old page");
    }

    @Test
    void aKeyThatNeedsARestartIsKeptWithAWarning() throws Exception {
        int port = TestServer.freePort();
        configure("www-a", OLD_ROUTE, port);
        JarProcess server = servers.serve("site.yaml", port);

        Files.writeString(dir.resolve("site.yaml"), Files.readString(dir.resolve("site.yaml"))
                .replace("access_log: off", "access_log: off\nworkers: 3").replace("root: www-a", "root: www-b"));
        server.hangUp();

        assertThat(answersWithin(port, "/", "200 site B")).isTrue();
        assertThat(server.awaitStderr(l -> l.contains("'workers' changed from 1 to 3 but needs a restart"), 1, PATIENCE))
                .hasSize(1);
        assertThat(server.stderr()).doesNotContain("'timeouts.shutdown'");
    }

    private static boolean refuses(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(local(port), 2_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
