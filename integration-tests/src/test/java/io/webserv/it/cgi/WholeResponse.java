package io.webserv.it.cgi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A response read from a socket of the test's own (one with a small receive buffer, say) up to the
 * server's close: send {@code Connection: close}. The body is de-chunked when it came chunked.
 *
 * @param head  the status line and header fields
 * @param body  the body
 * @param bytes every byte received
 */
record WholeResponse(String head, byte[] body, long bytes) {

    /** Reads until EOF, {@code pauseEvery} bytes at a time with a pause of {@code pauseMillis} between reads. */
    static WholeResponse read(InputStream in, int chunk, long pauseMillis) throws IOException, InterruptedException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[chunk];
        int n;
        while ((n = in.read(buf)) >= 0) {
            all.write(buf, 0, n);
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis); // the behaviour under test: a slow reader
            }
        }
        return parse(all.toByteArray());
    }

    static WholeResponse parse(byte[] wire) throws IOException {
        String text = new String(wire, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete head in " + wire.length + " bytes");
        }
        String head = text.substring(0, end);
        byte[] rest = Arrays.copyOfRange(wire, end + 4, wire.length);
        boolean chunked = head.toLowerCase(java.util.Locale.ROOT).contains("\r\ntransfer-encoding: chunked");
        return new WholeResponse(head, chunked ? dechunk(rest) : rest, wire.length);
    }

    int status() {
        return Integer.parseInt(head.split(" ")[1]);
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrlf(chunked, at);
            if (lineEnd < 0) {
                throw new IOException("chunked body cut at " + body.size() + " bytes");
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                return body.toByteArray();
            }
            if (at + size + 2 > chunked.length) {
                throw new IOException("chunked body cut at " + (body.size() + chunked.length - at) + " bytes");
            }
            body.write(chunked, at, size);
            at += size + 2;
        }
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
