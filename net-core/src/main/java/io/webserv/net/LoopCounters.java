package io.webserv.net;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A fixed set of counters that one thread writes and any thread reads: what an event loop counts
 * about its own connections, with no lock, no CAS and no write shared between loops. A reader sums the
 * instances of every loop.
 *
 * <p>Memory model: the owner is the only writer, so it reads its own slot plainly and stores the sum
 * with an <em>opaque</em> write ({@link VarHandle#setOpaque}); readers use an opaque read. Opaque
 * access guarantees what a counter needs and nothing more: a 64-bit value is never torn (a plain
 * {@code long} may be, JLS §17.7), each slot's writes are seen in order (a monotonic counter never goes
 * back), and a write becomes visible to other threads eventually. It orders nothing else, which a
 * counter does not need: no other data is published through it. On x86 and ARM an opaque store is a
 * plain store, so the hot path costs an array load, an add and a store. A reader may see one loop's
 * slot a little later than another's: a sum over slots is a slightly stale snapshot, never a torn or
 * invented value.
 */
public final class LoopCounters {

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] slots;

    /** @param size the number of counters, each starting at 0 */
    public LoopCounters(int size) {
        this.slots = new long[size];
    }

    /**
     * Adds {@code n} to counter {@code slot}; only the owning thread may call this.
     *
     * @param slot the counter
     * @param n    how much to add (negative for a gauge going down)
     */
    public void add(int slot, long n) {
        SLOT.setOpaque(slots, slot, slots[slot] + n);
    }

    /**
     * Adds one to counter {@code slot}; only the owning thread may call this.
     *
     * @param slot the counter
     */
    public void increment(int slot) {
        SLOT.setOpaque(slots, slot, slots[slot] + 1);
    }

    /**
     * Reads a counter; from any thread.
     *
     * @param slot the counter
     * @return its value as last published by its owner
     */
    public long get(int slot) {
        return (long) SLOT.getOpaque(slots, slot);
    }

    /** {@return the number of counters} */
    public int size() {
        return slots.length;
    }
}
