package io.webserv.server;

import java.util.function.Consumer;

/**
 * SIGTERM, SIGINT and SIGHUP handling. The JDK's supported API (shutdown hooks) cannot choose the exit
 * status, and SPEC §1 wants 0 after a clean drain; nor can it catch SIGHUP, which by default ends the
 * JVM. So this uses {@code sun.misc.Signal} from the {@code jdk.unsupported} module, present in every
 * JDK from 9 to today.
 */
final class Signals {

    private Signals() {
    }

    /**
     * Runs {@code action} with the signal's name ({@code TERM}, {@code INT}) on every SIGTERM and
     * SIGINT, on the JVM's signal thread: it must only hand the work on.
     */
    static void onTermination(Consumer<String> action) {
        sun.misc.SignalHandler handler = signal -> action.accept(signal.getName());
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
    }

    /**
     * Runs {@code action} on every SIGHUP (a configuration reload, as nginx does), on the JVM's signal
     * thread: the action must only hand the work on. From then on SIGHUP no longer ends the process.
     */
    static void onHangup(Runnable action) {
        sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> action.run());
    }
}
