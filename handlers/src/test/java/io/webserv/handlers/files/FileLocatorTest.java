package io.webserv.handlers.files;

import io.webserv.config.model.RouteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FileLocatorTest {

    private static final Path WWW = Path.of("/srv/www");
    private static final Path TMP_WWW = Path.of("/tmp/www");

    /** nginx root: the server's root, the whole path appended. */
    private static RouteConfig rootRoute(String path) {
        return RouteConfig.serving(path, WWW);
    }

    /** nginx alias: the route's own root replaces its prefix. */
    private static RouteConfig aliasRoute(String path) {
        return new RouteConfig(path, RouteConfig.DEFAULT_METHODS, TMP_WWW, true, List.of("index.html"), false, 0,
                Map.of(), Optional.empty(), Optional.empty(), Map.of());
    }

    @Test
    void rootAppendsTheWholePath() {
        assertThat(FileLocator.locate(rootRoute("/"), "/a/b.html")).contains(WWW.resolve("a/b.html"));
        assertThat(FileLocator.locate(rootRoute("/kapouet"), "/kapouet/pouic/toto"))
                .contains(WWW.resolve("kapouet/pouic/toto"));
        assertThat(FileLocator.locate(rootRoute("/"), "/")).contains(WWW);
        assertThat(FileLocator.locate(rootRoute("/"), "/dir/")).contains(WWW.resolve("dir"));
    }

    @Test
    void aliasReplacesTheRoutePrefix() {
        assertThat(FileLocator.locate(aliasRoute("/kapouet"), "/kapouet/pouic/toto")).contains(TMP_WWW.resolve("pouic/toto"));
        assertThat(FileLocator.locate(aliasRoute("/kapouet"), "/kapouet")).contains(TMP_WWW);
        assertThat(FileLocator.locate(aliasRoute("/kapouet"), "/kapouet/")).contains(TMP_WWW);
        assertThat(FileLocator.locate(aliasRoute("/"), "/x/y")).contains(TMP_WWW.resolve("x/y"));
        assertThat(FileLocator.locate(aliasRoute("/a/b"), "/a/b/c")).contains(TMP_WWW.resolve("c"));
    }

    @Test
    void aliasRefusesAPathOutsideItsPrefix() {
        assertThat(FileLocator.locate(aliasRoute("/kapouet"), "/kapouetx/file")).isEmpty();
        assertThat(FileLocator.locate(aliasRoute("/kapouet"), "/other")).isEmpty();
    }

    @Test
    void keepsNamesThatOnlyLookLikeDots() {
        assertThat(FileLocator.locate(rootRoute("/"), "/.well-known/x")).contains(WWW.resolve(".well-known/x"));
        assertThat(FileLocator.locate(rootRoute("/"), "/a/.../b")).contains(WWW.resolve("a/.../b"));
        assertThat(FileLocator.locate(rootRoute("/"), "/..x")).contains(WWW.resolve("..x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../etc/passwd", "/a/../../etc/passwd", "/a/..", "/./a", "/a//b", "//etc/passwd",
        "/a/\0/b", "/a\0b", "/a\\..\\..\\etc", "relative", "*"})
    void refusesWhatTheCodecShouldAlreadyHaveRemoved(String path) {
        assertThat(FileLocator.locate(rootRoute("/"), path)).isEmpty();
        assertThat(FileLocator.locate(aliasRoute("/"), path)).isEmpty();
    }

    @Test
    void refusesDotSegmentsRightAfterAnAliasPrefix() {
        assertThat(FileLocator.locate(aliasRoute("/kapouet"), "/kapouet/../secret")).isEmpty();
        assertThat(FileLocator.locate(aliasRoute("/kapouet"), "/kapouet//x")).isEmpty();
    }

    @Test
    void plainNames() {
        assertThat(FileLocator.isPlainName("index.html")).isTrue();
        assertThat(FileLocator.isPlainName("..")).isFalse();
        assertThat(FileLocator.isPlainName(".")).isFalse();
        assertThat(FileLocator.isPlainName("")).isFalse();
        assertThat(FileLocator.isPlainName("a/b")).isFalse();
        assertThat(FileLocator.isPlainName("a\0")).isFalse();
    }
}
