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
 * Uploads that are refused or cut off, over real sockets (SPEC §3, §5): the right status, and nothing
 * left in the upload directory, not even a temporary file.
 */
class UploadRefusalTest {

    private static final Duration CLEANUP = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private UploadSite site;

    @BeforeEach
    void start() throws Exception {
        site = UploadSite.start(dir);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private static boolean hasTemporaryFile(Path uploadDir) {
        return names(uploadDir).stream().anyMatch(n -> n.startsWith(".upload-") && n.endsWith(".part"));
    }

    @Test
    void postOrPutWithoutALengthIs411() throws Exception {
        for (String method : new String[] {"POST", "PUT"}) {
            try (RawClient client = new RawClient(site.server().address())) {
                RawResponse response = client.send(method + " /uploads/x.txt HTTP/1.1\r\nHost: a\r\n\r\n").read();
                assertThat(response.status()).as(method).isEqualTo(411);
            }
        }
        assertThat(names(site.uploads())).isEmpty();
    }

    @Test
    void aLengthOverTheRouteLimitIs413InsteadOf100Continue() throws Exception {
        try (RawClient client = new RawClient(site.server().address())) {
            RawResponse response = client.send("POST /small/big.txt HTTP/1.1\r\nHost: a\r\nContent-Length: "
                    + (UploadSite.SMALL_LIMIT + 1) + "\r\nExpect: 100-continue\r\n\r\n").read();

            assertThat(response.status()).as("the final answer, not 100").isEqualTo(413);
        }
        assertThat(names(site.small())).isEmpty();
    }

    @Test
    void aChunkedBodyCrossingTheLimitIs413AndLeavesNothing() throws Exception {
        String chunk = "400\r\n" + "x".repeat(1024) + "\r\n"; // two of them cross the 1k limit
        try (RawClient client = new RawClient(site.server().address())) {
            client.send("POST /small/chunked.txt HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .send(chunk).send(chunk).send("0\r\n\r\n");

            assertThat(client.read().status()).isEqualTo(413);
        }
        assertThat(Poll.within(CLEANUP, () -> names(site.small()).isEmpty())).as("left: %s", names(site.small())).isTrue();
    }

    @Test
    void aRawUploadCutOffMidBodyLeavesNothing() throws Exception {
        try (RawClient client = new RawClient(site.server().address())) {
            client.send("POST /uploads/cut.bin HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000\r\n\r\n")
                    .send(new byte[300_000]);
            assertThat(Poll.within(CLEANUP, () -> hasTemporaryFile(site.uploads())))
                    .as("the upload is being written").isTrue();
        }

        assertThat(Poll.within(CLEANUP, () -> names(site.uploads()).isEmpty())).as("left: %s", names(site.uploads())).isTrue();
    }

    @Test
    void aMultipartUploadCutOffAfterItsFirstFileLeavesNeitherFile() throws Exception {
        byte[] started = new MultipartBody().file("f", "complete.bin", new byte[200_000])
                .file("f", "partial.bin", new byte[100_000]).unfinished();
        try (RawClient client = new RawClient(site.server().address())) {
            client.send(MultipartBody.postHead("/uploads", started.length + 500_000)).send(started);
            assertThat(Poll.within(CLEANUP, () -> names(site.uploads()).stream().filter(n -> n.startsWith(".upload-")).count() == 2))
                    .as("both parts are being written: %s", names(site.uploads())).isTrue();
        }

        assertThat(Poll.within(CLEANUP, () -> names(site.uploads()).isEmpty())).as("left: %s", names(site.uploads())).isTrue();
    }

    @Test
    void aServerStoppingMidUploadLeavesNothing(@TempDir Path other) throws Exception {
        UploadSite stopping = UploadSite.start(other);
        try (RawClient client = new RawClient(stopping.server().address())) {
            client.send("PUT /uploads/stopped.bin HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000\r\n\r\n")
                    .send(new byte[300_000]);
            assertThat(Poll.within(CLEANUP, () -> hasTemporaryFile(stopping.uploads())))
                    .as("the upload is being written").isTrue();

            stopping.close(); // the upload does not finish within the grace period: its connection is closed
        }

        assertThat(Poll.within(CLEANUP, () -> names(stopping.uploads()).isEmpty()))
                .as("left: %s", names(stopping.uploads())).isTrue();
    }

    @Test
    void aMultipartBodyWithoutItsCloseDelimiterIs400AndLeavesNothing() throws Exception {
        byte[] body = new MultipartBody().file("f", "a.txt", "content".getBytes(StandardCharsets.UTF_8)).unfinished();

        RawResponse response = site.exchange(MultipartBody.postHead("/uploads", body.length), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(Poll.within(CLEANUP, () -> names(site.uploads()).isEmpty())).as("left: %s", names(site.uploads())).isTrue();
    }

    @Test
    void aMultipartBodyWithoutAnyFileIs400() throws Exception {
        byte[] body = new MultipartBody().field("comment", "no file here").file("file", "", new byte[0]).build();

        assertThat(site.exchange(MultipartBody.postHead("/uploads", body.length), body).status()).isEqualTo(400);
        assertThat(names(site.uploads())).isEmpty();
    }

    @Test
    void aMultipartTypeWithoutABoundaryIs400() throws Exception {
        String head = "POST /uploads HTTP/1.1\r\nHost: a\r\nContent-Type: multipart/form-data\r\nContent-Length: 3\r\n\r\n";

        assertThat(site.exchange(head, "abc".getBytes(StandardCharsets.ISO_8859_1)).status()).isEqualTo(400);
    }

    @Test
    void aRawBodyThatNamesNoFileIs400() throws Exception {
        assertThat(site.exchange("POST", "/uploads", "body").status()).as("the route itself").isEqualTo(400);
        assertThat(site.exchange("POST", "/uploads/dir/", "body").status()).as("a directory path").isEqualTo(400);
        assertThat(names(site.uploads())).isEmpty();
    }

    @Test
    void putRefusesANameItWouldHaveToChange() throws Exception {
        assertThat(site.exchange("PUT", "/uploads/.hidden", "x").status()).isEqualTo(400);
        assertThat(site.exchange("PUT", "/uploads/sub/file.txt", "x").status()).isEqualTo(400);
        assertThat(site.exchange("PUT", "/uploads/a%3Ab.txt", "x").status()).isEqualTo(400);
        assertThat(names(site.uploads())).isEmpty();
    }

    @Test
    void putOntoADirectoryIs409AndLeavesNothing() throws Exception {
        Files.createDirectory(site.uploads().resolve("folder"));

        assertThat(site.exchange("PUT", "/uploads/folder", "x").status()).isEqualTo(409);
        assertThat(site.uploads().resolve("folder")).isDirectory();
        assertThat(Poll.within(CLEANUP, () -> names(site.uploads()).equals(java.util.List.of("folder")))).isTrue();
    }

    @Test
    void aRouteWithoutUploadDirStillRefusesPost() throws Exception {
        assertThat(site.exchange("POST", "/other.txt", "x").status()).isEqualTo(405);
    }
}
