package io.webserv.it.upload;

import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static io.webserv.it.upload.UploadSite.names;
import static org.assertj.core.api.Assertions.assertThat;

/** Uploads that succeed, over real sockets (SPEC §5): multipart, raw POST, PUT, naming. */
class UploadTest {

    @TempDir
    Path dir;
    private UploadSite site;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        site = UploadSite.start(dir);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private byte[] get(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(site.server().uri(path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void multipartFilesAreStoredByteForByteListedAndServedBack() throws Exception {
        byte[] small = "hello, upload\n".getBytes(StandardCharsets.UTF_8);
        byte[] large = randomBytes(5 * 1024 * 1024 + 17, 1);
        byte[] body = new MultipartBody()
                .field("comment", "a plain field, ignored")
                .file("file", "notes.txt", small)
                .file("file", "", new byte[0]) // a file input left empty: skipped
                .file("file", "photo.bin", large)
                .build();

        RawResponse response = site.exchange(MultipartBody.postHead("/uploads", body.length), body);

        assertThat(response.status()).as(response.bodyText()).isEqualTo(201);
        assertThat(response.header("location")).isEqualTo("/uploads/notes.txt");
        assertThat(response.header("content-type")).startsWith("text/html");
        assertThat(response.bodyText())
                .contains("<a href=\"/uploads/notes.txt\">notes.txt</a>")
                .contains("<a href=\"/uploads/photo.bin\">photo.bin</a>");
        assertThat(names(site.uploads())).as("no temporary file left").containsExactly("notes.txt", "photo.bin");
        assertThat(Files.readAllBytes(site.uploads().resolve("notes.txt"))).isEqualTo(small);
        assertThat(Files.readAllBytes(site.uploads().resolve("photo.bin"))).isEqualTo(large);
        assertThat(get("/uploads/notes.txt")).isEqualTo(small);
        assertThat(get("/uploads/photo.bin")).isEqualTo(large);
    }

    @Test
    void aRawPostIsStoredUnderTheNameOfItsPath() throws Exception {
        RawResponse response = site.exchange("POST", "/uploads/name.txt", "raw body");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("location")).isEqualTo("/uploads/name.txt");
        assertThat(response.bodyText()).contains("<a href=\"/uploads/name.txt\">name.txt</a> (8 bytes)");
        assertThat(site.uploads().resolve("name.txt")).hasContent("raw body");
        assertThat(new String(get("/uploads/name.txt"), StandardCharsets.UTF_8)).isEqualTo("raw body");
    }

    @Test
    void aChunkedRawPostIsDechunkedOnDisk() throws Exception {
        String head = "POST /uploads/chunked.txt HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
        byte[] body = "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(site.exchange(head, body).status()).isEqualTo(201);
        assertThat(site.uploads().resolve("chunked.txt")).hasContent("hello, world");
    }

    @Test
    void anEmptyBodyIsAnEmptyFile() throws Exception {
        RawResponse response = site.exchange("POST", "/uploads/empty.txt", "");

        assertThat(response.status()).isEqualTo(201);
        assertThat(site.uploads().resolve("empty.txt")).isEmptyFile();
    }

    @Test
    void putCreatesThenReplaces() throws Exception {
        RawResponse created = site.exchange("PUT", "/uploads/put.txt", "first");
        RawResponse replaced = site.exchange("PUT", "/uploads/put.txt", "second version");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("location")).isEqualTo("/uploads/put.txt");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(site.uploads().resolve("put.txt")).hasContent("second version");
        assertThat(names(site.uploads())).containsExactly("put.txt");
    }

    @Test
    void aTakenNameGetsASuffixAndTheFirstFileIsKept() throws Exception {
        assertThat(site.exchange("POST", "/uploads/dup.txt", "one").header("location")).isEqualTo("/uploads/dup.txt");
        assertThat(site.exchange("POST", "/uploads/dup.txt", "two").header("location")).isEqualTo("/uploads/dup-1.txt");
        byte[] body = new MultipartBody().file("f", "dup.txt", "three".getBytes(StandardCharsets.UTF_8))
                .file("f", "dup.txt", "four".getBytes(StandardCharsets.UTF_8)).build();
        RawResponse multipart = site.exchange(MultipartBody.postHead("/uploads", body.length), body);

        assertThat(multipart.header("location")).isEqualTo("/uploads/dup-2.txt");
        assertThat(multipart.bodyText()).contains("/uploads/dup-3.txt");
        assertThat(site.uploads().resolve("dup.txt")).hasContent("one");
        assertThat(site.uploads().resolve("dup-1.txt")).hasContent("two");
        assertThat(site.uploads().resolve("dup-2.txt")).hasContent("three");
        assertThat(site.uploads().resolve("dup-3.txt")).hasContent("four");
    }

    @Test
    void aTraversalInTheFileNameStaysInsideTheUploadDirectory() throws Exception {
        byte[] body = new MultipartBody().file("f", "../../etc/passwd", "root:x:0:0".getBytes(StandardCharsets.UTF_8))
                .file("f", "..\\..\\boot.ini", "ini".getBytes(StandardCharsets.UTF_8)).build();

        RawResponse response = site.exchange(MultipartBody.postHead("/uploads", body.length), body);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("location")).isEqualTo("/uploads/passwd");
        assertThat(names(site.uploads())).containsExactly("boot.ini", "passwd");
        assertThat(site.uploads().resolve("passwd")).hasContent("root:x:0:0");
        assertThat(names(dir)).containsExactlyInAnyOrder("small", "uploads", "webserv.yaml", "www");
    }

    @Test
    void aRawNameIsSanitisedAndTheLocationSaysWhereItWent() throws Exception {
        RawResponse response = site.exchange("POST", "/uploads/sub/%22quoted%22%20r%C3%A9sum%C3%A9.txt", "x");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("location")).isEqualTo("/uploads/_quoted_%20r%C3%A9sum%C3%A9.txt");
        assertThat(site.uploads().resolve("_quoted_ résumé.txt")).hasContent("x");
        assertThat(new String(get(response.header("location")), StandardCharsets.UTF_8)).isEqualTo("x");
    }

    @Test
    void expect100ContinueIsAnsweredThenTheUploadStored() throws Exception {
        byte[] body = new MultipartBody().file("f", "continued.txt", "after 100".getBytes(StandardCharsets.UTF_8)).build();
        String head = MultipartBody.postHead("/uploads", body.length).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n");

        try (RawClient client = new RawClient(site.server().address())) {
            RawResponse interim = client.send(head).read();
            assertThat(interim.status()).isEqualTo(100);
            RawResponse response = client.send(body).read();

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.header("location")).isEqualTo("/uploads/continued.txt");
        }
        assertThat(site.uploads().resolve("continued.txt")).hasContent("after 100");
    }

    @Test
    void theConnectionStaysUsableAfterAnUpload() throws Exception {
        try (RawClient client = new RawClient(site.server().address())) {
            client.send("POST /uploads/k1.txt HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nk1");
            assertThat(client.read().status()).isEqualTo(201);
            client.send("PUT /uploads/k2.txt HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nk2");
            assertThat(client.read().status()).isEqualTo(201);
            client.send("GET /uploads/k1.txt HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(client.read().bodyText()).isEqualTo("k1");
        }
    }
}
