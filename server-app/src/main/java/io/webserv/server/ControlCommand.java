package io.webserv.server;

import io.webserv.config.ConfigError;
import io.webserv.config.ConfigException;
import io.webserv.config.ConfigLoader;
import io.webserv.config.model.WebservConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code webserv -s reload|stop CONFIG.yaml}, as {@code nginx -s}: finds the running server through the
 * {@code pid_file} the configuration names and signals it: SIGHUP to reload its configuration, SIGTERM
 * to stop it gracefully. It does not wait for the server: the server's log tells how the reload went.
 *
 * <p>Exit status: {@value #SENT} when the signal was sent; {@value #FAILED} for a configuration that
 * cannot be read or names no {@code pid_file}, a pid file that holds no process id, or a signal that
 * could not be sent; {@value #NOT_RUNNING} when no server runs (no pid file, or its process is gone),
 * as LSB init scripts say "program is not running".
 */
final class ControlCommand {

    static final int SENT = 0;
    static final int FAILED = 1;
    static final int NOT_RUNNING = 3;

    /** What {@code -s} can ask for. */
    enum Action {
        RELOAD("SIGHUP"), STOP("SIGTERM");

        private final String signal;

        Action(String signal) {
            this.signal = signal;
        }

        /** {@return the action named on the command line, if it is one} */
        static Optional<Action> named(String name) {
            return switch (name) {
                case "reload" -> Optional.of(RELOAD);
                case "stop" -> Optional.of(STOP);
                default -> Optional.empty();
            };
        }
    }

    private ControlCommand() {
    }

    static int run(Action action, Path file, PrintStream out, PrintStream err) {
        WebservConfig config;
        try {
            // The file's own checks only: a missing root must not keep anyone from stopping a server.
            config = ConfigLoader.load(file);
        } catch (ConfigException e) {
            e.errors().stream().map(ConfigError::toString).forEach(err::println);
            return FAILED;
        }
        if (config.pidFile().isEmpty()) {
            err.println("webserv: " + file + " sets no pid_file, so the running server cannot be found: add"
                    + " pid_file to it (and restart the server), or signal the process yourself");
            return FAILED;
        }
        Path pidFile = config.pidFile().get();
        long pid;
        try {
            pid = PidFile.read(pidFile);
        } catch (NoSuchFileException e) {
            err.println("webserv: pid file " + pidFile + " does not exist: is webserv running?");
            return NOT_RUNNING;
        } catch (IOException e) {
            err.println("webserv: cannot read the pid file: " + e.getMessage());
            return FAILED;
        }
        if (!PidFile.isRunning(pid)) {
            err.println("webserv: process " + pid + " named in " + pidFile + " is not running (the file is stale)");
            return NOT_RUNNING;
        }
        try {
            signal(action, pid);
        } catch (IOException e) {
            err.println("webserv: cannot send " + action.signal + " to process " + pid + ": " + e.getMessage());
            return FAILED;
        }
        out.println("webserv: sent " + action.signal + " to process " + pid + " ("
                + (action == Action.RELOAD ? "reload" : "stop") + ")");
        return SENT;
    }

    private static void signal(Action action, long pid) throws IOException {
        if (action == Action.RELOAD) {
            HangupSignal.send(pid);
            return;
        }
        boolean sent = ProcessHandle.of(pid).map(ProcessHandle::destroy).orElse(false);
        if (!sent) {
            throw new IOException("the process refused it or has just ended");
        }
    }
}
