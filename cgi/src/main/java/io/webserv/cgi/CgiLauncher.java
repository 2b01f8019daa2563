package io.webserv.cgi;

import io.webserv.http.message.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The thread that starts a script and feeds its stdin ({@code cgi-stdin-<pid>} once the process
 * exists). A chunked body is spooled first ({@link BodySpool}): the script must know CONTENT_LENGTH
 * before it starts. A Content-Length body is streamed from the {@link BodyQueue} as it arrives. Then
 * stdin is closed, which is the script's EOF. The event loop never waits for any of it.
 *
 * <p>This is the only place in the server that starts a process ({@link ProcessBuilder}); the
 * environment is {@link CgiEnvironment}'s and nothing else.
 */
final class CgiLauncher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(CgiLauncher.class);

    private final CgiRequest request;
    private final CgiScript script;
    private final CgiRun run;
    private final CgiResponder responder;

    CgiLauncher(CgiRequest request, CgiScript script, CgiRun run, CgiResponder responder) {
        this.request = request;
        this.script = script;
        this.run = run;
        this.responder = responder;
    }

    @Override
    public void run() {
        try {
            feed();
        } finally {
            run.launcherEnded();
        }
    }

    /** Spools a chunked body if need be, starts the script and writes the body to its stdin. */
    private void feed() {
        try (BodySpool spool = new BodySpool()) {
            long length = request.hasBody() ? request.bodyLength() : -1;
            if (request.isChunked()) {
                for (byte[] chunk = run.nextBodyChunk(); chunk != null; chunk = run.nextBodyChunk()) {
                    spool.write(chunk);
                }
                length = spool.length();
            }
            Process process = start(length);
            if (process != null) {
                try (OutputStream stdin = process.getOutputStream()) {
                    if (request.isChunked()) {
                        copy(spool, stdin);
                    } else if (request.hasBody()) {
                        stream(stdin);
                    }
                } catch (IOException e) {
                    // The script closed its stdin or exited before reading it all: its answer decides.
                    log.debug("{}: stdin closed early: {}", script.scriptName(), e.toString());
                    run.body.close();
                }
            }
        } catch (CancellationException e) {
            // the run stopped while the body was on its way
        } catch (IOException e) {
            responder.failed(HttpStatus.INTERNAL_SERVER_ERROR, "spooling the body failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop();
        }
    }

    /** Starts the process and its stdout and stderr threads; null when it could not or need not run. */
    private Process start(long contentLength) {
        Map<String, String> env = CgiEnvironment.of(request, script, contentLength, System.getenv("PATH"));
        ProcessBuilder builder = new ProcessBuilder(script.command()).directory(script.directory().toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            responder.failed(HttpStatus.INTERNAL_SERVER_ERROR, "cannot start " + script.command() + ": " + e);
            return null;
        }
        if (!run.attach(process)) {
            return null;
        }
        long pid = process.pid();
        Thread.currentThread().setName("cgi-stdin-" + pid);
        daemon(new StdoutPump(process.getInputStream(), run, responder), "cgi-stdout-" + pid).start();
        daemon(new StderrDrain(process.getErrorStream(), script.scriptName() + " [" + pid + "]"),
                "cgi-stderr-" + pid).start();
        return process;
    }

    private void stream(OutputStream stdin) throws IOException, InterruptedException {
        for (byte[] chunk = run.nextBodyChunk(); chunk != null; chunk = run.nextBodyChunk()) {
            stdin.write(chunk);
            stdin.flush();
            run.watchdog.progress();
        }
    }

    private void copy(BodySpool spool, OutputStream stdin) throws IOException {
        byte[] buf = new byte[StdoutPump.CHUNK];
        try (InputStream in = spool.open()) {
            int n;
            while ((n = in.read(buf)) >= 0 && !run.isStopped()) {
                stdin.write(buf, 0, n);
                stdin.flush();
                run.watchdog.progress();
            }
        }
    }

    static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
