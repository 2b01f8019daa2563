package io.webserv.handlers.files;

import io.webserv.config.model.RouteConfig;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Small static files kept in memory, so that a hot file costs no system call but the response's
 * write: no realpath, stat, open, read or close, and no hand-off to a blocking thread and back (nginx's
 * {@code open_file_cache}, plus the bytes). An entry is trusted for {@link #VALIDITY_NANOS} after the
 * file was last looked at, as nginx's {@code open_file_cache_valid}: a change made outside this server
 * shows within a second. Changes made through it (DELETE, uploads) empty the cache at once.
 *
 * <p>Keyed by route (identity) and request path, so that an entry stands for the whole resolution the
 * path went through: root containment, index file, symbolic links. Bounded in entries and bytes; when
 * full, entries not used for a while make room, else the new file is simply not cached.
 */
public final class FileCache {

    /** Files above this size are sent from disk, zero-copy; below it, from memory. */
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

    private final ConcurrentHashMap<Key, CachedFile> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final int maxEntries;
    private final long maxBytes;
    private final LongSupplier nanoTime;

    /** 4,096 files of up to 64 KiB, and 64 MiB, at most. */
    public FileCache() {
        this(4096, 64L * 1024 * 1024, MAX_FILE_BYTES, System::nanoTime);
    }

    /** {@return a cache that keeps nothing: every file is sent from disk ({@code io.file_cache: false})} */
    public static FileCache disabled() {
        return new FileCache(0, 0, -1, System::nanoTime);
    }

    FileCache(int maxEntries, long maxBytes, long maxFileBytes, LongSupplier nanoTime) {
        this.maxFileBytes = maxFileBytes;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.nanoTime = nanoTime;
    }

    /** The entry for {@code path} on {@code route} if it is still valid, else null (look at the disk). */
    CachedFile lookup(RouteConfig route, String path) {
        CachedFile cached = entries.get(new Key(route, path));
        return cached != null && nanoTime.getAsLong() - cached.validUntil() < 0 ? cached : null;
    }

    /** Whether a file of {@code length} bytes is worth reading into memory. */
    boolean accepts(long length) {
        return length <= maxFileBytes;
    }

    /** A new entry, valid from now for {@link #VALIDITY_NANOS}. */
    CachedFile entry(FileFacts facts, byte[] content) {
        return new CachedFile(facts, content, nanoTime.getAsLong() + VALIDITY_NANOS);
    }

    /** Keeps {@code file} for {@code path} on {@code route}, when there is room. Any thread. */
    void store(RouteConfig route, String path, CachedFile file) {
        if (entries.size() >= maxEntries || bytes.get() + file.content().length > maxBytes) {
            evictIdle();
            if (entries.size() >= maxEntries || bytes.get() + file.content().length > maxBytes) {
                return;
            }
        }
        CachedFile previous = entries.put(new Key(route, path), file);
        bytes.addAndGet(file.content().length - (previous == null ? 0 : previous.content().length));
    }

    /** Forgets every entry: a file under some root was changed or removed by this server. Any thread. */
    public void invalidateAll() {
        entries.keySet().forEach(this::remove);
    }

    int size() {
        return entries.size();
    }

    long bytes() {
        return bytes.get();
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
            bytes.addAndGet(-removed.content().length);
        }
    }
}
