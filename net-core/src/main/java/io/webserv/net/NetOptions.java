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
 * @param sendBuffer          the kernel send buffer of accepted connections, see {@link SendBuffer}
 * @param nanoTime            the time source for deadlines (tests may inject their own)
 */
public record NetOptions(int workers, int maxConnections, WriteMode writeMode, int bufferSize, int pooledBuffersPerLoop,
                         long writeHighWatermark, SendBuffer sendBuffer, LongSupplier nanoTime) {

    /**
     * Checks the options.
     *
     * @param workers              event loops (threads), at least 1
     * @param maxConnections       open connections beyond which new ones are closed at once, at least 1
     * @param writeMode            when responses are written
     * @param bufferSize           bytes of one pooled read buffer, at least 256
     * @param pooledBuffersPerLoop free buffers a loop keeps for reuse, 0 or more
     * @param writeHighWatermark   queued output bytes above which reading stops, at least 1
     * @param sendBuffer           the kernel send buffer of accepted connections; not null
     * @param nanoTime             the time source for deadlines
     * @throws IllegalArgumentException when a value is out of range
     */
    public NetOptions {
        if (workers < 1 || maxConnections < 1 || bufferSize < 256 || pooledBuffersPerLoop < 0 || writeHighWatermark < 1) {
            throw new IllegalArgumentException("invalid options: " + workers + " workers, " + maxConnections
                    + " connections, " + bufferSize + " buffer bytes");
        }
        java.util.Objects.requireNonNull(sendBuffer, "sendBuffer");
    }

    /**
     * {@return the defaults} One loop, 10,000 connections, eager writes, 16 KiB buffers (256 pooled per
     * loop), 256 KiB high-water mark, {@link SendBuffer#AUTO}, {@link System#nanoTime()}.
     */
    public static NetOptions defaults() {
        return new NetOptions(1, 10_000, WriteMode.EAGER, 16 * 1024, 256, 256 * 1024, SendBuffer.AUTO, System::nanoTime);
    }

    /**
     * Returns these options with another number of event loops.
     *
     * @param n event loops (threads), at least 1
     * @return a copy with {@code workers} replaced
     */
    public NetOptions withWorkers(int n) {
        return new NetOptions(n, maxConnections, writeMode, bufferSize, pooledBuffersPerLoop, writeHighWatermark, sendBuffer, nanoTime);
    }

    /**
     * Returns these options with another connection limit.
     *
     * @param n open connections beyond which new ones are accepted and closed at once
     * @return a copy with {@code maxConnections} replaced
     */
    public NetOptions withMaxConnections(int n) {
        return new NetOptions(workers, n, writeMode, bufferSize, pooledBuffersPerLoop, writeHighWatermark, sendBuffer, nanoTime);
    }

    /**
     * Returns these options with another write mode.
     *
     * @param mode {@link WriteMode#EAGER} or {@link WriteMode#ON_READY}
     * @return a copy with {@code writeMode} replaced
     */
    public NetOptions withWriteMode(WriteMode mode) {
        return new NetOptions(workers, maxConnections, mode, bufferSize, pooledBuffersPerLoop, writeHighWatermark, sendBuffer, nanoTime);
    }

    /**
     * Returns these options with another read buffer size.
     *
     * @param bytes bytes of one pooled read buffer, at least 256
     * @return a copy with {@code bufferSize} replaced
     */
    public NetOptions withBufferSize(int bytes) {
        return new NetOptions(workers, maxConnections, writeMode, bytes, pooledBuffersPerLoop, writeHighWatermark, sendBuffer, nanoTime);
    }

    /**
     * Returns these options with another high-water mark.
     *
     * @param bytes queued output bytes above which a connection stops reading until half of it drains
     * @return a copy with {@code writeHighWatermark} replaced
     */
    public NetOptions withWriteHighWatermark(long bytes) {
        return new NetOptions(workers, maxConnections, writeMode, bufferSize, pooledBuffersPerLoop, bytes, sendBuffer, nanoTime);
    }

    /**
     * Returns these options with another send-buffer policy.
     *
     * @param policy the kernel send buffer of accepted connections
     * @return a copy with {@code sendBuffer} replaced
     */
    public NetOptions withSendBuffer(SendBuffer policy) {
        return new NetOptions(workers, maxConnections, writeMode, bufferSize, pooledBuffersPerLoop, writeHighWatermark, policy,
                nanoTime);
    }
}
