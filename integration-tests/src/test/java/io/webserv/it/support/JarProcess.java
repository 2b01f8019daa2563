package io.webserv.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code java -jar webserv.jar ARGS} as a real process, its output collected line by line as it
 * comes (so a test can wait for a line with a deadline). {@link #close()} kills it if it still runs.
 */
public final class JarProcess implements AutoCloseable {

    /** The jar server-app packages, seen from the integration-tests module (Maven's working directory). */
    public static final Path JAR = Path.of("..", "server-app", "target", "webserv.jar").toAbsolutePath().normalize();

    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final Thread[] pumps;

    private JarProcess(Process process) {
        this.process = process;
        this.pumps = new Thread[] {pump(process.getInputStream(), stdout), pump(process.getErrorStream(), stderr)};
    }

    /** Starts the jar with {@code args} in {@code workDir}. */
    public static JarProcess start(Path workDir, String... args) throws IOException {
        return launch(workDir, List.of(), List.of(), args);
    }

    /** Starts the jar with {@code args} in {@code workDir}, the JVM given {@code jvmOptions} (a heap limit, say). */
    public static JarProcess start(Path workDir, List<String> jvmOptions, String... args) throws IOException {
        return launch(workDir, List.of(), jvmOptions, args);
    }

    /** Starts the jar as {@link #start} does, under {@code ulimit -n openFiles} (soft and hard). */
    public static JarProcess startWithOpenFileLimit(Path workDir, int openFiles, String... args) throws IOException {
        return launch(workDir, List.of("/bin/sh", "-c", "ulimit -n " + openFiles + " && exec \"$@\"", "sh"), List.of(), args);
    }

    private static JarProcess launch(Path workDir, List<String> wrapper, List<String> jvmOptions, String... args)
            throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: package server-app first");
        }
        List<String> command = new ArrayList<>(wrapper);
        command.add(javaExecutable().toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new JarProcess(new ProcessBuilder(command).directory(workDir.toFile()).start());
    }

    /** The {@code java} running these tests. */
    private static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static Thread pump(InputStream stream, List<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the process is gone: the lines read so far stay
            }
        }, "jar-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The first line of standard output matching {@code wanted} within {@code limit}, if any came. */
    public Optional<String> awaitStdout(Predicate<String> wanted, Duration limit) throws InterruptedException {
        Poll.within(limit, () -> first(stdout, wanted).isPresent() || !process.isAlive() && !pumpsRunning());
        return first(stdout, wanted);
    }

    /**
     * The lines of standard error matching {@code wanted}, once there are at least {@code count} of them
     * (or {@code limit} has passed, or the process has ended: then fewer).
     */
    public List<String> awaitStderr(Predicate<String> wanted, int count, Duration limit) throws InterruptedException {
        Poll.within(limit, () -> all(stderr, wanted).size() >= count || !process.isAlive() && !pumpsRunning());
        return all(stderr, wanted);
    }

    /**
     * Waits for the process to end, and for its output to be read to the end.
     *
     * @return its exit status, or empty if it was still running after {@code limit}
     */
    public Optional<Integer> awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        for (Thread pump : pumps) {
            pump.join(limit.toMillis());
        }
        return Optional.of(process.exitValue());
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process id, to look at the process from outside ({@code /proc/PID}). */
    public long pid() {
        return process.pid();
    }

    /** Sends SIGHUP (a configuration reload), with {@code kill}, and waits for {@code kill} to be done. */
    public void hangUp() throws IOException, InterruptedException {
        signal("HUP");
    }

    /**
     * Sends SIGTERM, with {@code kill}. Not with {@link Process#destroy()}: it also closes this side of
     * the process's pipes, so everything the process says while it stops (its drain log lines) would be lost.
     */
    public void terminate() {
        try {
            signal("TERM");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIGTERM", e);
        }
    }

    /** Sends the signal {@code name} ({@code INT}, {@code TERM}...) with {@code kill}, and waits for {@code kill} to be done. */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Sends SIGKILL (what {@link Process#destroyForcibly()} does on Linux and macOS), without waiting. */
    public void kill() {
        process.destroyForcibly();
    }

    public String stdout() {
        return text(stdout);
    }

    public String stderr() {
        return text(stderr);
    }

    public List<String> stderrLines() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    private boolean pumpsRunning() {
        for (Thread pump : pumps) {
            if (pump.isAlive()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> first(List<String> lines, Predicate<String> wanted) {
        synchronized (lines) {
            return lines.stream().filter(wanted).findFirst();
        }
    }

    private static List<String> all(List<String> lines, Predicate<String> wanted) {
        synchronized (lines) {
            return lines.stream().filter(wanted).toList();
        }
    }

    private static String text(List<String> lines) {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Kills the process if it still runs, and waits a little for it to be gone. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
