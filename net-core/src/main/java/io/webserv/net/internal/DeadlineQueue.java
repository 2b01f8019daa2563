package io.webserv.net.internal;

import java.util.PriorityQueue;

/**
 * The deadlines of one event loop. Cheap to move: a connection pushes its deadline later on every
 * request, and that costs nothing here — the owner's one live entry stays where it is, and when it
 * comes due the queue looks at the owner's current deadline and either fires it or re-queues it for
 * the later time. Only a deadline moved earlier adds an entry; the one it replaces goes stale and is
 * dropped when it comes up.
 *
 * <p>Bounded: a cleared deadline (a closed connection) leaves its entry behind, and that entry would
 * hold its owner, and everything the owner holds, until it came due: up to the longest timeout. A
 * client opening and closing connections fast would then grow the queue with the rate of its churn,
 * not with the connections open. So once the queue holds twice the entries it kept at the last
 * sweep (and at least {@value #MIN_SWEEP_SIZE}), it sweeps: it drops every entry that will never
 * fire. Entries stay within twice the owners with a deadline, at an amortised O(1) per entry.
 */
public final class DeadlineQueue {

    /** Below this many entries the queue never sweeps: stale entries are few and cheap. */
    static final int MIN_SWEEP_SIZE = 1024;

    private record Entry(long at, Timed owner) {
        /** Whether this entry will never fire: superseded by an earlier one, or its owner's deadline cleared. */
        boolean isDead() {
            return at != owner.queuedAt || owner.deadline == Long.MAX_VALUE;
        }
    }

    private final PriorityQueue<Entry> entries = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
    private int sweepAt = MIN_SWEEP_SIZE;

    /** Sets {@code owner}'s deadline ({@link Long#MAX_VALUE} clears it). */
    public void set(Timed owner, long at) {
        owner.deadline = at;
        if (at < owner.queuedAt) {
            owner.queuedAt = at;
            entries.add(new Entry(at, owner));
            if (entries.size() >= sweepAt) {
                sweep();
            }
        }
    }

    /** Drops the entries that will never fire, releasing their owners. */
    private void sweep() {
        entries.removeIf(entry -> {
            if (!entry.isDead()) {
                return false;
            }
            if (entry.at == entry.owner.queuedAt) {
                entry.owner.queuedAt = Long.MAX_VALUE; // its owner has no entry left: a later set() adds one
            }
            return true;
        });
        sweepAt = Math.max(MIN_SWEEP_SIZE, 2 * entries.size());
    }

    /** The earliest time something may be due, or {@link Long#MAX_VALUE}. */
    public long nextAt() {
        Entry first = entries.peek();
        return first == null ? Long.MAX_VALUE : first.at;
    }

    /** Fires every deadline due at {@code now}. */
    public void expire(long now) {
        Entry first;
        while ((first = entries.peek()) != null && first.at <= now) {
            entries.poll();
            Timed owner = first.owner;
            if (first.at != owner.queuedAt) {
                continue; // stale: the owner has a newer, earlier entry
            }
            owner.queuedAt = Long.MAX_VALUE;
            long current = owner.deadline;
            if (current == Long.MAX_VALUE) {
                continue;
            }
            if (current <= now) {
                owner.deadline = Long.MAX_VALUE;
                owner.expire();
            } else {
                set(owner, current);
            }
        }
    }

    /** Entries held, live and stale (for tests and metrics). */
    public int size() {
        return entries.size();
    }
}
