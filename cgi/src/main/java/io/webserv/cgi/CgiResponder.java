package io.webserv.cgi;

import io.webserv.handlers.api.BodyReceiver;
import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Response;
import io.webserv.handlers.api.ResponseBody;
import io.webserv.handlers.api.ResponseStream;
import io.webserv.handlers.api.StreamSource;
import io.webserv.http.message.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The event-loop side of one CGI request: receives the body for the stdin thread, turns what the
 * stdout pump reads into the response, and ends the run on every way out. Its thread-safe methods
 * ({@code headArrived}, {@code chunkRead}, {@code outputEnded}, {@code failed}, {@code post}) only queue
 * a task on the loop; everything else runs on the loop, so its state needs no locking.
 *
 * <pre>
 *  RUNNING ──head──▶ STREAMING ──EOF / declared length sent──▶ DONE (finish: script exits by itself)
 *     │                  │
 *     │ failure: 500/502/504, local redirect, body error, client gone
 *     └──────────────────┴──▶ DONE (stop: process tree killed; after the head: connection aborted)
 * </pre>
 */
final class CgiResponder implements StreamSource, BodyReceiver {

    private static final Logger log = LoggerFactory.getLogger(CgiResponder.class);

    private enum State { RUNNING, STREAMING, DONE }

    private final Exchange exchange;
    private final Executor loop;
    private final String script;
    private CgiRun run;
    private State state = State.RUNNING;
    private ResponseStream out;
    private ByteBuffer first;
    private long remaining;
    private boolean awaitingWritable;

    CgiResponder(Exchange exchange, String script) {
        this.exchange = exchange;
        this.loop = exchange.eventLoop();
        this.script = script;
    }

    /** Binds the run (created with this responder's callbacks). */
    void attach(CgiRun cgiRun) {
        this.run = cgiRun;
    }

    // ---- from the run's threads -------------------------------------------------------------------

    void headArrived(CgiResponseHead head, ByteBuffer firstBytes) {
        post(() -> onHead(head, firstBytes));
    }

    void chunkRead(ByteBuffer chunk) {
        post(() -> onChunk(chunk));
    }

    void outputEnded() {
        post(this::onOutputEnd);
    }

    void failed(HttpStatus status, String why) {
        post(() -> onFailure(status, why));
    }

    /** Runs {@code task} on the loop; when the loop is gone, so is the connection: the run stops. */
    void post(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            run.stop();
        }
    }

    // ---- on the loop ------------------------------------------------------------------------------

    private void onHead(CgiResponseHead head, ByteBuffer firstBytes) {
        if (state != State.RUNNING) {
            return;
        }
        if (head.isLocalRedirect()) {
            state = State.DONE;
            run.stop(); // a local redirect has no body (RFC 3875 §6.2.2)
            exchange.redirectInternally(head.localRedirect());
            return;
        }
        state = State.STREAMING;
        first = firstBytes;
        remaining = head.contentLength();
        exchange.respond(new Response(head.status(), head.headers(), new ResponseBody.Stream(this, head.contentLength())));
    }

    @Override
    public void start(ResponseStream stream) {
        out = stream;
        ByteBuffer pending = first;
        first = null;
        if (state != State.STREAMING) {
            return;
        }
        if (pending.hasRemaining()) {
            deliver(pending);
        } else {
            run.grant();
        }
    }

    private void onChunk(ByteBuffer chunk) {
        if (state == State.STREAMING) {
            deliver(chunk);
        }
    }

    private void deliver(ByteBuffer chunk) {
        if (remaining >= 0) {
            if (chunk.remaining() > remaining) {
                chunk.limit(chunk.position() + (int) remaining); // the script said less: it is held to it
            }
            remaining -= chunk.remaining();
        }
        boolean more = out.write(chunk);
        if (state != State.STREAMING) {
            return; // the write found the client gone: onCancel has run
        }
        if (remaining == 0) {
            complete();
        } else if (more) {
            run.grant();
        } else {
            awaitingWritable = true;
        }
    }

    @Override
    public void onWritable() {
        if (state == State.STREAMING && awaitingWritable) {
            awaitingWritable = false;
            run.grant();
        }
    }

    private void onOutputEnd() {
        if (state != State.STREAMING) {
            return;
        }
        if (remaining > 0) {
            onFailure(HttpStatus.BAD_GATEWAY, "output ended " + remaining + " bytes short of its Content-Length");
        } else {
            complete();
        }
    }

    private void complete() {
        state = State.DONE;
        run.finish();
        out.end();
    }

    private void onFailure(HttpStatus status, String why) {
        State was = state;
        if (was == State.DONE) {
            return;
        }
        state = State.DONE;
        run.stop();
        HttpStatus answer = run.isTimedOut() ? HttpStatus.GATEWAY_TIMEOUT : status;
        String reason = run.isTimedOut() ? "no progress within the CGI timeout" : why;
        if (was == State.RUNNING) {
            log.warn("{}: {} -> {}", script, reason, answer.code());
            exchange.respondError(answer);
        } else {
            log.warn("{}: {} after the response head: closing the connection", script, reason);
            out.abort();
        }
    }

    /** The client left, or the server dropped the body (HEAD, 204, 304): the script is not needed. */
    @Override
    public void onCancel() {
        if (state != State.DONE) {
            state = State.DONE;
            run.stop();
        }
    }

    // ---- the request body ---------------------------------------------------------------------------

    @Override
    public void onData(ByteBuffer data) {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        if (!run.body.offer(copy)) {
            exchange.pauseBody();
        }
    }

    @Override
    public void onEnd() {
        run.body.end();
    }

    /** The body failed (413, 400, 408, client gone): the server answers; the script must not. */
    @Override
    public void onError(HttpStatus status) {
        onCancel();
    }

    /** For the timer and stdin threads: the loop resumes the body, or answers 504. */
    Runnable resumeBodyOnLoop() {
        return () -> post(exchange::resumeBody);
    }

    Runnable timeoutOnLoop() {
        return () -> post(() -> onFailure(HttpStatus.GATEWAY_TIMEOUT, "timeout"));
    }
}
