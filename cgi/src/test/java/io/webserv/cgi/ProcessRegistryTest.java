package io.webserv.cgi;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessRegistryTest {

    /** {@code sh} that starts a {@code sleep} child, prints its pid, and waits. */
    private static Process shellWithChild() throws IOException {
        return new ProcessBuilder("/bin/sh", "-c", "sleep 60 & echo $!; wait").start();
    }

    private static ProcessHandle child(Process shell) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.US_ASCII));
        return ProcessHandle.of(Long.parseLong(out.readLine().trim())).orElseThrow();
    }

    @Test
    void killAllKillsEveryProcessTreeAndLeavesNothingRegistered() throws Exception {
        ProcessRegistry registry = new ProcessRegistry();
        Process first = shellWithChild();
        Process second = shellWithChild();
        assertThat(registry.add(first)).isTrue();
        assertThat(registry.add(second)).isTrue();
        ProcessHandle grandchild = child(first);

        registry.killAll(Duration.ofSeconds(5));

        assertThat(first.isAlive()).isFalse();
        assertThat(second.isAlive()).isFalse();
        assertThat(grandchild.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
        first.onExit().get(5, TimeUnit.SECONDS);
        awaitEmpty(registry);
    }

    @Test
    void aProcessAddedAfterCloseIsKilledAtOnce() throws Exception {
        ProcessRegistry registry = new ProcessRegistry();
        registry.killAll(Duration.ofSeconds(1));
        Process late = new ProcessBuilder("sleep", "60").start();

        assertThat(registry.add(late)).isFalse();
        assertThat(late.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aProcessThatExitsLeavesTheRegistry() throws Exception {
        ProcessRegistry registry = new ProcessRegistry();
        Process quick = new ProcessBuilder("/bin/true").start();
        registry.add(quick);

        quick.onExit().get(5, TimeUnit.SECONDS);
        awaitEmpty(registry);
    }

    /**
     * Each {@code onExit()} is a stage of its own, completed in no set order: the registry's removal
     * may run just after the test's own stage. Polls with a deadline.
     */
    private static void awaitEmpty(ProcessRegistry registry) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (registry.size() != 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(registry.size()).isZero();
    }
}
