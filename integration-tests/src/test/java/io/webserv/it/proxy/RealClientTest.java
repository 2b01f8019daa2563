package io.webserv.it.proxy;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.webserv.it.proxy.ProxiedSite.cgiEnvironment;
import static io.webserv.it.proxy.ProxiedSite.concat;
import static io.webserv.it.proxy.ProxiedSite.get;
import static io.webserv.it.proxy.ProxiedSite.v1;
import static io.webserv.it.proxy.ProxiedSite.v2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The client behind a proxy, through the jar as a user runs it: a listener with {@code proxy_protocol}
 * takes the client from the PROXY header (v1 and v2) and closes anything else without an answer, and
 * a plain listener believes {@code X-Forwarded-For} from the trusted proxies of {@code real_ip} only.
 * The access log, CGI's {@code REMOTE_ADDR} and the status module's allow list all see that client.
 */
class RealClientTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    static Path dir;
    private static JarProcess process;
    private static InetSocketAddress proxied;
    private static InetSocketAddress plain;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.exists(JarProcess.JAR), "the jar is built by mvn package");
        assumeTrue(Files.isExecutable(PYTHON), "CGI scripts need " + PYTHON);
        ProxiedSite.prepare(dir);
        proxied = new InetSocketAddress("127.0.0.1", TestServer.freePort());
        plain = new InetSocketAddress("127.0.0.1", TestServer.freePort());
        Files.writeString(dir.resolve("webserv.yaml"), """
                access_log: logs/access.log
                timeouts: { header: 2s }
                real_ip: { trusted: [127.0.0.1, 10.0.0.0/8] }
                servers:
                %s%s""".formatted(
                ProxiedSite.server("{ address: \"127.0.0.1:" + proxied.getPort() + "\", proxy_protocol: true }"),
                ProxiedSite.server("\"127.0.0.1:" + plain.getPort() + "\"")));
        process = JarProcess.start(dir, "webserv.yaml");
        Optional<String> listening = process.awaitStdout(line -> line.contains(":" + plain.getPort()), Duration.ofSeconds(20));
        assertThat(listening).as("startup; stderr: %s", process.stderr()).isPresent();
    }

    @AfterAll
    static void stop() {
        if (process != null) {
            process.close();
        }
    }

    static Stream<Arguments> proxyHeaders() throws IOException {
        return Stream.of(
                Arguments.of("v1", v1("PROXY TCP4 192.0.2.10 127.0.0.1 56324 443\r\n"), "192.0.2.10", "56324"),
                Arguments.of("v2", v2("2001:db8::7", 4711, "::1", 443), "2001:db8:0:0:0:0:0:7", "4711"));
    }

    @ParameterizedTest(name = "PROXY {0}")
    @MethodSource("proxyHeaders")
    void aProxyHeaderNamesTheClientToCgiAndTheAccessLog(String version, byte[] header, String address, String port)
            throws Exception {
        try (RawClient client = new RawClient(proxied)) {
            client.send(concat(header, get("/cgi-bin/env.py")));
            Map<String, String> env = cgiEnvironment(client.read());
            assertThat(env).containsEntry("REMOTE_ADDR", address).containsEntry("REMOTE_PORT", port);

            client.send(get("/hello.txt?from=proxy-" + version));
            assertThat(client.read().status()).isEqualTo(200);
        }
        assertThat(accessLogLine("/hello.txt?from=proxy-" + version)).startsWith(address + " - - [");
    }

    @Test
    void aV2LocalHeaderKeepsTheTcpPeer() throws Exception {
        try (RawClient client = new RawClient(proxied)) {
            client.send(concat(ProxiedSite.v2Local(), get("/cgi-bin/env.py")));
            assertThat(cgiEnvironment(client.read())).containsEntry("REMOTE_ADDR", "127.0.0.1");
        }
    }

    /** What follows the header in the same segment is the first request, and what follows it the next. */
    @Test
    void requestsPipelinedBehindTheHeaderAreAnswered() throws Exception {
        try (RawClient client = new RawClient(proxied)) {
            client.send(concat(v1("PROXY TCP4 192.0.2.11 127.0.0.1 1000 80\r\n"),
                    get("/hello.txt") + get("/cgi-bin/env.py") + get("/hello.txt", "Connection: close")));
            assertThat(client.read().bodyText()).isEqualTo("hello, static\n");
            assertThat(cgiEnvironment(client.read())).containsEntry("REMOTE_ADDR", "192.0.2.11");
            assertThat(client.read().status()).isEqualTo(200);
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void aHeaderThatArrivesByteByByteIsRead() throws Exception {
        try (RawClient client = new RawClient(proxied)) {
            client.socket().setTcpNoDelay(true);
            for (byte b : v2("192.0.2.12", 2000, "127.0.0.1", 80)) {
                client.send(new byte[] {b});
            }
            client.send(get("/cgi-bin/env.py"));
            assertThat(cgiEnvironment(client.read())).containsEntry("REMOTE_ADDR", "192.0.2.12");
        }
    }

    @Test
    void garbageOrPlainHttpOnAProxyProtocolListenerIsClosedWithoutAnAnswer() throws Exception {
        for (String opening : List.of(get("/hello.txt"), "\0\1\2garbage\r\n", "PROXY TCP4 192.0.2.1 nonsense\r\n\r\n",
                "PROXY TCP9 192.0.2.1 127.0.0.1 1 2\r\n" + get("/hello.txt"))) {
            try (RawClient client = new RawClient(proxied)) {
                client.send(opening);
                assertThat(receivedBeforeClose(client)).as("answer to %s", opening).isEmpty();
            }
        }
        try (RawClient client = new RawClient(proxied)) { // and the server is fine
            client.send(concat(v1("PROXY TCP4 192.0.2.13 127.0.0.1 1 2\r\n"), get("/hello.txt")));
            assertThat(client.read().status()).isEqualTo(200);
        }
    }

    @Test
    void aConnectionWithoutAHeaderIsClosedAfterTheHeaderTimeout() throws Exception {
        try (RawClient client = new RawClient(proxied, 10_000)) {
            client.send("PROXY TCP4 192.0.2.1 ");
            long start = System.nanoTime();
            assertThat(receivedBeforeClose(client)).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aTrustedProxyNamesTheClientInXForwardedFor() throws Exception {
        Map<String, String> env = cgiEnvironment(exchange(plain, "127.0.0.1", "X-Forwarded-For: 203.0.113.5"));
        assertThat(env).containsEntry("REMOTE_ADDR", "203.0.113.5").containsEntry("REMOTE_PORT", "");
        try (RawClient client = new RawClient(plain)) {
            client.send(get("/hello.txt?from=xff", "X-Forwarded-For: 203.0.113.6"));
            assertThat(client.read().status()).isEqualTo(200);
        }
        assertThat(accessLogLine("/hello.txt?from=xff")).startsWith("203.0.113.6 - - [");
    }

    /** A client may put anything in its own X-Forwarded-For: only what trusted proxies appended counts. */
    @Test
    void aSpoofedEntryLeftOfWhatTrustedProxiesAppendedIsNotTaken() throws Exception {
        assertThat(cgiEnvironment(exchange(plain, "127.0.0.1", "X-Forwarded-For: 6.6.6.6, 203.0.113.5")))
                .containsEntry("REMOTE_ADDR", "203.0.113.5");
        assertThat(cgiEnvironment(exchange(plain, "127.0.0.1", "X-Forwarded-For: 6.6.6.6, 203.0.113.5, 10.1.2.3")))
                .containsEntry("REMOTE_ADDR", "203.0.113.5");
        assertThat(cgiEnvironment(exchange(plain, "127.0.0.1", "X-Forwarded-For: 6.6.6.6", "X-Forwarded-For: 203.0.113.5")))
                .containsEntry("REMOTE_ADDR", "203.0.113.5");
    }

    /** 127.0.0.2 is a loopback address too, but not a trusted one: its header is ignored. */
    @Test
    void anUntrustedPeerCannotSpoofItsAddress() throws Exception {
        assertThat(cgiEnvironment(exchange(plain, "127.0.0.2", "X-Forwarded-For: 203.0.113.5")))
                .containsEntry("REMOTE_ADDR", "127.0.0.2");
        try (RawClient client = new RawClient(connectFrom("127.0.0.2", plain))) {
            client.send(get("/hello.txt?from=untrusted", "X-Forwarded-For: 203.0.113.5"));
            assertThat(client.read().status()).isEqualTo(200);
        }
        assertThat(accessLogLine("/hello.txt?from=untrusted")).startsWith("127.0.0.2 - - [");
    }

    /** Behind PROXY protocol, the peer whose header is believed or not is the one the PROXY header names. */
    @Test
    void theProxyProtocolSourceIsThePeerThatIsTrustedOrNot() throws Exception {
        try (RawClient client = new RawClient(proxied)) {
            client.send(concat(v1("PROXY TCP4 10.0.0.9 127.0.0.1 3000 80\r\n"),
                    get("/cgi-bin/env.py", "X-Forwarded-For: 203.0.113.77")));
            assertThat(cgiEnvironment(client.read())).containsEntry("REMOTE_ADDR", "203.0.113.77");
        }
        try (RawClient client = new RawClient(proxied)) {
            client.send(concat(v1("PROXY TCP4 198.51.100.20 127.0.0.1 3000 80\r\n"),
                    get("/cgi-bin/env.py", "X-Forwarded-For: 6.6.6.6")));
            assertThat(cgiEnvironment(client.read())).containsEntry("REMOTE_ADDR", "198.51.100.20");
        }
    }

    /** The status module allows loopback by default: a remote client named by a trusted proxy is refused. */
    @Test
    void theStatusAllowListSeesTheRealClient() throws Exception {
        assertThat(exchange(plain, "127.0.0.1").status()).isEqualTo(200);
        try (RawClient client = new RawClient(plain)) {
            client.send(get("/status", "X-Forwarded-For: 203.0.113.9"));
            assertThat(client.read().status()).isEqualTo(403);
        }
    }

    /** GET /cgi-bin/env.py (or /status without extra lines) from {@code localAddress}, on a fresh connection. */
    private static RawResponse exchange(InetSocketAddress server, String localAddress, String... headerLines)
            throws IOException {
        try (RawClient client = new RawClient(connectFrom(localAddress, server))) {
            client.send(get(headerLines.length == 0 ? "/status" : "/cgi-bin/env.py", headerLines));
            return client.read();
        }
    }

    private static Socket connectFrom(String localAddress, InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(server, 5_000);
            socket.setSoTimeout(5_000);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /** The bytes the server sent before it closed: a reset counts as closed with nothing sent. */
    private static byte[] receivedBeforeClose(RawClient client) throws IOException {
        try {
            return client.rest();
        } catch (SocketException reset) {
            return new byte[0];
        }
    }

    /** The access-log line of the request for {@code target}, once it is written (within a second, SPEC §1). */
    private static String accessLogLine(String target) throws Exception {
        Path log = dir.resolve("logs/access.log");
        String[] found = new String[1];
        Poll.within(Duration.ofSeconds(2), () -> {
            try {
                found[0] = Files.exists(log) ? Files.readAllLines(log).stream()
                        .filter(line -> line.contains("\"GET " + target + " HTTP/1.1\"")).findFirst().orElse(null) : null;
            } catch (IOException e) {
                found[0] = null;
            }
            return found[0] != null;
        });
        assertThat(found[0]).as("access-log line for %s", target).isNotNull();
        return found[0];
    }
}
