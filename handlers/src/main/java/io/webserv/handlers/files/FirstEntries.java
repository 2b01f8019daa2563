package io.webserv.handlers.files;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code max} entries of a directory listing in page order ({@link AutoIndexPage#ORDER}),
 * picked while the directory is read, and how many others there were. A directory of a million
 * names then costs {@code max} entries of memory, not a million: a client allowed to upload into a
 * listed directory could otherwise grow every listing of it, and the page, without bound.
 */
final class FirstEntries {

    private final int max;
    /** The entries kept, the one that comes LAST on the page at the head: the first to give way. */
    private final PriorityQueue<AutoIndexPage.Entry> kept;
    private long omitted;

    FirstEntries(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        this.max = max;
        this.kept = new PriorityQueue<>(AutoIndexPage.ORDER.reversed());
    }

    void add(AutoIndexPage.Entry entry) {
        kept.add(entry);
        if (kept.size() > max) {
            kept.poll();
            omitted++;
        }
    }

    /** The entries kept, in no particular order (the page sorts them). */
    List<AutoIndexPage.Entry> entries() {
        return new ArrayList<>(kept);
    }

    /** How many entries were left out. */
    long omitted() {
        return omitted;
    }
}
