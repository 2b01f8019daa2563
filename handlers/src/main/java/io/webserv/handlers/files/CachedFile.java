package io.webserv.handlers.files;

import io.webserv.handlers.api.ResponseBody;

import java.io.IOException;

/**
 * A regular file as {@link FileCache} keeps it: what a response about it needs, computed once, and
 * its content (bytes or an open descriptor).
 *
 * @param facts      length, modification time, media type and the validators derived from them
 * @param identity   the file system's key for the file ({@code BasicFileAttributes.fileKey()}: device
 *                   and inode), so that a file replaced under the same name is never taken for the old
 *                   one; null where the file system has none
 * @param content    the bytes or the descriptor
 * @param validUntil {@link System#nanoTime()} after which the file must be looked at again
 */
record CachedFile(FileFacts facts, Object identity, CachedContent content, long validUntil) {

    /**
     * {@code count} bytes from {@code position}.
     *
     * @throws IOException when the content is gone since the lookup (look at the disk)
     */
    ResponseBody body(long position, long count) throws IOException {
        return content.body(position, count);
    }
}
