package io.webserv.cgi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a script's stderr to its end on its own thread ({@code cgi-stderr-<pid>}), so that a script
 * writing diagnostics never blocks on a full pipe, and logs it: at most {@link #MAX_LINES} lines of at
 * most {@link #MAX_LINE} bytes per process, then only how many more there were.
 */
final class StderrDrain implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StderrDrain.class);

    static final int MAX_LINE = 1024;
    static final int MAX_LINES = 100;

    private final InputStream stderr;
    private final String script;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int logged;
    private long dropped;

    StderrDrain(InputStream stderr, String script) {
        this.stderr = stderr;
        this.script = script;
    }

    @Override
    public void run() {
        byte[] buf = new byte[4096];
        try (InputStream in = stderr) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        endLine();
                    } else if (line.size() < MAX_LINE) {
                        line.write(buf[i]);
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed: what was read is logged below
        }
        if (line.size() > 0) {
            endLine();
        }
        if (dropped > 0) {
            log.warn("{} [stderr]: {} more lines not logged", script, dropped);
        }
    }

    private void endLine() {
        if (logged < MAX_LINES) {
            logged++;
            log.warn("{} [stderr]: {}", script, line.toString(StandardCharsets.UTF_8).stripTrailing());
        } else {
            dropped++;
        }
        line.reset();
    }
}
