package io.webserv.handlers.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publishing complete files, on a real directory. */
class PlacementTest {

    @TempDir
    Path dir;

    private Path temp(String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, ".upload-", ".part"), content);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void publishesUnderTheNameAndLeavesNoTemporaryFile() throws IOException {
        Path placed = Placement.placeNew(temp("hello"), "a.txt");

        assertThat(placed).isEqualTo(dir.resolve("a.txt"));
        assertThat(Files.readString(placed)).isEqualTo("hello");
        assertThat(names()).containsExactly("a.txt");
    }

    @Test
    void aTakenNameGetsTheNextFreeSuffixAndIsNeverOverwritten() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "first");
        Files.writeString(dir.resolve("a-1.txt"), "second");

        Path placed = Placement.placeNew(temp("third"), "a.txt");

        assertThat(placed.getFileName()).hasToString("a-2.txt");
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("first");
        assertThat(Files.readString(dir.resolve("a-1.txt"))).isEqualTo("second");
        assertThat(Files.readString(placed)).isEqualTo("third");
        assertThat(names()).containsExactly("a-1.txt", "a-2.txt", "a.txt");
    }

    @Test
    void aDirectoryOrALinkOfThatNameIsTakenToo() throws IOException {
        Files.createDirectory(dir.resolve("photos"));
        Path outside = Files.writeString(Files.createTempFile("outside", ".txt"), "outside");
        try {
            Files.createSymbolicLink(dir.resolve("link.txt"), outside);

            assertThat(Placement.placeNew(temp("x"), "photos").getFileName()).hasToString("photos-1");
            assertThat(Placement.placeNew(temp("y"), "link.txt").getFileName()).hasToString("link-1.txt");
            assertThat(Files.readString(outside)).as("a link is not followed").isEqualTo("outside");
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void afterAHundredTakenNamesASuffixIsDrawnAtRandom() throws IOException {
        Files.writeString(dir.resolve("blob"), "0");
        for (int n = 1; n < 100; n++) {
            Files.writeString(dir.resolve("blob-" + n), Integer.toString(n));
        }

        Path placed = Placement.placeNew(temp("new"), "blob");

        assertThat(placed.getFileName().toString()).matches("blob-\\d{3,}");
        assertThat(Files.readString(placed)).isEqualTo("new");
        assertThat(Files.readString(dir.resolve("blob-99"))).isEqualTo("99");
    }

    @Test
    void concurrentUploadsOfOneNameAllGetTheirOwnFile() throws Exception {
        int uploads = 16;
        List<Path> temps = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            temps.add(temp("upload " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Path>> placed = new ArrayList<>();
            for (Path temp : temps) {
                placed.add(pool.submit(() -> {
                    start.await();
                    return Placement.placeNew(temp, "same.txt");
                }));
            }
            start.countDown();
            List<String> contents = new ArrayList<>();
            for (Future<Path> file : placed) {
                contents.add(Files.readString(file.get()));
            }

            assertThat(contents).as("no upload replaced another").doesNotHaveDuplicates().hasSize(uploads);
            assertThat(names()).hasSize(uploads).allMatch(n -> n.matches("same(-\\d+)?\\.txt"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void replaceCreatesThenReplacesAtomically() throws IOException {
        Path target = dir.resolve("r.txt");

        assertThat(Placement.replace(temp("one"), target)).as("created").isTrue();
        assertThat(Placement.replace(temp("two"), target)).as("replaced, not created").isFalse();

        assertThat(Files.readString(target)).isEqualTo("two");
        assertThat(names()).containsExactly("r.txt");
    }

    @Test
    void replaceRefusesADirectory() throws IOException {
        Path target = Files.createDirectory(dir.resolve("d"));
        Path temp = temp("x");

        assertThatThrownBy(() -> Placement.replace(temp, target)).isInstanceOf(Placement.TargetIsDirectory.class);
        assertThat(target).isDirectory();
    }

    @Test
    void withoutHardLinksTheNameIsReservedThenRenamedOver() throws IOException {
        Files.writeString(dir.resolve("taken.txt"), "old");
        Path temp = temp("content");

        assertThat(Placement.reserveThenRename(temp, dir.resolve("taken.txt"))).isFalse();
        assertThat(Files.readString(dir.resolve("taken.txt"))).isEqualTo("old");
        assertThat(Placement.reserveThenRename(temp, dir.resolve("free.txt"))).isTrue();

        assertThat(Files.readString(dir.resolve("free.txt"))).isEqualTo("content");
        assertThat(names()).containsExactly("free.txt", "taken.txt");
    }

    @Test
    void aMissingDirectoryIsAnError() throws IOException {
        Path temp = temp("x");

        assertThatThrownBy(() -> Placement.publish(temp, dir.resolve("gone/a.txt"))).isInstanceOf(IOException.class);
        assertThat(temp).exists();
    }
}
