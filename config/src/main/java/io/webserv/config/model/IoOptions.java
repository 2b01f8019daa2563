package io.webserv.config.model;

import java.util.Objects;

/**
 * I/O options: the reactor's write mode that SPEC §7 lets the file choose
 * ({@code io: { write: eager | on_ready }}), and whether small static files are served from memory
 * ({@code file_cache}).
 *
 * @param write     when queued output is written
 * @param fileCache small files kept in memory and trusted for a second (as nginx's
 *                  {@code open_file_cache_valid}); off, every request looks at the disk
 */
public record IoOptions(WriteMode write, boolean fileCache) {

    /**
     * When output is written. The same meaning as net-core's own {@code WriteMode}, which config may
     * not depend on (SPEC §7 layering); server-app maps one to the other.
     */
    public enum WriteMode {
        /** At once from the event that produced it; what does not fit waits for OP_WRITE. */
        EAGER,
        /** Only when the Selector reports the channel writable. */
        ON_READY
    }

    /** Eager writes and the small-file cache on: the defaults of {@code io.write} and {@code io.file_cache}. */
    public static final IoOptions DEFAULTS = new IoOptions(WriteMode.EAGER, true);

    /**
     * Checks the options.
     *
     * @param write     when queued output is written; not null
     * @param fileCache whether small static files are served from memory
     */
    public IoOptions {
        Objects.requireNonNull(write, "write");
    }
}
