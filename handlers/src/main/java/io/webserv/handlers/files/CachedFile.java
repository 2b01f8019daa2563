package io.webserv.handlers.files;

import io.webserv.handlers.api.ResponseBody;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A regular file as {@link FileCache} keeps it: what a response about it needs, computed once, and
 * its content (bytes or an open descriptor). Immutable but for the mark of a revalidation under way.
 */
final class CachedFile {

    private final FileFacts facts;
    private final Object identity;
    private final CachedContent content;
    private final long validUntil;
    /** {@link System#nanoTime()} when a request set out to look at the disk for this stale entry; 0 before. */
    private final AtomicLong revalidationStarted = new AtomicLong();

    /**
     * @param facts      length, modification time, media type and the validators derived from them
     * @param identity   the file system's key for the file ({@code BasicFileAttributes.fileKey()}: device
     *                   and inode), so that a file replaced under the same name is never taken for the
     *                   old one; null where the file system has none
     * @param content    the bytes or the descriptor
     * @param validUntil {@link System#nanoTime()} after which the file must be looked at again
     */
    CachedFile(FileFacts facts, Object identity, CachedContent content, long validUntil) {
        this.facts = facts;
        this.identity = identity;
        this.content = content;
        this.validUntil = validUntil;
    }

    FileFacts facts() {
        return facts;
    }

    Object identity() {
        return identity;
    }

    CachedContent content() {
        return content;
    }

    long validUntil() {
        return validUntil;
    }

    /**
     * Whether the caller, having found this entry stale at {@code now}, is the one to look at the disk:
     * true for the first caller, and again once {@code patienceNanos} passed without a new entry (that
     * request may have been dropped); false while another request is on it.
     */
    boolean startRevalidation(long now, long patienceNanos) {
        long started = revalidationStarted.get();
        return (started == 0 || now - started > patienceNanos) && revalidationStarted.compareAndSet(started, now);
    }

    /**
     * {@code count} bytes from {@code position}.
     *
     * @throws IOException when the content is gone since the lookup (look at the disk)
     */
    ResponseBody body(long position, long count) throws IOException {
        return content.body(position, count);
    }
}
