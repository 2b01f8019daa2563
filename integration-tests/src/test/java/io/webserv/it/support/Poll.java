package io.webserv.it.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition with a deadline, in place of sleeping for a guessed time. */
public final class Poll {

    private static final long STEP_MILLIS = 10;

    private Poll() {
    }

    /** Whether {@code condition} became true within {@code limit}; checks it every few milliseconds. */
    public static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(STEP_MILLIS); // the poll interval, not a synchronisation guess
        }
        return true;
    }
}
