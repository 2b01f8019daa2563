package io.webserv.handlers.delete;

import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.files.FileLocator;
import io.webserv.http.message.HttpStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The blocking half of DELETE on a real tree: what is removed, and what is refused with which status. */
class FileDeleterTest {

    @TempDir
    Path temp;
    private Path www;
    private Path outside;

    @BeforeEach
    void tree() throws IOException {
        www = Files.createDirectories(temp.resolve("www"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(www.resolve("a.txt"), "a");
        Files.createDirectories(www.resolve("dir/inner"));
        Files.writeString(www.resolve("dir/b.txt"), "b");
    }

    private HttpStatus delete(String path) {
        return delete(RouteConfig.serving("/", www), path);
    }

    private static HttpStatus delete(RouteConfig route, String path) {
        Path file = FileLocator.locate(route, path).orElseThrow();
        return FileDeleter.delete(route.root(), file, path.endsWith("/"));
    }

    @Test
    void removesAFile() {
        assertThat(delete("/a.txt")).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(www.resolve("a.txt")).doesNotExist();
        assertThat(delete("/dir/b.txt")).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(www.resolve("dir/b.txt")).doesNotExist();
    }

    @Test
    void missingIs404() {
        assertThat(delete("/nothing.txt")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(delete("/nodir/nothing.txt")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(delete("/a.txt/below")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDirectoryIs409WithOrWithoutTheSlash() {
        assertThat(delete("/dir")).isEqualTo(HttpStatus.CONFLICT);
        assertThat(delete("/dir/")).isEqualTo(HttpStatus.CONFLICT);
        assertThat(delete("/dir/inner/")).isEqualTo(HttpStatus.CONFLICT);
        assertThat(delete("/")).isEqualTo(HttpStatus.CONFLICT);
        assertThat(www.resolve("dir/inner")).isDirectory();
    }

    @Test
    void theRouteDirectoryOfAnAliasIs409() {
        RouteConfig alias = new RouteConfig("/up", RouteConfig.DEFAULT_METHODS, www.resolve("dir"), true, List.of(), false,
                0, Map.of(), Optional.empty(), Optional.empty(), Map.of());
        assertThat(delete(alias, "/up")).isEqualTo(HttpStatus.CONFLICT);
        assertThat(delete(alias, "/up/b.txt")).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(www.resolve("dir/b.txt")).doesNotExist();
    }

    @Test
    void aFileNamedAsADirectoryIsNotRemoved() {
        assertThat(delete("/a.txt/")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(www.resolve("a.txt")).exists();
    }

    @Test
    void aLinkPointingOutsideIs403AndStays() throws IOException {
        Path link = Files.createSymbolicLink(www.resolve("leak.txt"), outside.resolve("secret.txt"));

        assertThat(delete("/leak.txt")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(link).isSymbolicLink();
        assertThat(outside.resolve("secret.txt")).exists();
    }

    @Test
    void nothingThroughADirectoryLinkPointingOutside() throws IOException {
        Files.createSymbolicLink(www.resolve("out"), outside);

        assertThat(delete("/out/secret.txt")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(delete("/out/absent.txt")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(outside.resolve("secret.txt")).exists();
    }

    @Test
    void aLinkBackInsideReachedThroughAnOutsideDirectoryIsNotRemoved() throws IOException {
        Files.createSymbolicLink(www.resolve("out"), outside);
        Path back = Files.createSymbolicLink(outside.resolve("back.txt"), www.resolve("a.txt"));

        assertThat(delete("/out/back.txt")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(back).isSymbolicLink();
    }

    @Test
    void aLinkInsideIsRemovedNotItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(www.resolve("alias.txt"), www.resolve("a.txt"));

        assertThat(delete("/alias.txt")).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(link).doesNotExist();
        assertThat(www.resolve("a.txt")).exists();
    }

    @Test
    void aLinkToADirectoryIs409() throws IOException {
        Files.createSymbolicLink(www.resolve("dirlink"), www.resolve("dir"));

        assertThat(delete("/dirlink")).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aDanglingLinkIsMissing() throws IOException {
        Files.createSymbolicLink(www.resolve("dangling"), www.resolve("nowhere"));

        assertThat(delete("/dangling")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMissingRootIs404() {
        RouteConfig gone = RouteConfig.serving("/", temp.resolve("gone"));
        assertThat(delete(gone, "/a.txt")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void withoutWritePermissionOnTheDirectoryIs403() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root ignores permissions");
        Path locked = www.resolve("dir");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        try {
            assertThat(delete("/dir/b.txt")).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(locked.resolve("b.txt")).exists();
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void anImmutableFileIs403() throws Exception {
        Path file = www.resolve("a.txt");
        assumeTrue(chattr("+i", file), "chattr +i needs root and a file system that supports it");
        try {
            assertThat(delete("/a.txt")).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(file).exists();
        } finally {
            chattr("-i", file);
        }
    }

    private static boolean chattr(String flag, Path file) throws IOException, InterruptedException {
        try {
            return new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false; // no chattr here
        }
    }
}
