package io.webserv.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * The size of an accepted connection's kernel send buffer ({@code SO_SNDBUF}), or none: the kernel's
 * own autotuning.
 *
 * <p>Why a fixed size can help: a large file goes out with one {@code sendfile} that the kernel
 * takes whole into an autotuned buffer (1 MiB at a time, measured), faster than the peer's receive
 * window lets it leave. The rest is transmitted later, when the peer's acknowledgements arrive, and on
 * loopback that work runs on the <em>peer's</em> CPU. With a fixed 96 KiB the server sends what the
 * window takes, itself: a 1 MiB file to wrk over loopback went from 1.83–1.96 GB/s (autotuning) to
 * 3.31–3.80 with 128 KiB (server on CPU 0, wrk {@code -t1 -c16} on CPU 1, 8 runs; 256 KiB 2.38–3.69,
 * 512 KiB 1.96), and 96 KiB beat 128 KiB in 6 alternating pairs (3.83–4.07 against 2.99–3.90 GB/s,
 * at 151–166 against 142–168 µs of server CPU per request). Smaller is worse: the kernel doubles the
 * value, and below two loopback segments (64 KiB each) every segment waits for a delayed
 * acknowledgement: 32 KiB gave 27–43 MB/s, 40 ms per segment. Over a real network a fixed buffer caps a connection at buffer ÷ round-trip time
 * (256 KiB at 50 ms: 5 MB/s), which autotuning does not, so the default applies it to loopback peers
 * only, where the round trip is microseconds (a proxy on the same host, the benchmark).
 *
 * @param bytes             the {@code SO_SNDBUF} to set, or 0 to leave the kernel's autotuning
 * @param loopbackPeersOnly set it only for peers on a loopback address
 */
public record SendBuffer(int bytes, boolean loopbackPeersOnly) {

    /** The kernel's autotuning for every connection. */
    public static final SendBuffer KERNEL = new SendBuffer(0, false);

    /** 96 KiB for loopback peers, the kernel's autotuning for the rest: the measured best above. */
    public static final SendBuffer AUTO = new SendBuffer(96 * 1024, true);

    /**
     * Checks the size.
     *
     * @param bytes             the {@code SO_SNDBUF} to set, 0 for none; not negative
     * @param loopbackPeersOnly set it only for peers on a loopback address
     * @throws IllegalArgumentException when {@code bytes} is negative
     */
    public SendBuffer {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative send buffer: " + bytes);
        }
    }

    /**
     * A fixed size for every connection.
     *
     * @param bytes the {@code SO_SNDBUF} to set, at least 1
     * @return the policy
     */
    public static SendBuffer fixed(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("send buffer must be at least 1 byte: " + bytes);
        }
        return new SendBuffer(bytes, false);
    }

    /**
     * Whether a connection from {@code peer} gets a fixed size.
     *
     * @param peer the remote address of an accepted connection
     * @return true when {@link #bytes()} is set for it
     */
    public boolean appliesTo(InetAddress peer) {
        return bytes > 0 && (!loopbackPeersOnly || peer.isLoopbackAddress());
    }

    /** Sets the size on a just-accepted channel when this policy says so. */
    void applyTo(SocketChannel channel) throws IOException {
        if (bytes > 0 && channel.getRemoteAddress() instanceof InetSocketAddress peer && appliesTo(peer.getAddress())) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, bytes);
        }
    }
}
