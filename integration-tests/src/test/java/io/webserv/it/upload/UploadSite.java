package io.webserv.it.upload;

import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The server the upload tests talk to, in this JVM: {@code /uploads} stores into {@code uploads/} (and
 * serves it back), with a 10m body limit; {@code /small} stores into {@code small/} with a 1k limit.
 */
final class UploadSite implements AutoCloseable {

    static final int SMALL_LIMIT = 1024;

    private final TestServer server;
    private final Path uploads;
    private final Path small;

    private UploadSite(TestServer server, Path uploads, Path small) {
        this.server = server;
        this.uploads = uploads;
        this.small = small;
    }

    static UploadSite start(Path dir) throws Exception {
        return start(dir, "30s");
    }

    /** @param bodyTimeout the longest idle gap while a body is read, as the configuration writes it */
    static UploadSite start(Path dir, String bodyTimeout) throws Exception {
        Path uploads = Files.createDirectories(dir.resolve("uploads"));
        Path small = Files.createDirectories(dir.resolve("small"));
        Files.createDirectories(dir.resolve("www"));
        TestServer server = TestServer.start(dir, """
                access_log: off
                timeouts: { body: %s }
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    routes:
                      - path: /
                        methods: [GET]
                      - path: /uploads
                        methods: [GET, POST, PUT]
                        root: uploads
                        upload_dir: uploads
                        client_max_body_size: 10m
                      - path: /small
                        methods: [GET, POST, PUT]
                        root: small
                        upload_dir: small
                        client_max_body_size: %d
                """.formatted(bodyTimeout, TestServer.freePort(), SMALL_LIMIT));
        return new UploadSite(server, uploads, small);
    }

    TestServer server() {
        return server;
    }

    Path uploads() {
        return uploads;
    }

    Path small() {
        return small;
    }

    /** The names in {@code dir}, sorted, temporary files included. */
    static List<String> names(Path dir) {
        return TestFiles.names(dir);
    }

    /** Sends {@code head} then {@code body} on a new connection and reads the response. */
    RawResponse exchange(String head, byte[] body) throws IOException {
        try (RawClient client = new RawClient(server.address())) {
            return client.send(head).send(body).read();
        }
    }

    /** {@code METHOD path} with a Content-Length body of UTF-8 {@code text}. */
    RawResponse exchange(String method, String path, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return exchange(method + " " + path + " HTTP/1.1\r\nHost: a\r\nContent-Length: " + body.length + "\r\n\r\n", body);
    }

    @Override
    public void close() {
        server.close();
    }
}
