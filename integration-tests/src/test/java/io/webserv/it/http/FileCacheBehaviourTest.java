package io.webserv.it.http;

import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.Requests;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small files are answered from memory and trusted for a second (as nginx's open_file_cache_valid):
 * a change made behind the server's back shows within about a second; a change made through the
 * server (DELETE, upload) shows at once.
 */
class FileCacheBehaviourTest {

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        TestFiles.write(dir, "www/page.txt", "one");
        Files.createDirectories(dir.resolve("uploads"));
        server = startSiteWithUploads(dir);
    }

    /** {@code dir/www} at {@code /}, {@code dir/uploads} at {@code /uploads} taking PUT and DELETE. */
    static TestServer startSiteWithUploads(Path dir) throws Exception {
        return TestServer.start(dir, """
                access_log: off
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    routes:
                      - path: /
                      - path: /uploads
                        root: uploads
                        upload_dir: uploads
                        methods: [GET, PUT, DELETE]
                """.formatted(TestServer.freePort()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String get(String path) throws Exception {
        RawResponse response = Requests.exchange(server.address(), Requests.get(path));
        return response.status() + " " + response.bodyText();
    }

    private int send(String method, String path, String body) throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            return client.send(method + " " + path + " HTTP/1.1\r\nHost: a\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .read().status();
        }
    }

    @Test
    void aFileChangedOnDiskIsServedAnewWithinAboutASecond() throws Exception {
        assertThat(get("/page.txt")).isEqualTo("200 one");
        Files.writeString(dir.resolve("www/page.txt"), "two, longer");

        assertThat(Poll.within(Duration.ofSeconds(3), () -> {
            try {
                return get("/page.txt").equals("200 two, longer");
            } catch (Exception e) {
                return false;
            }
        })).as("the new content within the cache's validity").isTrue();
    }

    @Test
    void aFileRemovedOnDiskIsA404WithinAboutASecond() throws Exception {
        assertThat(get("/page.txt")).isEqualTo("200 one");
        Files.delete(dir.resolve("www/page.txt"));

        assertThat(Poll.within(Duration.ofSeconds(3), () -> {
            try {
                return get("/page.txt").startsWith("404");
            } catch (Exception e) {
                return false;
            }
        })).isTrue();
    }

    @Test
    void aDeleteThroughTheServerShowsAtOnce() throws Exception {
        assertThat(send("PUT", "/uploads/x.txt", "first")).isEqualTo(201);
        assertThat(get("/uploads/x.txt")).isEqualTo("200 first");

        assertThat(send("DELETE", "/uploads/x.txt", "")).isEqualTo(204);

        assertThat(get("/uploads/x.txt")).startsWith("404");
    }

    @Test
    void anUploadOverAFileShowsAtOnce() throws Exception {
        assertThat(send("PUT", "/uploads/x.txt", "first")).isEqualTo(201);
        assertThat(get("/uploads/x.txt")).isEqualTo("200 first");

        assertThat(send("PUT", "/uploads/x.txt", "second")).isIn(200, 204);

        assertThat(get("/uploads/x.txt")).isEqualTo("200 second");
    }

    @Test
    void rangesAndRevalidationComeFromMemoryToo() throws Exception {
        get("/page.txt"); // cached now
        try (RawClient client = new RawClient(server.address())) {
            RawResponse range = client.send("GET /page.txt HTTP/1.1\r\nHost: a\r\nRange: bytes=1-\r\n\r\n").read();
            assertThat(range.status()).isEqualTo(206);
            assertThat(range.bodyText()).isEqualTo("ne");
            String etag = range.header("etag");
            RawResponse revalidated = client.send("GET /page.txt HTTP/1.1\r\nHost: a\r\nIf-None-Match: " + etag + "\r\n\r\n").read();
            assertThat(revalidated.status()).isEqualTo(304);
            RawResponse head = client.send("HEAD /page.txt HTTP/1.1\r\nHost: a\r\n\r\n").read(true);
            assertThat(head.header("content-length")).isEqualTo("3");
        }
    }
}
