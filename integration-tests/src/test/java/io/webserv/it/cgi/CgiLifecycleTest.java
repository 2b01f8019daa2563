package io.webserv.it.cgi;

import io.webserv.it.support.ProcFs;
import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.Requests;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a script's life ends early: its client leaves, the server stops. The CGI timeout is long
 * here (30 s), so a script dying within seconds was killed for that reason and no other.
 */
class CgiLifecycleTest {

    @RegisterExtension
    static final CgiServer server = new CgiServer("30s");

    @Test
    void aClientThatLeavesDuringTheOutputKillsTheScript() throws Exception {
        long pid;
        try (RawClient client = new RawClient(server.address())) {
            client.send(Requests.get("/cgi-bin/drip.py?tag=leave"));
            pid = CgiSite.awaitPid(server.dir(), "leave.pid");
            assertThat(client.socket().getInputStream().read()).isEqualTo('H'); // the response has begun
        }
        assertThat(Poll.within(Duration.ofSeconds(3), () -> ProcFs.isReaped(pid)))
                .as("script %d killed and reaped after its client left", pid).isTrue();
    }

    @Test
    void aClientThatLeavesWhileTheScriptIsSilentKillsIt() throws Exception {
        long pid;
        try (RawClient client = new RawClient(server.address())) {
            client.send(Requests.get("/cgi-bin/sleep.py?tag=silent"));
            pid = CgiSite.awaitPid(server.dir(), "silent.pid");
        }
        assertThat(Poll.within(Duration.ofSeconds(3), () -> ProcFs.isReaped(pid)))
                .as("script %d killed and reaped after its client left", pid).isTrue();
    }

    @Test
    void stoppingTheServerKillsEveryScript(@TempDir Path own) throws Exception {
        TestServer stopping = CgiSite.start(own, "30s");
        long[] pids = new long[3];
        RawClient[] clients = new RawClient[pids.length];
        try {
            for (int i = 0; i < pids.length; i++) {
                clients[i] = new RawClient(stopping.address());
                clients[i].send(Requests.get("/cgi-bin/sleep.py?tag=stop" + i + "&child=1"));
            }
            for (int i = 0; i < pids.length; i++) {
                pids[i] = CgiSite.awaitPid(own, "stop" + i + ".pid");
            }
            stopping.close(); // SIGTERM's path: drain for the grace period, then close and kill
        } finally {
            for (RawClient client : clients) {
                if (client != null) {
                    client.close();
                }
            }
        }
        for (int i = 0; i < pids.length; i++) {
            long pid = pids[i];
            long child = Long.parseLong(Files.readString(own.resolve("cgi-bin/pids/stop" + i + ".child")).trim());
            assertThat(ProcFs.isReaped(pid) || Poll.within(Duration.ofSeconds(2), () -> ProcFs.isReaped(pid)))
                    .as("script %d killed by the shutdown", pid).isTrue();
            assertThat(Poll.within(Duration.ofSeconds(2), () -> ProcFs.isDead(child))).as("its child %d", child).isTrue();
        }
    }
}
