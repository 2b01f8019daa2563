package io.webserv.cgi;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One of the places of {@link CgiHandler#MAX_RUNS}: taken when a CGI request arrives, given back
 * exactly once, when the run is over and its process (if it ever had one) has exited. A run holds its
 * place before it has a process too (while its script is looked up, while a chunked body is spooled),
 * since those runs cost a thread and buffers as well.
 */
final class RunSlot {

    private final Semaphore places;
    private final AtomicBoolean released = new AtomicBoolean();

    private RunSlot(Semaphore places) {
        this.places = places;
    }

    /** A place, or null when every place is taken. */
    static RunSlot tryTake(Semaphore places) {
        return places.tryAcquire() ? new RunSlot(places) : null;
    }

    /** Gives the place back; later calls do nothing. Thread-safe. */
    void release() {
        if (released.compareAndSet(false, true)) {
            places.release();
        }
    }
}
