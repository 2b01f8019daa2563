package io.webserv.net;

import java.util.function.LongSupplier;

/**
 * Everything the reactor can be tuned with, in one immutable record.
 *
 * @param workers             event loops (threads); connections are spread across them
 * @param maxConnections      open connections beyond which new ones are accepted and closed at once
 * @param writeMode           see {@link WriteMode}
 * @param bufferSize          bytes of one pooled read buffer
 * @param pooledBuffersPerLoop how many free buffers a loop keeps for reuse
 * @param writeHighWatermark  queued output bytes above which a connection stops reading until drained
 * @param nanoTime            the time source for deadlines (tests may inject their own)
 */
public record NetOptions(int workers, int maxConnections, WriteMode writeMode, int bufferSize, int pooledBuffersPerLoop,
                         long writeHighWatermark, LongSupplier nanoTime) {

    public NetOptions {
        if (workers < 1 || maxConnections < 1 || bufferSize < 256 || pooledBuffersPerLoop < 0 || writeHighWatermark < 1) {
            throw new IllegalArgumentException("invalid options: " + workers + " workers, " + maxConnections
                    + " connections, " + bufferSize + " buffer bytes");
        }
    }

    /** One loop, 10,000 connections, eager writes, 16 KiB buffers. */
    public static NetOptions defaults() {
        return new NetOptions(1, 10_000, WriteMode.EAGER, 16 * 1024, 256, 256 * 1024, System::nanoTime);
    }

    public NetOptions withWorkers(int n) {
        return new NetOptions(n, maxConnections, writeMode, bufferSize, pooledBuffersPerLoop, writeHighWatermark, nanoTime);
    }

    public NetOptions withMaxConnections(int n) {
        return new NetOptions(workers, n, writeMode, bufferSize, pooledBuffersPerLoop, writeHighWatermark, nanoTime);
    }

    public NetOptions withWriteMode(WriteMode mode) {
        return new NetOptions(workers, maxConnections, mode, bufferSize, pooledBuffersPerLoop, writeHighWatermark, nanoTime);
    }

    public NetOptions withBufferSize(int bytes) {
        return new NetOptions(workers, maxConnections, writeMode, bytes, pooledBuffersPerLoop, writeHighWatermark, nanoTime);
    }

    public NetOptions withWriteHighWatermark(long bytes) {
        return new NetOptions(workers, maxConnections, writeMode, bufferSize, pooledBuffersPerLoop, bytes, nanoTime);
    }
}
