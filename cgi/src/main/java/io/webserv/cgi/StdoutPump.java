package io.webserv.cgi;

import io.webserv.cgi.CgiResponseParser.InvalidResponseException;
import io.webserv.http.message.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads a script's stdout on its own thread ({@code cgi-stdout-<pid>}): first the CGI header block
 * (at most {@link CgiResponseParser#MAX_HEADER_BLOCK} bytes), then the body, one chunk at a time. It
 * reads the next chunk only once the loop has taken the last one ({@link CgiRun#awaitCredit()}), so a
 * slow client holds the script back through the pipe and the server keeps at most one chunk of this
 * response in hand besides what the connection has queued.
 */
final class StdoutPump implements Runnable {

    /** The size of one read, and so of one chunk handed to the loop. */
    static final int CHUNK = 16 * 1024;

    private final InputStream stdout;
    private final CgiRun run;
    private final CgiResponder responder;

    StdoutPump(InputStream stdout, CgiRun run, CgiResponder responder) {
        this.stdout = stdout;
        this.run = run;
        this.responder = responder;
    }

    @Override
    public void run() {
        try (InputStream in = stdout) {
            if (readHead(in)) {
                pumpBody(in);
            }
        } catch (IOException e) {
            if (!run.isStopped()) {
                responder.failed(HttpStatus.BAD_GATEWAY, "reading the output failed: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop();
        }
    }

    /** Reads and hands over the header block; false when the output is not a CGI response (→ 502). */
    private boolean readHead(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        int length = 0;
        int end = -1;
        while (end < 0) {
            if (length == buf.length) {
                if (length >= CgiResponseParser.MAX_HEADER_BLOCK) {
                    responder.failed(HttpStatus.BAD_GATEWAY, "header block over " + length + " bytes");
                    return false;
                }
                buf = Arrays.copyOf(buf, Math.min(2 * length, CgiResponseParser.MAX_HEADER_BLOCK));
            }
            int n = in.read(buf, length, buf.length - length);
            run.watchdog.progress();
            if (n < 0) {
                responder.failed(HttpStatus.BAD_GATEWAY, length == 0 ? "exited without output"
                        : "output ended inside the header block");
                return false;
            }
            end = CgiResponseParser.endOfBlock(buf, Math.max(0, length - 1), length + n);
            length += n;
        }
        try {
            CgiResponseHead head = CgiResponseParser.parse(buf, end);
            responder.headArrived(head, ByteBuffer.wrap(Arrays.copyOfRange(buf, end, length)));
            return true;
        } catch (InvalidResponseException e) {
            responder.failed(HttpStatus.BAD_GATEWAY, "invalid header block: " + e.getMessage());
            return false;
        }
    }

    private void pumpBody(InputStream in) throws IOException, InterruptedException {
        while (run.awaitCredit()) {
            byte[] chunk = new byte[CHUNK];
            int n = in.read(chunk);
            run.watchdog.progress();
            if (n < 0) {
                responder.outputEnded();
                return;
            }
            responder.chunkRead(ByteBuffer.wrap(chunk, 0, n));
        }
    }
}
