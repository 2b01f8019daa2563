package io.webserv.it.proxy;

import io.webserv.it.support.RawClient;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.webserv.it.proxy.ProxiedSite.cgiEnvironment;
import static io.webserv.it.proxy.ProxiedSite.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code real_ip.header: forwarded}: RFC 7239's {@code for=}, quoted IPv6 with its port included, in the server. */
class ForwardedHeaderTest {

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "CGI scripts need python3");
        ProxiedSite.prepare(dir);
        server = TestServer.start(dir, """
                access_log: off
                real_ip: { trusted: ["127.0.0.1", "::1"], header: forwarded }
                servers:
                %s""".formatted(ProxiedSite.server("\"127.0.0.1:" + TestServer.freePort() + "\"")));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTrustedProxyNamesTheClientInForwarded() throws Exception {
        Map<String, String> env = env("Forwarded: for=\"[2001:db8::1]:4711\";proto=https");
        assertThat(env).containsEntry("REMOTE_ADDR", "2001:db8:0:0:0:0:0:1").containsEntry("REMOTE_PORT", "4711");
        assertThat(env("Forwarded: for=6.6.6.6, for=203.0.113.5;by=127.0.0.1")).containsEntry("REMOTE_ADDR", "203.0.113.5");
    }

    @Test
    void xForwardedForIsNotReadWhenForwardedIsConfigured() throws Exception {
        assertThat(env("X-Forwarded-For: 203.0.113.5")).containsEntry("REMOTE_ADDR", "127.0.0.1");
    }

    @Test
    void aMalformedForwardedKeepsThePeer() throws Exception {
        assertThat(env("Forwarded: for=\"[2001:db8::1]:4711")).containsEntry("REMOTE_ADDR", "127.0.0.1");
        assertThat(env("Forwarded: for=unknown")).containsEntry("REMOTE_ADDR", "127.0.0.1");
    }

    private Map<String, String> env(String headerLine) throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            client.send(get("/cgi-bin/env.py", headerLine));
            return cgiEnvironment(client.read());
        }
    }
}
