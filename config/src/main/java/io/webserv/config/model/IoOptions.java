package io.webserv.config.model;

import java.util.Objects;

/**
 * Reactor options that SPEC §7 lets the file choose ({@code io: { write: eager | on_ready }}).
 *
 * @param write when queued output is written
 */
public record IoOptions(WriteMode write) {

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

    public static final IoOptions DEFAULTS = new IoOptions(WriteMode.EAGER);

    public IoOptions {
        Objects.requireNonNull(write, "write");
    }
}
