package io.webserv.it.attack;

import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path traversal in every encoding, on every kind of route: no byte outside a root is ever served,
 * no file outside the upload directory is written, none outside a root is deleted. {@code secret.txt}
 * and {@code outside/keep.txt} sit beside the roots and hold {@link AttackedServer#SECRET}.
 */
class PathTraversalTest {

    @RegisterExtension
    static final AttackedServer SERVER = new AttackedServer();

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {
            "/../secret.txt", "/./../secret.txt", "/docs/../../secret.txt", "/docs/./../.././secret.txt",
            "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
            "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/docs/%2e%2e/%2e%2e/secret.txt", "/docs%2f..%2f..%2fsecret.txt",
            "/..%5csecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt", "/docs/..%5c..%5csecret.txt",
            "/%c0%ae%c0%ae/secret.txt", "/..%c0%afsecret.txt", "/%e0%80%ae%e0%80%ae/secret.txt", "/%c0%2e%c0%2e/secret.txt",
            "/..%c1%9csecret.txt", "/%f0%80%80%ae%f0%80%80%ae/secret.txt",
            "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt", "/..%252fsecret.txt",
            "/..%00/secret.txt", "/%00../secret.txt", "/../secret.txt%00.html", "/a.txt%00/../../secret.txt",
            "/%u002e%u002e/secret.txt", "/....//secret.txt", "/.../secret.txt", "//../secret.txt", "/..;/secret.txt",
            "http://a/../secret.txt", "http://a/%2e%2e/secret.txt", "*/../secret.txt", "../secret.txt", "secret.txt",
            "/cgi-bin/../../secret.txt", "/cgi-bin/%2e%2e/%2e%2e/secret.txt", "/cgi-bin/..%2f..%2fsecret.txt",
            "/uploads/../../secret.txt", "/uploads/%2e%2e/%2e%2e/outside/keep.txt", "/uploads/..%2f..%2foutside%2fkeep.txt",
            "/escape/secret.txt", "/escape-file"})
    void neverServesAByteFromOutsideTheRoots(String target) throws Exception {
        try (RawClient client = new RawClient(SERVER.address())) {
            RawResponse response = client.send("GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n").read();

            assertThat(response.status()).as(target).isIn(400, 403, 404);
            assertThat(response.bodyText()).doesNotContain(AttackedServer.SECRET);
        }
    }

    @Test
    void theSymlinksThatLeadOutsideAreThereToBeRefused() throws Exception {
        // Planted beside the requests above: www/escape -> .. and www/escape-file -> ../secret.txt.
        assertThat(Files.isSymbolicLink(SERVER.dir().resolve("www/escape"))).isTrue();
        assertThat(Files.readString(SERVER.dir().resolve("www/escape/secret.txt"))).isEqualTo(AttackedServer.SECRET);
    }

    @ParameterizedTest(name = "DELETE {0}")
    @ValueSource(strings = {"/uploads/../outside/keep.txt", "/uploads/%2e%2e/outside/keep.txt",
            "/uploads/..%2foutside%2fkeep.txt", "/uploads/..%5coutside%5ckeep.txt", "/uploads/%252e%252e/outside/keep.txt",
            "/uploads/%c0%ae%c0%ae/outside/keep.txt", "/uploads/..%00/outside/keep.txt"})
    void neverDeletesAFileOutsideTheRoot(String target) throws Exception {
        try (RawClient client = new RawClient(SERVER.address())) {
            RawResponse response = client.send("DELETE " + target + " HTTP/1.1\r\nHost: a\r\n\r\n").read();

            // 405: dot-segments resolved first, the target lands on "/", which allows GET only
            assertThat(response.status()).as(target).isIn(400, 403, 404, 405);
        }
        assertThat(SERVER.dir().resolve("outside/keep.txt")).exists();
    }

    @ParameterizedTest(name = "filename {0}")
    @ValueSource(strings = {"../evil.txt", "../../evil.txt", "..\\evil.txt", "/tmp/evil.txt", "%2e%2e/evil.txt",
            "..%2fevil.txt", "....//evil.txt", "./../evil.txt", "evil.txt\0.png"})
    void neverWritesAnUploadOutsideTheUploadDirectory(String filename) throws Exception {
        String boundary = "b0undary";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\nEVIL\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        try (RawClient client = new RawClient(SERVER.address())) {
            RawResponse response = client.send("POST /uploads HTTP/1.1\r\nHost: a\r\nContent-Type: multipart/form-data; boundary="
                    + boundary + "\r\nContent-Length: " + body.length + "\r\n\r\n").send(body).read();

            assertThat(response.status()).as(filename).isIn(201, 400, 403);
        }
        assertNoEvilFileOutsideUploads();
    }

    @ParameterizedTest(name = "PUT {0}")
    @ValueSource(strings = {"/uploads/../evil.txt", "/uploads/%2e%2e/evil.txt", "/uploads/..%2fevil.txt",
            "/uploads/..%5cevil.txt", "/uploads/%252e%252e%252fevil.txt", "/uploads/%c0%ae%c0%ae/evil.txt"})
    void neverWritesARawUploadOutsideTheUploadDirectory(String target) throws Exception {
        try (RawClient client = new RawClient(SERVER.address())) {
            RawResponse response = client.send("PUT " + target + " HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nEVIL").read();

            assertThat(response.status()).as(target).isIn(201, 204, 400, 403, 404, 405);
        }
        assertNoEvilFileOutsideUploads();
    }

    private static void assertNoEvilFileOutsideUploads() throws Exception {
        Path uploads = SERVER.dir().resolve("uploads");
        try (Stream<Path> files = Files.walk(SERVER.dir())) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> !f.startsWith(uploads))
                    .filter(f -> f.getFileName().toString().contains("evil")))
                    .as("files named evil outside uploads/").isEmpty();
        }
        try (Stream<Path> files = Files.list(SERVER.dir().resolve("/tmp"))) {
            assertThat(files.filter(f -> f.getFileName().toString().equals("evil.txt"))).isEmpty();
        }
    }
}
