package io.webserv.net.internal;

import java.util.PriorityQueue;

/**
 * The deadlines of one event loop. Cheap to move: a connection pushes its deadline later on every
 * request, and that costs nothing here — the owner's one live entry stays where it is, and when it
 * comes due the queue looks at the owner's current deadline and either fires it or re-queues it for
 * the later time. Only a deadline moved earlier adds an entry; the one it replaces goes stale and is
 * dropped when it comes up.
 */
public final class DeadlineQueue {

    private record Entry(long at, Timed owner) {
    }

    private final PriorityQueue<Entry> entries = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));

    /** Sets {@code owner}'s deadline ({@link Long#MAX_VALUE} clears it). */
    public void set(Timed owner, long at) {
        owner.deadline = at;
        if (at < owner.queuedAt) {
            owner.queuedAt = at;
            entries.add(new Entry(at, owner));
        }
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
