package io.webserv.it.http;

import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Requests;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files over 64 KiB are sent zero-copy from a descriptor the file cache keeps open for a second and
 * shares between responses (nginx's open_file_cache): every response still gets exactly the file's
 * bytes, a file changed or replaced behind the server's back is sent anew within about a second, and
 * no descriptor outlives its file's entry or the server.
 */
class LargeFileDescriptorCacheTest {

    private static final int SIZE = 300 * 1024;

    @TempDir
    Path dir;
    private Path file;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        dir = dir.toRealPath(); // the names /proc/self/fd shows
        file = write("www/big.bin", 'a', SIZE);
        Files.createDirectories(dir.resolve("uploads"));
        server = FileCacheBehaviourTest.startSiteWithUploads(dir);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void concurrentResponsesAndRangesShareOneDescriptorAndEachGetsItsOwnBytes() throws Exception {
        byte[] expected = Files.readAllBytes(file);
        get("/big.bin"); // the cache keeps the descriptor from here on
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int offset = c * 10_007;
                results.add(clients.submit(() -> {
                    try (RawClient client = new RawClient(server.address())) {
                        for (int i = 0; i < 20; i++) {
                            RawResponse whole = client.send(Requests.get("/big.bin")).read();
                            RawResponse range = client.send("GET /big.bin HTTP/1.1\r\nHost: a\r\nRange: bytes=" + offset
                                    + "-" + (offset + 99_999) + "\r\n\r\n").read();
                            if (!Arrays.equals(whole.body(), expected) || range.status() != 206
                                    || !Arrays.equals(range.body(), Arrays.copyOfRange(expected, offset, offset + 100_000))) {
                                return false;
                            }
                        }
                        return true;
                    }
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(openDescriptorsOf(file)).as("one descriptor for every response").isEqualTo(1);
    }

    @Test
    void aFileReplacedByAnotherOfTheSameSizeAndTimeIsSentAnewWithinAboutASecond() throws Exception {
        assertThat(get("/big.bin").body()[0]).isEqualTo((byte) 'a');
        // Same length, same modification time: only the file's identity (its inode) tells them apart.
        Path next = write("www/big.bin.next", 'b', SIZE);
        Files.setLastModifiedTime(next, Files.getLastModifiedTime(file));
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(eventually(() -> firstByte("/big.bin") == 'b'))
                .as("the new file within the cache's validity").isTrue();
        assertThat(eventually(() -> openDescriptorsOf(file) == 1))
                .as("the replaced file's descriptor closed").isTrue();
    }

    @Test
    void aFileRewrittenInPlaceIsSentAnewWithinAboutASecond() throws Exception {
        get("/big.bin");
        write("www/big.bin", 'c', SIZE + 1);

        assertThat(eventually(() -> {
            RawResponse response = get("/big.bin");
            return response.body().length == SIZE + 1 && response.body()[0] == 'c';
        })).isTrue();
    }

    @Test
    void aFileRemovedOnDiskIsA404AndItsDescriptorIsClosed() throws Exception {
        get("/big.bin");
        assertThat(openDescriptorsOf(file)).isEqualTo(1);
        Files.delete(file);

        assertThat(eventually(() -> get("/big.bin").status() == 404)).isTrue();
        assertThat(openDescriptorsOf(file)).as("not held until the cache fills up").isZero();
    }

    @Test
    void aDeleteThroughTheServerShowsAtOnceAndClosesTheDescriptor() throws Exception {
        Path uploaded = write("uploads/u.bin", 'u', SIZE);
        assertThat(get("/uploads/u.bin").status()).isEqualTo(200);
        assertThat(openDescriptorsOf(uploaded)).isEqualTo(1);

        try (RawClient client = new RawClient(server.address())) {
            assertThat(client.send("DELETE /uploads/u.bin HTTP/1.1\r\nHost: a\r\n\r\n").read().status()).isEqualTo(204);
        }

        assertThat(get("/uploads/u.bin").status()).isEqualTo(404);
        assertThat(openDescriptorsOf(uploaded)).isZero();
    }

    @Test
    void headAndRevalidationLeaveNoDescriptorBehindWhenTheServerStops() throws Exception {
        RawResponse first = get("/big.bin");
        try (RawClient client = new RawClient(server.address())) {
            assertThat(client.send("HEAD /big.bin HTTP/1.1\r\nHost: a\r\n\r\n").read(true).header("content-length"))
                    .isEqualTo(String.valueOf(SIZE));
            assertThat(client.send("GET /big.bin HTTP/1.1\r\nHost: a\r\nIf-None-Match: " + first.header("etag") + "\r\n\r\n")
                    .read().status()).isEqualTo(304);
        }
        assertThat(openDescriptorsOf(file)).isEqualTo(1);

        server.close();
        server = null;

        assertThat(openDescriptorsOf(file)).as("closed with the server").isZero();
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws IOException;
    }

    private static boolean eventually(Check check) throws InterruptedException {
        return Poll.within(Duration.ofSeconds(3), () -> {
            try {
                return check.holds();
            } catch (IOException e) {
                return false;
            }
        });
    }

    private RawResponse get(String path) throws IOException {
        return Requests.exchange(server.address(), Requests.get(path));
    }

    private byte firstByte(String path) throws IOException {
        return get(path).body()[0];
    }

    private Path write(String relative, char fill, int size) throws IOException {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) fill);
        Path target = dir.resolve(relative);
        Files.createDirectories(target.getParent());
        return Files.write(target, content);
    }

    /** This process's descriptors open on {@code file} (the server runs in it), deleted or not. */
    private static int openDescriptorsOf(Path file) throws IOException {
        String name = file.toString();
        int n = 0;
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.equals(name) || target.equals(name + " (deleted)")) {
                        n++;
                    }
                } catch (IOException closedMeanwhile) {
                    // the directory listing's own descriptor, or one closed since the listing
                }
            }
        }
        return n;
    }
}
