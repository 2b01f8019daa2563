package io.webserv.handlers.files;

import io.webserv.config.model.RouteConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class FileCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RouteConfig route = RouteConfig.serving("/", Path.of("/srv/www"));
    private final FileCache cache = new FileCache(3, 100, 40, now::get);

    private CachedFile file(int length) {
        return cache.entry(FileFacts.of(length, 0, "text/plain"), new byte[length]);
    }

    @Test
    void answersFromMemoryForASecondThenAsksForTheDiskAgain() {
        CachedFile hello = file(5);
        cache.store(route, "/hello.txt", hello);

        assertThat(cache.lookup(route, "/hello.txt")).isSameAs(hello);
        now.addAndGet(FileCache.VALIDITY_NANOS - 1);
        assertThat(cache.lookup(route, "/hello.txt")).isSameAs(hello);
        now.addAndGet(1);
        assertThat(cache.lookup(route, "/hello.txt")).as("stale after a second").isNull();
    }

    @Test
    void keysOnTheRouteInstanceAndThePath() {
        cache.store(route, "/a", file(1));

        assertThat(cache.lookup(RouteConfig.serving("/", Path.of("/srv/www")), "/a")).as("an equal route is another route").isNull();
        assertThat(cache.lookup(route, "/b")).isNull();
    }

    @Test
    void invalidateAllForgetsEverything() {
        cache.store(route, "/a", file(10));
        cache.store(route, "/b", file(10));

        cache.invalidateAll();

        assertThat(cache.lookup(route, "/a")).isNull();
        assertThat(cache.size()).isZero();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void staysWithinItsBoundsAndMakesRoomFromIdleEntries() {
        assertThat(cache.accepts(40)).isTrue();
        assertThat(cache.accepts(41)).as("larger files go from disk").isFalse();
        cache.store(route, "/a", file(40));
        cache.store(route, "/b", file(40));
        cache.store(route, "/c", file(40)); // 120 bytes > 100: not kept
        assertThat(cache.lookup(route, "/c")).isNull();
        assertThat(cache.bytes()).isEqualTo(80);

        now.addAndGet(12 * FileCache.VALIDITY_NANOS); // /a and /b not revalidated for over 10 s
        cache.store(route, "/c", file(40));

        assertThat(cache.lookup(route, "/c")).isNotNull();
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.bytes()).isEqualTo(40);
    }

    @Test
    void replacingAnEntryCountsItsBytesOnce() {
        cache.store(route, "/a", file(30));
        cache.store(route, "/a", file(20));

        assertThat(cache.bytes()).isEqualTo(20);
    }

    @Test
    void aDisabledCacheAcceptsNothing() {
        assertThat(FileCache.disabled().accepts(0)).isFalse();
    }

    @Test
    void eachBodyIsItsOwnViewOfTheSharedBytes() {
        CachedFile hello = cache.entry(FileFacts.of(5, 0, "text/plain"), "hello".getBytes());
        var first = (io.webserv.handlers.api.ResponseBody.Bytes) hello.body(0, 5);
        var range = (io.webserv.handlers.api.ResponseBody.Bytes) hello.body(1, 3);
        first.data().get(new byte[5]);

        assertThat(first.data().remaining()).isZero();
        assertThat(range.data().remaining()).isEqualTo(3);
        assertThat(range.data().get()).isEqualTo((byte) 'e');
        assertThat(range.data().isReadOnly()).isTrue();
    }
}
