package io.webserv.server;

import io.webserv.config.ConfigError;
import io.webserv.config.ConfigException;
import io.webserv.config.Validation;
import io.webserv.config.model.WebservConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reloads the configuration file on request (SIGHUP): reads it with every check {@code -t} makes, and
 * only a file without a problem replaces the running configuration ({@link WebServer#reconfigure}).
 * A bad file is logged, every problem as {@code file:line:column: message}, and the running
 * configuration keeps serving, unchanged. Reloads run one at a time on their own thread, never on the
 * event loops or the JVM's signal thread.
 */
final class ConfigReloader {

    private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

    private final Path file;
    private final WebServer server;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "webserv-reload");
        t.setDaemon(true);
        return t;
    });
    /** A reload is queued and has not started reading the file: more requests until then make no more reloads. */
    private final AtomicBoolean queued = new AtomicBoolean();

    /** @param file the configuration file, as given on the command line (log lines name it so) */
    ConfigReloader(Path file, WebServer server) {
        this.file = file;
        this.server = server;
    }

    /** Asks for a reload and returns at once; safe from a signal handler. */
    void request() {
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false); // a request from now on reads the file again
                reload();
            });
        }
    }

    /**
     * Reads, checks and applies the file, logging the outcome.
     *
     * @return whether the file's configuration now serves
     */
    boolean reload() {
        long started = System.nanoTime();
        WebservConfig next;
        try {
            next = ConfigFile.load(file, Validation.FULL);
        } catch (ConfigException e) {
            for (ConfigError error : e.errors()) {
                log.error("{}", error);
            }
            log.error("reload of {} refused: {} error(s); the running configuration keeps serving", file, e.errors().size());
            return false;
        }
        WebServer.Reconfiguration done;
        try {
            done = server.reconfigure(next);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage();
            if (e instanceof IllegalArgumentException && why != null && why.matches("\\d+:\\d+: .*")) {
                // A handler module refused an option value, at its mount's line:column: one more file error.
                log.error("{}:{}", file, why);
                why = "1 error(s)";
            }
            log.error("reload of {} refused: {}; the running configuration keeps serving", file, why);
            return false;
        }
        for (ConfigChanges.RestartOnly key : done.config().restartOnly()) {
            log.warn("reload of {}: '{}' changed from {} to {} but needs a restart: keeping {}", file, key.key(),
                    key.running(), key.wanted(), key.running());
        }
        log.info("reloaded {} in {} ms: {}", file, (System.nanoTime() - started) / 1_000_000, done.summary());
        return true;
    }

    /** Logs that there is nothing to reload: the server runs the built-in site, from no file. */
    static void nothingToReload() {
        log.warn("SIGHUP ignored: the server runs the built-in welcome site, not a configuration file");
    }
}
