package io.webserv.net.internal;

/**
 * Something with at most one deadline at a time, kept in a {@link DeadlineQueue}. Times are in the
 * queue's nanosecond base; {@link Long#MAX_VALUE} means none.
 */
public abstract class Timed {

    /** The deadline now in force. */
    long deadline = Long.MAX_VALUE;
    /** The time of this owner's one live entry in the queue. */
    long queuedAt = Long.MAX_VALUE;

    /** The deadline passed (it is cleared before this is called). */
    protected abstract void expire();

    public final long deadline() {
        return deadline;
    }
}
