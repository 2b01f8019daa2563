package io.webserv.net;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The test protocol: each line received is answered with "echo: LINE\n". Lines may arrive in pieces;
 * an unfinished line is left in the buffer for the reactor to hand back with the next bytes.
 * Commands change the behaviour, so that the tests can drive every part of the reactor:
 * {@code big N} answers N bytes, {@code quit} answers and closes after flushing.
 */
class LineEchoProtocol implements ConnectionHandler {

    final Endpoint endpoint;
    volatile int linesSeen;
    volatile long maxQueuedBytes;
    volatile boolean closed;
    private final Consumer<LineEchoProtocol> onLine;
    String lastLine;

    LineEchoProtocol(Endpoint endpoint, Consumer<LineEchoProtocol> onLine) {
        this.endpoint = endpoint;
        this.onLine = onLine;
    }

    LineEchoProtocol(Endpoint endpoint) {
        this(endpoint, p -> p.answer());
    }

    /** Reads delivered while more than this was queued: must stay 0 when the watermark is this. */
    volatile long backedUpAbove = Long.MAX_VALUE;
    volatile int readsWhileBackedUp;

    @Override
    public void onRead(ByteBuffer in) {
        if (endpoint.queuedBytes() > backedUpAbove) {
            readsWhileBackedUp++;
        }
        while (endpoint.isOpen()) {
            int newline = -1;
            for (int i = in.position(); i < in.limit(); i++) {
                if (in.get(i) == '\n') {
                    newline = i;
                    break;
                }
            }
            if (newline < 0) {
                return; // leave the partial line for next time
            }
            byte[] line = new byte[newline - in.position()];
            in.get(line);
            in.get(); // the newline
            lastLine = new String(line, StandardCharsets.UTF_8);
            linesSeen++;
            onLine.accept(this);
            maxQueuedBytes = Math.max(maxQueuedBytes, endpoint.queuedBytes());
            if (!readingWanted) {
                return;
            }
        }
    }

    private boolean readingWanted = true;

    void suspend() {
        readingWanted = false;
        endpoint.suspendReading();
    }

    void resume() {
        readingWanted = true;
        endpoint.resumeReading();
    }

    /** The default reply to {@link #lastLine}. */
    void answer() {
        String line = lastLine;
        if (line.startsWith("big ")) {
            endpoint.write(ByteBuffer.wrap(new byte[Integer.parseInt(line.substring(4))]));
        } else if (line.equals("quit")) {
            send("bye");
            endpoint.closeAfterFlush();
        } else {
            send("echo: " + line);
        }
    }

    void send(String text) {
        endpoint.write(ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void onTimeout() {
        send("timeout");
        endpoint.closeAfterFlush();
    }

    @Override
    public void onClosed() {
        closed = true;
    }
}
