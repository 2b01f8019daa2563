package io.webserv.it.upload;

import io.webserv.it.support.Poll;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.webserv.it.upload.UploadSite.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads the server gives up on (a client too slow, a disk that fails) and the connection after an
 * upload: the right answer, nothing left behind, and the next request still served.
 */
class UploadAbandonTest {

    private static final Duration CLEANUP = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private UploadSite site;

    @BeforeEach
    void start() throws Exception {
        site = UploadSite.start(dir, "300ms");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aClientThatStopsSendingGets408AndLeavesNothing() throws Exception {
        byte[] started = new MultipartBody().file("f", "first.txt", "complete".getBytes(StandardCharsets.UTF_8))
                .file("f", "stalled.txt", "half".getBytes(StandardCharsets.UTF_8)).unfinished();
        try (RawClient client = new RawClient(site.server().address())) {
            RawResponse response = client.send(MultipartBody.postHead("/uploads", started.length + 1000)).send(started).read();

            assertThat(response.status()).isEqualTo(408);
        }
        assertThat(Poll.within(CLEANUP, () -> names(site.uploads()).isEmpty())).as("left: %s", names(site.uploads())).isTrue();
    }

    @Test
    void aVanishedUploadDirectoryIs500AndTheServerCarriesOn() throws Exception {
        Files.delete(site.small());

        assertThat(site.exchange("POST", "/small/x.txt", "body").status()).isEqualTo(500);
        assertThat(site.exchange("POST", "/uploads/x.txt", "body").status()).isEqualTo(201);
    }

    @Test
    void aPipelinedRequestAfterALargeUploadIsAnsweredInOrder() throws Exception {
        byte[] data = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(data, (byte) 'p');
        byte[] requests = MultipartBody.concat(MultipartBody.concat(
                ("POST /uploads/piped.bin HTTP/1.1\r\nHost: a\r\nContent-Length: " + data.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1), data),
                "GET /uploads/piped.bin HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        try (RawClient client = new RawClient(site.server().address())) {
            client.send(requests);

            assertThat(client.read().status()).isEqualTo(201);
            RawResponse get = client.read();
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.body()).isEqualTo(data);
        }
    }

    @Test
    void aMalformedBodyIsRefusedMidwayThenTheConnectionClosesAndTheServerStaysUp() throws Exception {
        // A delimiter line with garbage after the boundary: refused as soon as it is parsed, long before
        // the body ends. The server answers at once and closes rather than reading the rest to drop it.
        byte[] broken = MultipartBody.concat(MultipartBody.fileHead("f", "a.txt"),
                ("x\r\n--" + MultipartBody.BOUNDARY + "garbage\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] body = MultipartBody.concat(broken, new byte[512 * 1024]);
        try (RawClient client = new RawClient(site.server().address())) {
            client.send(MultipartBody.postHead("/uploads", body.length));
            client.send(broken);
            RawResponse refused = client.read();
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
        try (RawClient next = new RawClient(site.server().address())) {
            next.send("POST /uploads/next.txt HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nnext");
            assertThat(next.read().status()).isEqualTo(201);
        }
        assertThat(Poll.within(CLEANUP, () -> names(site.uploads()).equals(java.util.List.of("next.txt"))))
                .as("left: %s", names(site.uploads())).isTrue();
    }
}
