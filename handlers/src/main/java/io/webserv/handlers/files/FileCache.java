package io.webserv.handlers.files;

import io.webserv.config.model.RouteConfig;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Static files as last seen, so that a hot file costs no system call but the response's writes: no
 * realpath, stat, open or close, and no hand-off to a blocking thread and back (nginx's
 * {@code open_file_cache}). A small file is kept as its bytes ({@link InMemoryContent}); a larger one
 * as its open descriptor ({@link SharedFile}), sent zero-copy by every response that asks for it. An
 * entry is trusted for {@link #VALIDITY_NANOS} after the file was last looked at, as nginx's
 * {@code open_file_cache_valid}: a change made outside this server shows within a second. Changes made
 * through it (DELETE, uploads) empty the cache at once.
 *
 * <p>Keyed by route (identity) and request path, so that an entry stands for the whole resolution the
 * path went through: root containment, index file, symbolic links. Bounded in entries, bytes and
 * descriptors; when full, entries not used for a while make room, else the new file is simply not
 * kept.
 */
public final class FileCache {

    /** Files above this size are sent from their descriptor, zero-copy; below it, from memory. */
    static final int MAX_FILE_BYTES = 64 * 1024;
    private final long maxFileBytes;
    static final long VALIDITY_NANOS = 1_000_000_000L;
    /** An entry not revalidated for this long has not been asked for: it may make room. */
    private static final long IDLE_NANOS = 10 * VALIDITY_NANOS;

    private record Key(RouteConfig route, String path) {
        @Override
        public boolean equals(Object o) {
            // The route by identity: one instance per configured route, and record equality is costly.
            return o instanceof Key k && k.route == route && k.path.equals(path);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(route) + path.hashCode();
        }
    }

    /**
     * Open descriptors kept at most (the server may allow fewer, within its file-descriptor budget).
     * Past it, a large file not kept is opened per request, as without the cache.
     */
    public static final int MAX_DESCRIPTORS = 128;

    private final ConcurrentHashMap<Key, CachedFile> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger descriptors = new AtomicInteger();
    private final int maxEntries;
    private final long maxBytes;
    private final int maxDescriptors;
    private final LongSupplier nanoTime;

    /** 4,096 files, of which 128 large ones by descriptor and the others of up to 64 KiB in 64 MiB, at most. */
    public FileCache() {
        this(MAX_DESCRIPTORS);
    }

    /**
     * 4,096 files, of which {@code maxDescriptors} large ones by descriptor and the others of up to
     * 64 KiB in 64 MiB, at most.
     *
     * @param maxDescriptors the large files kept open at most, within the process's descriptor budget;
     *                       0 sends every large file from a descriptor of its own
     */
    public FileCache(int maxDescriptors) {
        this(4096, 64L * 1024 * 1024, MAX_FILE_BYTES, Math.min(maxDescriptors, MAX_DESCRIPTORS), System::nanoTime);
    }

    /** {@return a cache that keeps nothing: every file is sent from disk ({@code io.file_cache: false})} */
    public static FileCache disabled() {
        return new FileCache(0, 0, -1, 0, System::nanoTime);
    }

    FileCache(int maxEntries, long maxBytes, long maxFileBytes, int maxDescriptors, LongSupplier nanoTime) {
        this.maxFileBytes = maxFileBytes;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.maxDescriptors = maxDescriptors;
        this.nanoTime = nanoTime;
    }

    /**
     * The entry for {@code path} on {@code route} if it is still valid, else null: look at the disk. A
     * stale entry is answered with while another request looks at the disk for it (at most
     * {@link #VALIDITY_NANOS} more): without that, every request for a hot file in the moment after
     * its second went to the blocking pool at once (64 connections, 64 realpaths, stats and reads on
     * the loop's CPU, once a second).
     */
    CachedFile lookup(RouteConfig route, String path) {
        CachedFile cached = entries.get(new Key(route, path));
        if (cached == null) {
            return null;
        }
        long now = nanoTime.getAsLong();
        if (now - cached.validUntil() < 0) {
            return cached;
        }
        return cached.startRevalidation(now, VALIDITY_NANOS) ? null : cached;
    }

    /** The entry for {@code path} on {@code route}, valid or not, else null: to renew an unchanged file's. */
    CachedFile peek(RouteConfig route, String path) {
        return entries.get(new Key(route, path));
    }

    /**
     * Removes the entry for {@code path} on {@code route} if it is still stale: called after the path
     * was resolved again, so an entry neither renewed nor replaced names a file that is gone, changed
     * into a directory or no longer sent (its descriptor is closed now, not when the cache is full).
     */
    void dropIfStale(RouteConfig route, String path) {
        Key key = new Key(route, path);
        CachedFile entry = entries.get(key);
        if (entry != null && nanoTime.getAsLong() - entry.validUntil() >= 0 && entries.remove(key, entry)) {
            count(entry, -1);
            entry.content().dropped();
        }
    }

    /** Whether a file of {@code length} bytes is worth reading into memory. */
    boolean accepts(long length) {
        return length <= maxFileBytes;
    }

    /** Whether larger files may be kept by descriptor. */
    boolean keepsDescriptors() {
        return maxDescriptors > 0;
    }

    /** A new entry, valid from now for {@link #VALIDITY_NANOS}. */
    CachedFile entry(FileFacts facts, Object identity, CachedContent content) {
        return new CachedFile(facts, identity, content, nanoTime.getAsLong() + VALIDITY_NANOS);
    }

    /**
     * Keeps {@code file} for {@code path} on {@code route} when there is room, replacing (and dropping)
     * the entry there; else drops {@code file} at once. Either way the cache now answers for the file's
     * content. Any thread.
     */
    void store(RouteConfig route, String path, CachedFile file) {
        Key key = new Key(route, path);
        if (!hasRoomFor(file.content(), entries.get(key))) {
            evictIdle();
            if (!hasRoomFor(file.content(), entries.get(key))) {
                file.content().dropped();
                return;
            }
        }
        count(file, 1);
        CachedFile previous = entries.put(key, file);
        if (previous != null) {
            count(previous, -1);
            previous.content().dropped();
        }
    }

    /** Room for {@code content} once {@code replaced} (may be null) makes way for it. */
    private boolean hasRoomFor(CachedContent content, CachedFile replaced) {
        int freedEntries = replaced == null ? 0 : 1;
        long freedBytes = replaced == null ? 0 : replaced.content().memoryBytes();
        int freedDescriptors = replaced != null && replaced.content().holdsDescriptor() ? 1 : 0;
        return entries.size() - freedEntries < maxEntries
                && bytes.get() - freedBytes + content.memoryBytes() <= maxBytes
                && (!content.holdsDescriptor() || descriptors.get() - freedDescriptors < maxDescriptors);
    }

    private void count(CachedFile file, int sign) {
        bytes.addAndGet(sign * file.content().memoryBytes());
        if (file.content().holdsDescriptor()) {
            descriptors.addAndGet(sign);
        }
    }

    /**
     * Forgets every entry, closing the descriptors no response is sending from: a file under some root
     * was changed or removed by this server, the routes were reloaded, or the server stops. Any thread.
     */
    public void invalidateAll() {
        entries.keySet().forEach(this::remove);
    }

    int size() {
        return entries.size();
    }

    long bytes() {
        return bytes.get();
    }

    int descriptors() {
        return descriptors.get();
    }

    private void evictIdle() {
        long now = nanoTime.getAsLong();
        entries.forEach((key, file) -> {
            if (now - file.validUntil() > IDLE_NANOS) {
                remove(key);
            }
        });
    }

    private void remove(Key key) {
        CachedFile removed = entries.remove(key);
        if (removed != null) {
            count(removed, -1);
            removed.content().dropped();
        }
    }
}
