package io.webserv.handlers.files;

import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.api.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RouteConfig route = RouteConfig.serving("/", Path.of("/srv/www"));
    private final FileCache cache = new FileCache(3, 100, 40, 2, now::get);
    @TempDir
    Path dir;

    private CachedFile file(int length) {
        return cache.entry(FileFacts.of(length, 0, "text/plain"), null, new InMemoryContent(new byte[length]));
    }

    private SharedFile openFile(String name) throws IOException {
        Path file = Files.write(dir.resolve(name), new byte[100]);
        return new SharedFile(FileChannel.open(file, StandardOpenOption.READ));
    }

    private CachedFile descriptor(SharedFile shared) {
        return cache.entry(FileFacts.of(100, 0, "application/octet-stream"), null, shared);
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
    void oneRequestLooksAtTheDiskForAStaleEntryWhileTheOthersAreAnsweredWithIt() {
        CachedFile hello = file(5);
        cache.store(route, "/hello.txt", hello);
        now.addAndGet(FileCache.VALIDITY_NANOS); // stale

        assertThat(cache.lookup(route, "/hello.txt")).as("the first: look at the disk").isNull();
        assertThat(cache.lookup(route, "/hello.txt")).as("the others meanwhile").isSameAs(hello);
        now.addAndGet(FileCache.VALIDITY_NANOS / 2);
        assertThat(cache.lookup(route, "/hello.txt")).isSameAs(hello);

        now.addAndGet(FileCache.VALIDITY_NANOS); // no new entry came: that request was lost
        assertThat(cache.lookup(route, "/hello.txt")).as("another one looks at the disk").isNull();

        CachedFile renewed = file(5);
        cache.store(route, "/hello.txt", renewed);
        assertThat(cache.lookup(route, "/hello.txt")).isSameAs(renewed);
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
    void aDescriptorStaysOpenWhileAResponseSendsFromItAndClosesWithTheLastShare() throws IOException {
        SharedFile big = openFile("big");
        cache.store(route, "/big", descriptor(big));
        ResponseBody.FileRegion sending = (ResponseBody.FileRegion) cache.lookup(route, "/big").body(0, 100);

        cache.invalidateAll();
        assertThat(cache.descriptors()).isZero();
        assertThat(big.isOpen()).as("a response still sends from it").isTrue();
        assertThat(sending.file().read(ByteBuffer.allocate(10), 90)).isEqualTo(10);

        sending.release();
        assertThat(big.isOpen()).as("the last share given back").isFalse();
        assertThat(big.shares()).isZero();
    }

    @Test
    void aBodyFromADroppedDescriptorAsksForTheDiskAgain() throws IOException {
        SharedFile big = openFile("big");
        cache.store(route, "/big", descriptor(big));
        CachedFile found = cache.lookup(route, "/big");
        cache.invalidateAll(); // between the lookup and the body, on another loop

        assertThatThrownBy(() -> found.body(0, 100)).isInstanceOf(ClosedChannelException.class);
        assertThat(big.acquire()).as("closed for good").isFalse();
    }

    @Test
    void keepsNoMoreDescriptorsThanItsBudgetAndClosesTheOnesItRefuses() throws IOException {
        cache.store(route, "/1", descriptor(openFile("1")));
        cache.store(route, "/2", descriptor(openFile("2")));
        SharedFile third = openFile("3");
        cache.store(route, "/3", descriptor(third));

        assertThat(cache.lookup(route, "/3")).isNull();
        assertThat(third.isOpen()).as("refused, so closed at once").isFalse();
        assertThat(cache.descriptors()).isEqualTo(2);
        assertThat(cache.bytes()).as("descriptors take no byte budget").isZero();
    }

    @Test
    void renewingAKeptDescriptorNeedsNoRoomAndClosesNothingInUse() throws IOException {
        SharedFile one = openFile("1");
        cache.store(route, "/1", descriptor(one));
        cache.store(route, "/2", descriptor(openFile("2")));
        now.addAndGet(FileCache.VALIDITY_NANOS); // stale: the next request looks at the disk and finds it unchanged

        assertThat(one.acquire()).isTrue(); // the renewed entry's share, as StaticFileResolver takes it
        cache.store(route, "/1", descriptor(one));

        assertThat(cache.lookup(route, "/1")).as("renewed although the budget is full").isNotNull();
        assertThat(one.isOpen()).isTrue();
        assertThat(one.shares()).as("one share: the renewed entry's").isEqualTo(1);
        assertThat(cache.descriptors()).isEqualTo(2);
    }

    @Test
    void replacingADescriptorByBytesGivesTheDescriptorBack() throws IOException {
        SharedFile big = openFile("big");
        cache.store(route, "/f", descriptor(big));
        cache.store(route, "/f", file(10)); // the file shrank under 64 KiB

        assertThat(big.isOpen()).isFalse();
        assertThat(cache.descriptors()).isZero();
        assertThat(cache.bytes()).isEqualTo(10);
    }

    @Test
    void eachBodyIsItsOwnViewOfTheSharedBytes() throws IOException {
        CachedFile hello = cache.entry(FileFacts.of(5, 0, "text/plain"), null, new InMemoryContent("hello".getBytes()));
        var first = (ResponseBody.Bytes) hello.body(0, 5);
        var range = (ResponseBody.Bytes) hello.body(1, 3);
        first.data().get(new byte[5]);

        assertThat(first.data().remaining()).isZero();
        assertThat(range.data().remaining()).isEqualTo(3);
        assertThat(range.data().get()).isEqualTo((byte) 'e');
        assertThat(range.data().isReadOnly()).isTrue();
    }
}
