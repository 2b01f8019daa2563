package io.webserv.handlers.files;

import io.webserv.handlers.api.ResponseBody;

import java.io.IOException;

/** What {@link FileCache} keeps of a file to answer with: its bytes, or its open descriptor. */
sealed interface CachedContent permits InMemoryContent, SharedFile {

    /**
     * {@return {@code count} bytes from {@code position}, as a response body}
     *
     * @throws IOException when the content is gone (a descriptor closed since the lookup): look at the disk
     */
    ResponseBody body(long position, long count) throws IOException;

    /** {@return the heap this content takes, counted against the cache's byte budget} */
    long memoryBytes();

    /** {@return whether this content holds a file descriptor, counted against the cache's descriptor budget} */
    boolean holdsDescriptor();

    /** Called once when a cache entry holding this content is removed or replaced. */
    void dropped();
}
