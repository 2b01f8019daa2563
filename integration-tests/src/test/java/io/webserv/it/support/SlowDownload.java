package io.webserv.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A GET of a large file that the test holds in flight: {@link #start} sends the request and reads the
 * head and the first bytes through a small receive buffer, so most of the body is still on the server
 * side (queued, or not read from the disk yet) while the test does something else; {@link #finish}
 * reads the rest, up to the length the head announced.
 */
public final class SlowDownload implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final int status;
    private final long contentLength;
    private long received;

    private SlowDownload(Socket socket, int status, long contentLength, long received) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.status = status;
        this.contentLength = contentLength;
        this.received = received;
    }

    /** Requests {@code path} on a keep-alive connection and reads its head and up to {@code firstBytes} of the body. */
    public static SlowDownload start(InetSocketAddress address, String path, int firstBytes) throws IOException {
        Socket socket = Sockets.connectWithSmallBuffer(address, 16 * 1024, 10_000);
        try {
            socket.getOutputStream().write(Requests.get(path).getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            long length = -1;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            long received = in.readNBytes((int) Math.min(firstBytes, Math.max(0, length))).length;
            return new SlowDownload(socket, status, length, received);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    public int status() {
        return status;
    }

    public long contentLength() {
        return contentLength;
    }

    /** Reads the rest of the body; {@return the body's bytes received in all} */
    public long finish() throws IOException {
        byte[] sink = new byte[64 * 1024];
        while (received < contentLength) {
            int n = in.read(sink, 0, (int) Math.min(sink.length, contentLength - received));
            if (n < 0) {
                break;
            }
            received += n;
        }
        return received;
    }

    /** The connection, to send the next request on it once the body is read. */
    public RawClient connection() throws IOException {
        return new RawClient(socket);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the response head: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
