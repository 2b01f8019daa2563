package io.webserv.server;

import com.sun.management.UnixOperatingSystemMXBean;
import io.webserv.handlers.files.FileCache;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * How many connections the process's file-descriptor limit ({@code ulimit -n}) has room for. A
 * {@code max_connections} above it would let connections take the last descriptors, and then a
 * connection already open could not open the file it asked for; so the server lowers the cap and
 * says so at start-up, as nginx warns when {@code worker_connections} exceed the open-file limit.
 * Descriptors can still run out (CGI pipes, other processes' limits): accepts then pause and resume,
 * see {@code EventLoop}.
 */
final class FileDescriptorBudget {

    /** Kept for what is not a connection: listeners, log files, selectors, CGI pipes. */
    static final long RESERVE = 32;
    /** The share of the limit the file cache may keep open for large files, besides the reserve. */
    private static final long CACHED_FILES_SHARE = 32;
    /** A connection may hold its socket and one more: the file it serves, or the upload it writes. */
    static final long PER_CONNECTION = 2;

    private FileDescriptorBudget() {
    }

    /**
     * The connections that fit in {@code limit} descriptors when {@code openNow} are taken already,
     * never fewer than one, never more than {@code configured}.
     */
    static int connectionsAllowed(int configured, long limit, long openNow) {
        long room = (limit - openNow - RESERVE - cachedFiles(limit)) / PER_CONNECTION;
        return (int) Math.max(1, Math.min(configured, room));
    }

    /**
     * The large files' descriptors the file cache may keep open within {@code limit}: one in 32 of it,
     * at most {@link FileCache#MAX_DESCRIPTORS} (32 under {@code ulimit -n 1024}, 128 from 4096 on).
     */
    static int cachedFiles(long limit) {
        return (int) Math.min(FileCache.MAX_DESCRIPTORS, limit / CACHED_FILES_SHARE);
    }

    /** {@link #cachedFiles} for this process, or the most where the JVM cannot tell. */
    static int cachedFilesForThisProcess() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix && unix.getMaxFileDescriptorCount() > 0) {
            return cachedFiles(unix.getMaxFileDescriptorCount());
        }
        return FileCache.MAX_DESCRIPTORS;
    }

    /** {@link #connectionsAllowed} for this process, or {@code configured} where the JVM cannot tell. */
    static int forThisProcess(int configured) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix && unix.getMaxFileDescriptorCount() > 0) {
            return connectionsAllowed(configured, unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount());
        }
        return configured;
    }
}
