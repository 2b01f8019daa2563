package io.webserv.cgi;

import io.webserv.cgi.CgiScriptResolver.Resolution;
import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Handler;
import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.RequestHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs CGI scripts (RFC 3875, SPEC §6) for the routes that have {@code cgi} extensions; one instance
 * serves the whole server and owns what its runs share: the registry of running processes and the
 * timer of the CGI timeouts. {@link #close()} kills every script still running (server shutdown).
 *
 * <p>On the event loop it only checks the request and hands over: the script is looked up on the
 * blocking executor ({@link CgiScriptResolver}), then each run has its own threads — stdin
 * ({@link CgiLauncher}), stdout ({@link StdoutPump}), stderr ({@link StderrDrain}) — and comes back
 * to the loop through {@link CgiResponder}. docs/cgi.md draws the pipeline.
 */
public final class CgiHandler implements Handler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CgiHandler.class);

    /**
     * CGI requests in progress at once, at most; beyond, 503. A flood of requests must not fork without
     * bound, nor start threads without bound: a run counts from its request's arrival, before its
     * process exists (a chunked body is spooled first), until that process has exited ({@link RunSlot}).
     */
    static final int MAX_RUNS = 512;

    private final long timeoutNanos;
    private final int maxRuns;
    private final Semaphore runs;
    private final ProcessRegistry registry = new ProcessRegistry();
    private final ScheduledThreadPoolExecutor timer;
    private final AtomicLong launches = new AtomicLong();

    /** @param timeout {@code timeouts.cgi}: how long a script may go without progress before it is killed (504) */
    public CgiHandler(Duration timeout) {
        this(timeout, MAX_RUNS);
    }

    /** With another cap than {@link #MAX_RUNS}, for tests. */
    CgiHandler(Duration timeout, int maxRuns) {
        this.timeoutNanos = timeout.toNanos();
        this.maxRuns = maxRuns;
        this.runs = new Semaphore(maxRuns);
        this.timer = new ScheduledThreadPoolExecutor(1, task -> CgiLauncher.daemon(task, "cgi-timeouts"));
        this.timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void handle(Exchange exchange) {
        RequestHead head = exchange.request();
        if (head.method().equals(HttpMethod.POST) && !head.hasBody() && !head.headers().contains(HeaderNames.CONTENT_LENGTH)) {
            exchange.respondError(HttpStatus.LENGTH_REQUIRED); // SPEC §3: POST without a length to a CGI route
            return;
        }
        RunSlot slot = RunSlot.tryTake(runs);
        if (slot == null) {
            log.warn("{} CGI requests already in progress: refusing {}", runsInProgress(), head.target().path());
            exchange.respondError(HttpStatus.SERVICE_UNAVAILABLE);
            return;
        }
        CgiRequest request = CgiRequest.of(exchange);
        Executor loop = exchange.eventLoop();
        try {
            exchange.blockingExecutor().execute(() -> {
                Resolution resolution = resolve(request);
                try {
                    loop.execute(() -> launch(exchange, request, resolution, slot));
                } catch (RejectedExecutionException e) {
                    slot.release(); // the loop is gone, and the connection with it
                }
            });
        } catch (RejectedExecutionException e) {
            slot.release();
            exchange.respondError(HttpStatus.SERVICE_UNAVAILABLE); // the server is stopping
        }
    }

    private static Resolution resolve(CgiRequest request) {
        try {
            return CgiScriptResolver.resolve(request.route(), request.path());
        } catch (RuntimeException e) {
            return new Resolution.Refused(HttpStatus.INTERNAL_SERVER_ERROR, e.toString());
        }
    }

    /** Back on the loop with the script: start the run. */
    private void launch(Exchange exchange, CgiRequest request, Resolution resolution, RunSlot slot) {
        if (!exchange.isOpen()) {
            slot.release();
            return;
        }
        if (resolution instanceof Resolution.Refused refused) {
            slot.release();
            if (refused.status().code() >= 500) {
                log.warn("{}: {}", request.path(), refused.why());
            } else {
                log.debug("{}: {}", request.path(), refused.why());
            }
            exchange.respondError(refused.status());
            return;
        }
        CgiScript script = ((Resolution.Found) resolution).script();
        CgiResponder responder = new CgiResponder(exchange, script.scriptName());
        CgiRun run = new CgiRun(registry, timer, timeoutNanos, slot, responder.resumeBodyOnLoop(), responder.timeoutOnLoop());
        responder.attach(run);
        exchange.onAbort(responder::onCancel);
        if (request.hasBody()) {
            exchange.receiveBody(responder);
        }
        CgiLauncher.daemon(new CgiLauncher(request, script, run, responder), "cgi-stdin-" + launches.incrementAndGet())
                .start();
    }

    /** CGI requests holding a place now: from their arrival until their process has exited. */
    int runsInProgress() {
        return maxRuns - runs.availablePermits();
    }

    /** {@return the number of CGI processes running now, not yet reaped} */
    public int runningProcesses() {
        return registry.size();
    }

    /** {@return the CGI processes running now, and those spawned, killed and timed out since the start} */
    public CgiCounts counts() {
        return registry.counts();
    }

    /** Kills every script still running and waits (up to 2 s) for them to be reaped; stops the timer. */
    @Override
    public void close() {
        registry.killAll(Duration.ofSeconds(2));
        timer.shutdownNow();
    }
}
