package io.webserv.handlers.upload;

import io.webserv.handlers.upload.MultipartUpload.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Publishing the files of one multipart body, all or nothing, on real files. (The streaming itself is
 * tested over real sockets in integration-tests.)
 */
class MultipartUploadTest {

    @TempDir
    Path dir;

    private Received received(String name, String content) throws IOException {
        Path temp = Files.writeString(Files.createTempFile(dir, ".upload-", ".part"), content);
        return new Received(temp, name, content.length());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void publishesEveryFileInOrderWithItsLink() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "older");

        List<StoredFile> stored = MultipartUpload.placeAll(List.of(received("a.txt", "aa"), received("b c.txt", "bbb")), "/up");

        assertThat(stored).containsExactly(new StoredFile("a-1.txt", 2, "/up/a-1.txt"), new StoredFile("b c.txt", 3, "/up/b%20c.txt"));
        assertThat(names()).containsExactly("a-1.txt", "a.txt", "b c.txt");
        assertThat(dir.resolve("a.txt")).hasContent("older");
    }

    @Test
    void aFailureRemovesWhatWasPublishedAndEveryTemporaryFile() throws IOException {
        Files.writeString(dir.resolve("kept.txt"), "not ours");
        Received first = received("first.txt", "1");
        Received lost = received("second.txt", "2");
        Received third = received("third.txt", "3");
        Files.delete(lost.temp()); // its file vanished: publishing it fails

        assertThatThrownBy(() -> MultipartUpload.placeAll(List.of(first, lost, third), "/up")).isInstanceOf(IOException.class);

        assertThat(names()).as("nothing of the upload, the file that was there before kept").containsExactly("kept.txt");
    }
}
