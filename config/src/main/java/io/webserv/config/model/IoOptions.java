package io.webserv.config.model;

import java.util.Objects;

/**
 * I/O options: the reactor's write mode that SPEC §7 lets the file choose
 * ({@code io: { write: eager | on_ready }}), whether small static files are served from memory
 * ({@code file_cache}) and the kernel send buffer of accepted connections ({@code send_buffer}).
 *
 * @param write      when queued output is written
 * @param fileCache  small files kept in memory and trusted for a second (as nginx's
 *                   {@code open_file_cache_valid}); off, every request looks at the disk
 * @param sendBuffer {@code SO_SNDBUF} of accepted connections
 */
public record IoOptions(WriteMode write, boolean fileCache, SendBuffer sendBuffer) {

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

    /**
     * {@code io.send_buffer}: {@code auto} (a fixed size for loopback peers, the kernel's autotuning
     * for the rest; net-core's {@code SendBuffer.AUTO} says why), {@code kernel} (autotuning for all)
     * or a size for every connection.
     *
     * @param kind  which of the three
     * @param bytes the size when {@code kind} is {@link Kind#FIXED}, otherwise 0
     */
    public record SendBuffer(Kind kind, int bytes) {

        /** The three forms of {@code io.send_buffer}. */
        public enum Kind {
            /** The server's choice: a fixed size for loopback peers only. */
            AUTO,
            /** The kernel's autotuning for every connection. */
            KERNEL,
            /** {@link SendBuffer#bytes()} for every connection. */
            FIXED
        }

        /** {@code auto}. */
        public static final SendBuffer AUTO = new SendBuffer(Kind.AUTO, 0);
        /** {@code kernel}. */
        public static final SendBuffer KERNEL = new SendBuffer(Kind.KERNEL, 0);

        /**
         * Checks that a size goes with {@link Kind#FIXED} only.
         *
         * @param kind  which form; not null
         * @param bytes at least 1 for {@link Kind#FIXED}, otherwise 0
         */
        public SendBuffer {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.FIXED) != (bytes > 0)) {
                throw new IllegalArgumentException(kind + " send buffer with " + bytes + " bytes");
            }
        }
    }

    /**
     * Eager writes, the small-file cache on, the send buffer {@code auto}: the defaults of
     * {@code io.write}, {@code io.file_cache} and {@code io.send_buffer}.
     */
    public static final IoOptions DEFAULTS = new IoOptions(WriteMode.EAGER, true, SendBuffer.AUTO);

    /**
     * Checks the options.
     *
     * @param write      when queued output is written; not null
     * @param fileCache  whether small static files are served from memory
     * @param sendBuffer {@code SO_SNDBUF} of accepted connections; not null
     */
    public IoOptions {
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(sendBuffer, "sendBuffer");
    }
}
