package io.webserv.it.routes;

import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** DELETE over real sockets (SPEC §5): 204 and the file gone, 404, 409, 403, and 405 where not allowed. */
class DeleteTest {

    @TempDir
    Path dir;
    private TestServer server;
    private Path uploads;
    private Path outside;

    @BeforeEach
    void start() throws Exception {
        TestFiles.write(dir, "www/hello.txt", "hello");
        uploads = Files.createDirectories(dir.resolve("uploads"));
        TestFiles.write(uploads, "a.txt", "a");
        TestFiles.write(uploads, "sub/b.txt", "b");
        outside = Files.createDirectories(dir.resolve("outside"));
        TestFiles.write(outside, "secret.txt", "secret");
        server = TestServer.start(dir, """
                access_log: off
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    routes:
                      - path: /
                        methods: [GET]
                      - path: /uploads
                        methods: [GET, DELETE]
                        root: uploads
                """.formatted(TestServer.freePort()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawResponse send(RawClient client, String method, String path) throws IOException {
        return client.send(method + " " + path + " HTTP/1.1\r\nHost: a\r\n\r\n").read(method.equals("HEAD"));
    }

    private RawResponse delete(String path) throws IOException {
        try (RawClient client = new RawClient(server.address())) {
            return send(client, "DELETE", path);
        }
    }

    @Test
    void removesAFileWith204AndTheConnectionGoesOn() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            RawResponse deleted = send(client, "DELETE", "/uploads/a.txt");
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(deleted.body()).isEmpty();
            assertThat(uploads.resolve("a.txt")).doesNotExist();

            assertThat(send(client, "GET", "/uploads/a.txt").status()).isEqualTo(404);
            assertThat(send(client, "DELETE", "/uploads/a.txt").status()).isEqualTo(404);
        }
    }

    @Test
    void removesInSubdirectoriesAndDecodesTheName() throws Exception {
        TestFiles.write(uploads, "sub/with space.txt", "s");

        assertThat(delete("/uploads/sub/with%20space.txt").status()).isEqualTo(204);
        assertThat(delete("/uploads/sub/b.txt").status()).isEqualTo(204);
        assertThat(uploads.resolve("sub")).isEmptyDirectory();
    }

    @Test
    void missingIs404() throws Exception {
        assertThat(delete("/uploads/nothing.txt").status()).isEqualTo(404);
        assertThat(delete("/uploads/nowhere/nothing.txt").status()).isEqualTo(404);
    }

    @Test
    void aDirectoryIs409WithOrWithoutTheSlash() throws Exception {
        assertThat(delete("/uploads/sub").status()).isEqualTo(409);
        assertThat(delete("/uploads/sub/").status()).isEqualTo(409);
        assertThat(delete("/uploads").status()).isEqualTo(409);
        assertThat(delete("/uploads/").status()).isEqualTo(409);
        assertThat(uploads.resolve("sub/b.txt")).exists();
    }

    @Test
    void nothingOutsideTheRootEvenThroughALink() throws Exception {
        Path fileLink = Files.createSymbolicLink(uploads.resolve("leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(uploads.resolve("out"), outside);

        assertThat(delete("/uploads/leak.txt").status()).isEqualTo(403);
        assertThat(delete("/uploads/out/secret.txt").status()).isEqualTo(403);

        assertThat(fileLink).isSymbolicLink();
        assertThat(outside.resolve("secret.txt")).exists();
    }

    @Test
    void aRouteThatDoesNotAllowDeleteAnswers405WithAllow() throws Exception {
        RawResponse response = delete("/hello.txt");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(dir.resolve("www/hello.txt")).exists();
    }

    @Test
    void optionsAdvertisesDeleteWhereItIsAllowed() throws Exception {
        try (RawClient client = new RawClient(server.address())) {
            assertThat(send(client, "OPTIONS", "/uploads/a.txt").header("allow")).isEqualTo("GET, HEAD, DELETE, OPTIONS");
        }
    }
}
