package io.webserv.server.http;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Responses counted per event loop without locks or shared writes: each loop thread bumps its own
 * slots (one writer, so a read-modify-write needs no CAS, and a release store publishes it), and a
 * reader sums every loop's slots. Costs the loop a thread-local lookup and three plain stores.
 */
public final class ResponseCounters {

    private static final int REQUESTS = 0;
    private static final int BYTES = 1;
    private static final int FIRST_STATUS = 2;
    private static final int STATUSES = 600;

    private final List<AtomicLongArray> loops = new CopyOnWriteArrayList<>();
    private final ThreadLocal<AtomicLongArray> own = ThreadLocal.withInitial(() -> {
        AtomicLongArray slots = new AtomicLongArray(FIRST_STATUS + STATUSES);
        loops.add(slots);
        return slots;
    });

    /** Called on the thread that sent the response (its loop). */
    void record(int status, long bodyBytes) {
        AtomicLongArray slots = own.get();
        bump(slots, REQUESTS, 1);
        bump(slots, BYTES, bodyBytes);
        if (status >= 100 && status < STATUSES) {
            bump(slots, FIRST_STATUS + status, 1);
        }
    }

    private static void bump(AtomicLongArray slots, int slot, long by) {
        slots.lazySet(slot, slots.get(slot) + by); // the owning thread is the only writer
    }

    public long requests() {
        return sum(REQUESTS);
    }

    public long bytesSent() {
        return sum(BYTES);
    }

    /** Responses per status code, for the codes seen, in code order. */
    public Map<Integer, Long> byStatus() {
        Map<Integer, Long> counts = new TreeMap<>();
        for (int status = 100; status < STATUSES; status++) {
            long n = sum(FIRST_STATUS + status);
            if (n > 0) {
                counts.put(status, n);
            }
        }
        return counts;
    }

    private long sum(int slot) {
        long total = 0;
        for (AtomicLongArray slots : loops) {
            total += slots.get(slot);
        }
        return total;
    }
}
