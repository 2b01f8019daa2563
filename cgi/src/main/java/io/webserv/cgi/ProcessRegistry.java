package io.webserv.cgi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every CGI process still running, so that the server's shutdown can kill them all (SPEC §1: "kill CGI
 * children"). A process leaves the registry when it has exited and been reaped: the JDK's process
 * reaper calls {@code waitpid} for every {@link Process} it started, which is what keeps zombies away.
 */
final class ProcessRegistry {

    private static final Logger log = LoggerFactory.getLogger(ProcessRegistry.class);

    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    /** Counted per process, not per request on a loop: a fork costs far more than these adds. */
    private final LongAdder spawned = new LongAdder();
    private final LongAdder killed = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private volatile boolean closed;

    /**
     * Registers a process just started.
     *
     * @return false when the registry is closed: the process has been killed
     */
    boolean add(Process process) {
        spawned.increment();
        running.add(process);
        process.onExit().thenRun(() -> running.remove(process));
        if (closed) {
            kill(process);
            return false;
        }
        return true;
    }

    int size() {
        return running.size();
    }

    /** Kills every registered process and its descendants, and waits up to {@code wait} for them to be reaped. */
    void killAll(Duration wait) {
        closed = true;
        List<Process> victims = List.copyOf(running);
        if (!victims.isEmpty()) {
            log.info("killing {} CGI processes", victims.size());
        }
        victims.forEach(this::kill);
        CompletableFuture<?>[] exits = victims.stream().map(Process::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("CGI processes still running after {}: {}", wait, running.size());
        }
    }

    /** A run's watchdog fired: its script made no progress within {@code timeouts.cgi}. */
    void timedOut() {
        timeouts.increment();
    }

    /** {@return what the CGI runs of this registry did so far} */
    CgiCounts counts() {
        return new CgiCounts(running.size(), spawned.sum(), killed.sum(), timeouts.sum());
    }

    /** Kills a process tree (see {@link #killTree}), counted as killed if the process was still alive. */
    void kill(Process process) {
        if (process.isAlive()) {
            killed.increment();
        }
        killTree(process);
    }

    /**
     * SIGKILLs a process and the descendants it has now. The descendants are listed first: once the
     * parent is dead they are re-parented and no longer found through it.
     */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
