package io.webserv.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Sends SIGHUP to another process, for {@code webserv -s reload}. The JDK can signal another process
 * only with SIGTERM and SIGKILL ({@link ProcessHandle#destroy()}, {@link ProcessHandle#destroyForcibly()}),
 * so this runs the shell's {@code kill}: the one process the server starts outside the cgi module, which
 * is why the architecture rule that confines processes to cgi names this class as its only exception.
 * {@code /bin/sh} rather than {@code /bin/kill}: a minimal container has a shell (and its built-in
 * {@code kill}) more often than procps.
 */
final class HangupSignal {

    private static final long WAIT_SECONDS = 5;

    private HangupSignal() {
    }

    /** @throws IOException when {@code kill} cannot run or fails; the message has its output */
    static void send(long pid) throws IOException {
        Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s HUP \"$1\"", "webserv", Long.toString(pid))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        try {
            if (!kill.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IOException("kill -s HUP " + pid + " did not finish within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            kill.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending SIGHUP to " + pid, e);
        }
        if (kill.exitValue() != 0) {
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            throw new IOException("kill -s HUP " + pid + " failed (exit " + kill.exitValue() + ")"
                    + (output.isEmpty() ? "" : ": " + output));
        }
    }
}
