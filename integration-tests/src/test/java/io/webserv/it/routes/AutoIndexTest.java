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

/** Directory listings over real sockets (SPEC §4): content, links that work, HEAD, off → 403, index first. */
class AutoIndexTest {

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        TestFiles.write(files, "a b&<c>.txt", "12345");
        TestFiles.write(files, "x#y?z%w.txt", "odd name");
        TestFiles.write(files, "zz.txt", "z");
        TestFiles.write(files, ".secret", "hidden");
        TestFiles.write(files, "sub/inner.txt", "inner");
        TestFiles.write(files, "indexed/index.html", "<h1>index wins</h1>");
        Files.createDirectories(files.resolve("zdir"));
        TestFiles.write(dir, "outside/secret.txt", "secret");
        Files.createSymbolicLink(files.resolve("leak.txt"), dir.resolve("outside/secret.txt"));
        TestFiles.write(dir, "www/index.html", "home");
        server = TestServer.start(dir, """
                access_log: off
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    routes:
                      - path: /
                      - path: /files
                        root: files
                        autoindex: true
                      - path: /closed
                        root: files
                """.formatted(TestServer.freePort()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawResponse send(String method, String path) throws IOException {
        try (RawClient client = new RawClient(server.address())) {
            return client.send(method + " " + path + " HTTP/1.1\r\nHost: a\r\n\r\n").read(method.equals("HEAD"));
        }
    }

    @Test
    void listsDirectoriesFirstWithEscapedNamesSizesAndTimes() throws Exception {
        RawResponse response = send("GET", "/files/");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).isEqualTo("text/html; charset=utf-8");
        String html = response.bodyText();
        assertThat(html).contains("<title>Index of /files/</title>");
        assertThat(html).containsSubsequence("href=\"indexed/\"", "href=\"sub/\"", "href=\"zdir/\"",
                "href=\"a%20b%26%3Cc%3E.txt\"", "href=\"x%23y%3Fz%25w.txt\"", "href=\"zz.txt\"");
        assertThat(html).contains(">a b&amp;&lt;c&gt;.txt</a></td><td>5</td>");
        assertThat(html).containsPattern("<td>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d</td>");
        assertThat(html).doesNotContain(".secret", "leak.txt", "<c>");
        assertThat(html).doesNotContain("../"); // the top of the route
    }

    @Test
    void theLinksLeadToTheFiles() throws Exception {
        assertThat(send("GET", "/files/a%20b%26%3Cc%3E.txt").bodyText()).isEqualTo("12345");
        assertThat(send("GET", "/files/x%23y%3Fz%25w.txt").bodyText()).isEqualTo("odd name");
    }

    @Test
    void belowTheTopTheParentIsOffered() throws Exception {
        String html = send("GET", "/files/sub/").bodyText();

        assertThat(html).contains("<a href=\"../\">../</a>").contains("href=\"inner.txt\"");
    }

    @Test
    void headGetsTheHeadersOfGetAndNoBody() throws Exception {
        RawResponse get = send("GET", "/files/");
        try (RawClient client = new RawClient(server.address())) {
            RawResponse head = client.send("HEAD /files/ HTTP/1.1\r\nHost: a\r\n\r\n").read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-type")).isEqualTo(get.header("content-type"));
            assertThat(head.header("content-length")).isEqualTo(String.valueOf(get.body().length));
            // nothing came after the head: the next response on the connection is the next request's
            assertThat(client.send("GET /files/zz.txt HTTP/1.1\r\nHost: a\r\n\r\n").read().bodyText()).isEqualTo("z");
        }
    }

    @Test
    void withoutAutoindexADirectoryIsForbidden() throws Exception {
        assertThat(send("GET", "/closed/").status()).isEqualTo(403);
        assertThat(send("GET", "/closed/zz.txt").bodyText()).isEqualTo("z");
    }

    @Test
    void anIndexFileWinsOverTheListing() throws Exception {
        assertThat(send("GET", "/files/indexed/").bodyText()).isEqualTo("<h1>index wins</h1>");
    }

    @Test
    void aDirectoryWithoutItsSlashIsStillRedirected() throws Exception {
        RawResponse response = send("GET", "/files/sub");

        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("location")).isEqualTo("/files/sub/");
    }
}
