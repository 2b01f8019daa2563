package io.webserv.http.parse;

import java.util.ArrayDeque;

/**
 * The line arrays a thread's parsers are not using: a {@link LineReader} takes one when its first byte
 * comes and gives it back when its block is done, so an idle connection's parser holds no array (a
 * keep-alive connection waiting for its next request costs ~1 KiB less; measured with 5,000 idle
 * connections), and a busy thread reuses a few arrays instead of allocating one per request. Parsers
 * run on their connection's event loop, so each loop keeps its own spares, without locks.
 */
final class SpareLineArrays {

    /** Every array handed out is at least this large: a typical request head fits. */
    static final int MIN_CAPACITY = 1024;
    /** Spares kept per thread; more are left to the garbage collector. */
    private static final int KEPT = 16;

    private static final ThreadLocal<ArrayDeque<byte[]>> SPARES = ThreadLocal.withInitial(() -> new ArrayDeque<>(KEPT));

    private SpareLineArrays() {
    }

    /** An array of at least {@code capacity} bytes, a spare when one is large enough. */
    static byte[] take(int capacity) {
        byte[] spare = SPARES.get().pollLast();
        return spare != null && spare.length >= capacity ? spare : new byte[Math.max(capacity, MIN_CAPACITY)];
    }

    /** Gives back an array its reader no longer refers to; arrays above {@code maxKept} bytes are dropped. */
    static void give(byte[] array, int maxKept) {
        ArrayDeque<byte[]> spares = SPARES.get();
        if (array.length <= maxKept && spares.size() < KEPT) {
            spares.addLast(array);
        }
    }
}
