package io.webserv.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The {@code pid_file} of a running server: its process id in decimal and a newline, as nginx writes
 * it, so that {@code webserv -s reload|stop}, systemd's {@code PIDFile=} or a script can find it.
 * Written once the sockets are bound, removed when the process exits. A file naming a process that is
 * gone (a crash, a reboot) is stale and overwritten; one naming a live process means a server is
 * probably running already, and this one refuses to start rather than take its file.
 */
final class PidFile {

    private final Path path;
    private final long pid;

    private PidFile(Path path, long pid) {
        this.path = path;
        this.pid = pid;
    }

    /**
     * Claims {@code path} for this process, before anything is bound; {@link #write} writes it.
     *
     * @throws IOException when the file names another process that is alive; the message says what to do
     */
    static PidFile claim(Path path) throws IOException {
        long self = ProcessHandle.current().pid();
        Optional<Long> other = readIfValid(path);
        if (other.isPresent() && other.get() != self && isRunning(other.get())) {
            throw new IOException("pid file " + path + " names process " + other.get() + ", which is running: is webserv"
                    + " running already? Stop it first (webserv -s stop CONFIG), or remove the file if that process is"
                    + " not webserv");
        }
        return new PidFile(path, self);
    }

    /** Writes this process's id, replacing the file at once (never a half-written file). */
    void write() throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, ".webserv-pid-", ".tmp");
        try {
            Files.writeString(temporary, pid + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Removes the file if it still names this process (another server may have taken it over since). */
    void removeIfOurs() {
        try {
            if (readIfValid(path).filter(p -> p == pid).isPresent()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // exiting anyway: a file left behind is stale, and the next start overwrites it
        }
    }

    /** Removes the file when the JVM exits, however it exits short of SIGKILL. */
    void removeAtExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::removeIfOurs, "webserv-pid-file"));
    }

    /**
     * The process id a pid file holds.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws IOException         when it cannot be read, or holds no process id
     */
    static long read(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.US_ASCII).strip();
        try {
            long pid = Long.parseLong(text);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException("pid file " + path + " holds no process id (got '" + abbreviate(text) + "')");
    }

    /** Whether a process with that id is alive now. */
    static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The id in the file; empty when there is none or it is not one (either way, nothing to respect). */
    private static Optional<Long> readIfValid(Path path) {
        try {
            return Optional.of(read(path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
