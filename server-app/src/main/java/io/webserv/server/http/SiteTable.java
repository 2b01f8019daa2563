package io.webserv.server.http;

import java.util.Objects;

/**
 * The {@link Sites} a listening socket serves now. Every connection accepted on the socket reads it at
 * the start of each request, so a configuration reload reaches keep-alive connections at their next
 * request, and a request under way finishes on the sites it started with.
 */
public final class SiteTable {

    /** Written by the reload thread, read by the event loops: a volatile reference is all it takes. */
    private volatile Sites current;

    /** @param initial what the socket serves until the first {@link #replace} */
    public SiteTable(Sites initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    /** {@return what a request starting now is served by} */
    public Sites current() {
        return current;
    }

    /** From now on, requests start on {@code next}; those under way keep theirs. */
    public void replace(Sites next) {
        current = Objects.requireNonNull(next, "next");
    }
}
