package io.webserv.it.cgi;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.Poll;
import io.webserv.it.support.Requests;
import io.webserv.it.support.Sockets;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow client never makes the server buffer a script's output (SPEC §6): the jar runs as its own
 * process with a heap of {@value #HEAP} while {@value #CLIENTS} slow clients each pull {@value #MIB} MiB
 * of CGI output at once — {@value #CLIENTS} × {@value #MIB} MiB in flight, far more than the heap. A
 * server that read the scripts ahead of its clients would die of OutOfMemoryError; this one keeps at
 * most a chunk or two per response and lets the pipe hold each script back.
 *
 * <p>The heap limit is the measurement: in-process heap readings are noisy (garbage not yet
 * collected), a hard ceiling is not.
 */
class CgiMemoryTest {

    static final String HEAP = "-Xmx32m";
    static final int CLIENTS = 8;
    static final int MIB = 10;

    @TempDir
    Path dir;

    @Test
    void slowClientsPullingTenMebibytesEachFitInA32MebibyteHeap() throws Exception {
        CgiSite.prepare(dir);
        int port = TestServer.freePort();
        Files.writeString(dir.resolve("webserv.yaml"), CgiSite.config("30s", port));
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-jar", JarProcess.JAR.toString(), "webserv.yaml")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            assertThat(Poll.within(Duration.ofSeconds(20), () -> read(log).contains("listening on")))
                    .as("server started: %s", read(log)).isTrue();
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            int size = MIB * 1024 * 1024;
            List<Future<WholeResponse>> responses = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                responses.add(clients.submit(() -> slowGet(address, "/cgi-bin/big.py?n=" + size)));
            }
            for (Future<WholeResponse> future : responses) {
                WholeResponse response;
                try {
                    response = future.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new AssertionError("a client failed; the server's log ends with:\n" + tail(read(log)), e);
                }
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).hasSize(size);
                assertThat(response.body()[size - 1]).isEqualTo((byte) ('a' + (size - 1) % 65536 % 26));
            }
            assertThat(server.isAlive()).isTrue();
            assertThat(Requests.exchange(address, Requests.get("/hello.txt")).status()).isEqualTo(200);
            assertThat(read(log)).doesNotContain("OutOfMemoryError");
        } finally {
            clients.shutdownNow();
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** A client with a 16 KiB receive window that reads 16 KiB, then pauses, until the server closes. */
    private static WholeResponse slowGet(InetSocketAddress address, String path) throws Exception {
        try (Socket socket = Sockets.connectWithSmallBuffer(address, 16 * 1024, 30_000)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return WholeResponse.read(socket.getInputStream(), 16 * 1024, 1);
        }
    }

    private static String tail(String text) {
        return text.length() <= 2_000 ? text : text.substring(text.length() - 2_000);
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
