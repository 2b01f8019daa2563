package io.webserv.net;

/**
 * When queued output is written (SPEC §7). Both give the same bytes in the same order; they differ
 * in syscalls and latency, measured in docs/architecture.md.
 */
public enum WriteMode {
    /**
     * Write at once from the event that produced the data (the socket is non-blocking, so this cannot
     * block); only what does not fit waits for OP_WRITE. What nginx, h2o and Netty do.
     */
    EAGER,
    /** Write only when the Selector reports the channel writable: the strictest reading of readiness. */
    ON_READY
}
