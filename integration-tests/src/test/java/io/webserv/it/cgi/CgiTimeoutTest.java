package io.webserv.it.cgi;

import io.webserv.it.support.ProcFs;
import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Requests;
import io.webserv.it.support.Sockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code timeouts.cgi} (1 s here): no progress → the process tree is killed, 504 (SPEC §6). */
class CgiTimeoutTest {

    @RegisterExtension
    static final CgiServer server = new CgiServer("1s");

    @Test
    void aSilentScriptIs504WithinTheTimeoutAndDiesWithItsChildren() throws Exception {
        long start = System.nanoTime();
        RawResponse response = Requests.exchange(server.address(), Requests.get("/cgi-bin/sleep.py?tag=t504&child=1"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.status()).isEqualTo(504);
        assertThat(millis).as("answered after the 1 s timeout, not much later").isBetween(1_000L, 2_500L);
        long pid = CgiSite.awaitPid(server.dir(), "t504.pid");
        long child = CgiSite.awaitPid(server.dir(), "t504.child");
        assertThat(Poll.within(Duration.ofSeconds(3), () -> ProcFs.isReaped(pid))).as("script %d reaped", pid).isTrue();
        assertThat(Poll.within(Duration.ofSeconds(3), () -> ProcFs.isDead(child))).as("its child %d killed", child).isTrue();
    }

    @Test
    void aScriptThatKeepsProducingIsNotCutOff() throws Exception {
        // 15 lines, one every 0.1 s: 1.5 s in all, longer than the timeout, never 1 s without progress.
        RawResponse response = Requests.exchange(server.address(),
                Requests.get("/cgi-bin/drip.py?tag=steady&count=15&every=0.1"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText().lines()).hasSize(15).endsWith("line 14");
    }

    @Test
    void aScriptThatStallsAfterItsHeadIsCutAndTheConnectionClosed() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(server.address(), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(Requests.get("/cgi-bin/sleep.py?tag=stall&head=1")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String received = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            // The head went out before the stall: too late for 504, the connection is closed mid-body.
            assertThat(received).startsWith("HTTP/1.1 200 OK").contains("started\n").doesNotEndWith("0\r\n\r\n");
        }
        long pid = CgiSite.awaitPid(server.dir(), "stall.pid");
        assertThat(Poll.within(Duration.ofSeconds(3), () -> ProcFs.isReaped(pid))).isTrue();
    }

    @Test
    void timeTheClientTakesToReadIsNotTheScriptsFault() throws Exception {
        int size = 4 * 1024 * 1024;
        try (Socket socket = Sockets.connectWithSmallBuffer(server.address(), 8 * 1024, 10_000)) {
            socket.getOutputStream().write(("GET /cgi-bin/big.py?n=" + size + " HTTP/1.1\r\nHost: a\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            Thread.sleep(1_500); // the behaviour under test: a client that does not read for longer than timeouts.cgi
            WholeResponse response = WholeResponse.read(socket.getInputStream(), 64 * 1024, 0);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).hasSize(size);
        }
    }
}
