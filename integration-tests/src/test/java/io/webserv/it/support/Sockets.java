package io.webserv.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Plain sockets for what {@link RawClient} does not show: every byte up to the end, and how it ended. */
public final class Sockets {

    /**
     * What a socket gave before it ended.
     *
     * @param bytes how many bytes came
     * @param reset whether it ended with a reset rather than an orderly EOF
     */
    public record Ending(long bytes, boolean reset) {
    }

    /** Linux's default ceiling for a TCP send buffer ({@code net.ipv4.tcp_wmem}'s third value). */
    private static final long DEFAULT_SEND_BUFFER_CEILING = 4 * 1024 * 1024;

    private Sockets() {
    }

    /**
     * The most a TCP socket here may buffer for sending: the kernel's autotuning ceiling where it can be
     * read, else Linux's default.
     */
    public static long sendBufferCeiling() {
        try {
            String[] values = Files.readString(Path.of("/proc/sys/net/ipv4/tcp_wmem")).trim().split("\\s+");
            return Long.parseLong(values[values.length - 1]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_SEND_BUFFER_CEILING;
        }
    }

    /**
     * A connected socket with a small receive buffer, set before connecting so that the kernel neither
     * grows it nor advertises a larger window: a client that does not read soon stops the server.
     */
    public static Socket connectWithSmallBuffer(InetSocketAddress address, int receiveBuffer, int readTimeoutMillis)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(receiveBuffer);
            socket.connect(address, 5_000);
            socket.setSoTimeout(readTimeoutMillis);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /**
     * Reads until the peer ends the stream, counting the bytes. A read timeout is not an ending: it
     * propagates as {@link SocketTimeoutException}.
     */
    public static Ending readToEnd(InputStream in) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = in.read(sink)) >= 0) {
                total += n;
            }
            return new Ending(total, false);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return new Ending(total, true);
        }
    }
}
