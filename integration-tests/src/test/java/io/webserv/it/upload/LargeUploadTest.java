package io.webserv.it.upload;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A file far larger than the heap streams to disk (SPEC §5: never held whole in memory): a multipart
 * upload of 200 MiB, generated on the fly, through the packaged jar running in its own JVM with a
 * 64 MiB heap.
 */
class LargeUploadTest {

    private static final long SIZE = 200L * 1024 * 1024;
    private static final int BLOCK = 64 * 1024;
    private static final Duration STARTUP = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private Process server;

    @BeforeEach
    void needsThePackagedJar() {
        assumeTrue(Files.isRegularFile(JarProcess.JAR), JarProcess.JAR + " not built (run mvn install from the root)");
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly().waitFor();
        }
    }

    /** {@code java -Xmx64m -jar webserv.jar webserv.yaml}, its output in {@code server.log}. */
    private Path startSmallHeapServer(int port) throws Exception {
        Files.createDirectories(dir.resolve("www"));
        Files.createDirectories(dir.resolve("uploads"));
        Files.writeString(dir.resolve("webserv.yaml"), """
                access_log: off
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    routes:
                      - path: /uploads
                        methods: [GET, POST, PUT]
                        root: uploads
                        upload_dir: uploads
                        client_max_body_size: 1g
                """.formatted(port));
        Path log = dir.resolve("server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(List.of(java, "-Xmx64m", "-jar", JarProcess.JAR.toString(), "webserv.yaml"))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String listening = "listening on http://127.0.0.1:" + port;
        boolean started = Poll.within(STARTUP, () -> !server.isAlive() || readQuietly(log).contains(listening));
        assertThat(started && server.isAlive()).as("started; output:%n%s", readQuietly(log)).isTrue();
        return log;
    }

    @Test
    void twoHundredMebibytesStreamThroughA64MebibyteHeap() throws Exception {
        int port = TestServer.freePort();
        Path log = startSmallHeapServer(port);
        CRC32 sent = new CRC32();

        byte[] head = MultipartBody.fileHead("file", "big.bin");
        byte[] closing = MultipartBody.closing();

        RawResponse response;
        try (RawClient client = new RawClient(new InetSocketAddress("127.0.0.1", port), 30_000)) {
            client.send(MultipartBody.postHead("/uploads", head.length + SIZE + closing.length)).send(head);
            try (InputStream body = new GeneratedBytes(SIZE)) {
                byte[] block = new byte[BLOCK];
                int n;
                while ((n = body.read(block)) > 0) {
                    sent.update(block, 0, n);
                    client.send(n == BLOCK ? block : Arrays.copyOf(block, n));
                }
            }
            response = client.send(closing).read();
        }

        assertThat(response.status()).as("output:%n%s", readQuietly(log)).isEqualTo(201);
        assertThat(response.header("location")).isEqualTo("/uploads/big.bin");
        Path stored = dir.resolve("uploads/big.bin");
        assertThat(Files.size(stored)).isEqualTo(SIZE);
        assertThat(crc(stored)).as("the stored bytes are the sent ones").isEqualTo(sent.getValue());
        assertThat(UploadSite.names(dir.resolve("uploads"))).containsExactly("big.bin");
        assertThat(server.isAlive()).as("no OutOfMemoryError; output:%n%s", readQuietly(log)).isTrue();
        assertThat(readQuietly(log)).doesNotContain("OutOfMemoryError");
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] block = new byte[BLOCK];
            int n;
            while ((n = in.read(block)) > 0) {
                crc.update(block, 0, n);
            }
        }
        return crc.getValue();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** {@code size} bytes of a cheap pseudo-random sequence (xorshift), produced as they are read. */
    private static final class GeneratedBytes extends InputStream {
        private long left;
        private long state = 0x9E3779B97F4A7C15L;

        GeneratedBytes(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            left -= n;
            return n;
        }
    }
}
