package io.webserv.it.http;

import io.webserv.it.support.RawClient;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

import static io.webserv.it.support.Requests.exchange;
import static io.webserv.it.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which server answers (SPEC §2): each listening address carries its own servers; on a shared one the
 * Host (or an absolute-form target's authority) picks among them, and the first listed is the default.
 */
class VirtualHostsTest {

    @TempDir
    Path dir;
    private TestServer server;
    private InetSocketAddress shared;
    private InetSocketAddress other;

    @BeforeEach
    void start() throws Exception {
        // each root holds a file of the same name whose content says which server served it
        TestFiles.write(dir, "a/who.txt", "server a");
        TestFiles.write(dir, "b/who.txt", "server b");
        TestFiles.write(dir, "c/who.txt", "server c");
        int sharedPort = TestServer.freePort();
        int otherPort = TestServer.freePort();
        server = TestServer.start(dir, """
                access_log: off
                servers:
                  - listen: ["127.0.0.1:%1$d"]
                    server_names: [a.example]
                    root: a
                  - listen: ["127.0.0.1:%1$d"]
                    server_names: [b.example, www.b.example]
                    root: b
                  - listen: ["127.0.0.1:%2$d"]
                    server_names: [c.example]
                    root: c
                """.formatted(sharedPort, otherPort));
        shared = server.address(0);
        other = server.address(1);
        assertThat(shared.getPort()).isEqualTo(sharedPort);
        assertThat(other.getPort()).isEqualTo(otherPort);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String who(InetSocketAddress address, String request) throws IOException {
        RawClient.RawResponse response = exchange(address, request);
        assertThat(response.status()).as(request).isEqualTo(200);
        return response.bodyText();
    }

    @Test
    void eachPortServesItsOwnServers() throws Exception {
        assertThat(who(shared, get("/who.txt", "a.example"))).isEqualTo("server a");
        assertThat(who(other, get("/who.txt", "c.example"))).isEqualTo("server c");
        // a name of another port's server means nothing here: the port's own default answers
        assertThat(who(other, get("/who.txt", "b.example"))).isEqualTo("server c");
        assertThat(who(shared, get("/who.txt", "c.example"))).isEqualTo("server a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"b.example", "B.EXAMPLE", "b.example:8080", "Www.B.Example:1"})
    void theHostHeaderPicksTheServerIgnoringCaseAndPort(String host) throws Exception {
        assertThat(who(shared, get("/who.txt", host))).isEqualTo("server b");
    }

    @Test
    void aTrailingDotInTheHostStillNamesTheServer() throws Exception {
        // SPEC is silent, so nginx decides: ngx_http_validate_host drops one trailing dot
        assertThat(who(shared, get("/who.txt", "b.example."))).isEqualTo("server b");
        assertThat(who(shared, get("/who.txt", "B.Example.:8080"))).isEqualTo("server b");
    }

    @Test
    void anUnknownHostGetsTheFirstServerListed() throws Exception {
        assertThat(who(shared, get("/who.txt", "unknown.example"))).isEqualTo("server a");
        assertThat(who(shared, get("/who.txt", "127.0.0.1:" + shared.getPort()))).isEqualTo("server a");
    }

    @Test
    void http10WithoutHostGetsTheFirstServerListed() throws Exception {
        assertThat(who(shared, "GET /who.txt HTTP/1.0\r\n\r\n")).isEqualTo("server a");
    }

    @Test
    void anAbsoluteFormTargetPicksByItsAuthorityOverTheHostHeader() throws Exception {
        assertThat(who(shared, "GET http://b.example/who.txt HTTP/1.1\r\nHost: a.example\r\n\r\n")).isEqualTo("server b");
        assertThat(who(shared, "GET http://B.Example:8080/who.txt HTTP/1.1\r\nHost: a.example\r\n\r\n")).isEqualTo("server b");
        assertThat(who(shared, "GET http://a.example/who.txt HTTP/1.1\r\nHost: b.example\r\n\r\n")).isEqualTo("server a");
    }

    @Test
    void requestsOnOneConnectionArePickedOneByOne() throws Exception {
        try (RawClient client = new RawClient(shared)) {
            assertThat(client.send(get("/who.txt", "b.example")).read().bodyText()).isEqualTo("server b");
            assertThat(client.send(get("/who.txt", "a.example")).read().bodyText()).isEqualTo("server a");
            assertThat(client.send(get("/who.txt", "b.example")).read().bodyText()).isEqualTo("server b");
        }
    }
}
