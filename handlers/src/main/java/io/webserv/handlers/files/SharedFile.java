package io.webserv.handlers.files;

import io.webserv.handlers.api.ResponseBody;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A large file's open descriptor as {@link FileCache} keeps it: one channel shared by every response
 * sending the file and by the cache entries naming it, closed when the last of them lets go. Each
 * response reads it at its own positions ({@link FileChannel#transferTo} with an explicit position is
 * a {@code sendfile} with an offset: the channel's position never moves), so many connections on many
 * loops send from it at once.
 *
 * <p>Why: a large file sent from a fresh descriptor costs a hand-off to a blocking thread and back,
 * {@code realpath}, {@code stat}, {@code open} and {@code close}, around ten system calls and two
 * thread wake-ups per request, next to the eight or so {@code sendfile}s of a 1 MiB body.
 */
final class SharedFile implements CachedContent {

    private final FileChannel channel;
    /** Shares out: cache entries and responses. 0 once closed, and then it never rises again. */
    private final AtomicInteger shares = new AtomicInteger(1);

    /** @param channel an open channel; the caller's share is the first */
    SharedFile(FileChannel channel) {
        this.channel = channel;
    }

    /** {@return whether a share was taken} False when the channel is already closed. */
    boolean acquire() {
        for (int n = shares.get(); n > 0; n = shares.get()) {
            if (shares.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Gives one share back; the last closes the channel. */
    void release() {
        if (shares.decrementAndGet() == 0) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // only read from: closing cannot lose data
            }
        }
    }

    /**
     * A region for one response, holding its own share until the server is done with it.
     *
     * @throws ClosedChannelException when every share was given back meanwhile (the entry was dropped)
     */
    @Override
    public ResponseBody body(long position, long count) throws ClosedChannelException {
        if (!acquire()) {
            throw new ClosedChannelException();
        }
        return new ResponseBody.FileRegion(channel, position, count, this::release);
    }

    @Override
    public long memoryBytes() {
        return 0;
    }

    @Override
    public boolean holdsDescriptor() {
        return true;
    }

    @Override
    public void dropped() {
        release();
    }

    int shares() {
        return shares.get();
    }

    boolean isOpen() {
        return channel.isOpen();
    }
}
