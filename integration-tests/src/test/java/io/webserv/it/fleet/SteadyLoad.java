package io.webserv.it.fleet;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady load through the front end: a few client threads, each on its own keep-alive connection,
 * each sending {@code GET} requests at a fixed pace and counting every request and how it ended. A
 * failed request is counted, never retried; the thread then opens a new connection for the next one.
 *
 * <p>The load asks for {@code /} until {@link #askFor} gives it other paths, which starts a new
 * phase: each answer is counted under the phase its request was sent in, so a test can tell what
 * was asked after a given moment from what was still on its way.
 */
final class SteadyLoad implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 5_000;
    private static final int DETAILS_KEPT = 20;

    private final InetSocketAddress frontEnd;
    private final String host;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private final LongAdder requests = new LongAdder();
    private final Map<LoadTally.Answer, LongAdder> answers = new ConcurrentHashMap<>();
    private final Map<Outcome, LongAdder> failures = new EnumMap<>(Outcome.class);
    private final Map<Integer, LongAdder> badStatuses = new ConcurrentHashMap<>();
    private final List<String> failureDetails = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean running = true;
    private volatile Phase phase = new Phase(0, List.of("/"));

    /** The paths the clients ask for in turn, from phase {@code number} on. */
    private record Phase(int number, List<String> targets) {
    }

    private SteadyLoad(InetSocketAddress frontEnd, String host, Duration interval) {
        this.frontEnd = frontEnd;
        this.host = host;
        this.intervalNanos = interval.toNanos();
        for (Outcome outcome : Outcome.values()) {
            if (outcome != Outcome.OK) {
                failures.put(outcome, new LongAdder()); // filled once: read concurrently from here on
            }
        }
    }

    /** Starts {@code clients} threads, each sending one request every {@code interval} to {@code frontEnd}. */
    static SteadyLoad start(InetSocketAddress frontEnd, String host, int clients, Duration interval) {
        SteadyLoad load = new SteadyLoad(frontEnd, host, interval);
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(load::run, "fleet-client-" + i);
            thread.setDaemon(true);
            load.clients.add(thread);
            thread.start();
        }
        return load;
    }

    /**
     * Starts a new phase: from now on each client asks for {@code targets} in turn.
     *
     * @return the number of the phase, for {@link LoadTally#answersIn}
     */
    synchronized int askFor(List<String> targets) {
        phase = new Phase(phase.number() + 1, List.copyOf(targets));
        return phase.number();
    }

    private void run() {
        KeepAliveClient client = null;
        long next = System.nanoTime();
        long sent = 0;
        while (running) {
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // the pace of the load, not a synchronisation
            } else {
                next = System.nanoTime(); // behind: no burst to catch up
            }
            Phase current = phase;
            String target = current.targets().get((int) (sent++ % current.targets().size()));
            requests.increment();
            try {
                if (client == null) {
                    client = KeepAliveClient.connect(frontEnd, READ_TIMEOUT_MILLIS);
                }
                KeepAliveClient.Response response = client.get(target, host);
                if (response.status() == 200) {
                    answers.computeIfAbsent(new LoadTally.Answer(current.number(), response.body().strip()),
                            answer -> new LongAdder()).increment();
                } else {
                    badStatuses.computeIfAbsent(response.status(), status -> new LongAdder()).increment();
                    fail(Outcome.BAD_STATUS, "status " + response.status() + " for " + target);
                }
                if (response.closes()) {
                    client.close();
                    client = null;
                }
            } catch (KeepAliveClient.Failure failure) {
                fail(failure.outcome(), target + ": " + failure.getMessage());
                if (client != null) {
                    client.close();
                    client = null;
                }
            }
        }
        if (client != null) {
            client.close();
        }
    }

    private void fail(Outcome outcome, String detail) {
        failures.get(outcome).increment();
        if (failureDetails.size() < DETAILS_KEPT) {
            failureDetails.add("%s at +%.3f s: %s".formatted(Thread.currentThread().getName(),
                    (System.nanoTime() - startNanos) / 1e9, detail));
        }
    }

    /** The counts so far (each counter read once; the threads go on). */
    LoadTally tally() {
        Map<LoadTally.Answer, Long> served = new ConcurrentHashMap<>();
        answers.forEach((answer, count) -> served.put(answer, count.sum()));
        Map<Outcome, Long> failed = new EnumMap<>(Outcome.class);
        failures.forEach((outcome, count) -> {
            if (count.sum() > 0) {
                failed.put(outcome, count.sum());
            }
        });
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        badStatuses.forEach((status, count) -> statuses.put(status, count.sum()));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return new LoadTally(elapsed, requests.sum(), served, failed, statuses);
    }

    /** The first few failures, each with its client, time since the start and cause. */
    List<String> failureDetails() {
        synchronized (failureDetails) {
            return List.copyOf(failureDetails);
        }
    }

    /** Stops every client after its request in flight, and waits for them. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread client : clients) {
            client.join(2L * READ_TIMEOUT_MILLIS);
        }
    }
}
