package io.webserv.it.fleet;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.Poll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet of docs/deployment.md under load: real HAProxy (from the distribution) on loopback,
 * configured from {@code packaging/haproxy/haproxy.cfg}, in front of two webserv processes (the
 * packaged jar), with a steady load of {@value #CLIENTS} keep-alive clients through HAProxy. One
 * process leaves while the load runs, and in one scenario the other reloads a changed configuration
 * meanwhile; every request is counted, and every failure by kind.
 *
 * <p>Needs {@code haproxy}; runs only in the {@code fleet} profile ({@code mvn -Pfleet verify}, which
 * {@code .ci/run} runs after the whole build), not in the default build. Each scenario prints its
 * figures: requests, which process served them, failures by kind, and HAProxy's view of each server.
 */
class FleetTest {

    private static final int CLIENTS = 4;
    /** Each client's pace: about 1,000 requests per second in all, a steady load that leaves CPU to the fleet. */
    private static final Duration PACE = Duration.ofMillis(4);
    /** {@value} responses from each process before one leaves: the load is spread and steady. */
    private static final long WARM_UP = 500;
    /** {@value} responses from the remaining process after HAProxy took the other out. */
    private static final long AFTER = 2_000;
    /** The most any phase may take on a loaded build machine. */
    private static final Duration PHASE = Duration.ofSeconds(30);
    /** HAProxy's checks take a process out after fall × inter (2 × 200 ms); allowed here, on a loaded machine. */
    private static final Duration TAKEN_OUT = Duration.ofSeconds(5);
    /** A process killed by SIGKILL: 128 + 9, as the JDK reports a signal. */
    private static final int KILLED = 137;
    /** A process stopped by SIGTERM exits within its drain and shutdown, and the JVM's own time. */
    private static final Duration STOPPED = WebservNode.DRAIN.plus(WebservNode.SHUTDOWN).plusSeconds(10);

    /**
     * (c)'s new routes for the reloaded process: {@code /} from another root, whose index.html says
     * "NAME reloaded" (it said "NAME"), and a route it did not have, {@code /added} with a root of its
     * own ("NAME added"; before, {@code /added/} was a 404 under {@code /}).
     */
    private static final String CHANGED_ROUTES = """
            - { path: /, methods: [GET], root: www-reloaded }
            - { path: /added, methods: [GET], root: added-pages }
            """;
    private static final String ADDED = "/added/";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTheJarAndHaProxy() {
        assertThat(JarProcess.JAR).as("the packaged jar: package server-app first").isRegularFile();
        assertThat(HaProxy.executable()).as("haproxy (Debian: apt-get install haproxy; scripts/test.sh installs it)")
                .isPresent();
    }

    /**
     * What one scenario measured; {@code left} and {@code stayed} are HAProxy's view of the process
     * that left and of the other, at the end, and {@code stayingRuns} whether the other still ran then.
     */
    private record Run(LoadTally tally, Duration takenOut, int exitStatus, ServerState left, ServerState stayed,
            boolean stayingRuns, String haproxyView) {
    }

    /** What the staying process goes through while the other leaves: nothing in (a) and (b), a reload in (c). */
    private interface Meanwhile {
        Meanwhile NOTHING = new Meanwhile() {
        };

        /** Right after the leaving process got its signal, while HAProxy still sends to both. */
        default void whileTheOtherLeaves(WebservNode staying) throws Exception {
        }

        /** Once HAProxy has taken the leaving process out and it has exited, before the rest of the load. */
        default void onceAlone(WebservNode staying, SteadyLoad load) throws Exception {
        }

        /** What it did, for the report: one line, or none. */
        default String describe() {
            return "";
        }
    }

    /**
     * (c)'s reload: the staying process gets {@link #CHANGED_ROUTES} and SIGHUP just after the other
     * got SIGTERM. Once it serves alone, has logged the reload and answers {@code /} from the new root
     * through HAProxy, the load asks for the added route too, in a phase of its own: every request of
     * that phase is sent after the reload, to it alone.
     */
    private static final class Reload implements Meanwhile {
        private String logged = "";
        private int addedPhase = -1;

        @Override
        public void whileTheOtherLeaves(WebservNode staying) throws Exception {
            staying.writeFile("www-reloaded/index.html", staying.name() + " reloaded");
            staying.writeFile("added-pages/index.html", staying.name() + " added");
            staying.reload(CHANGED_ROUTES);
        }

        @Override
        public void onceAlone(WebservNode staying, SteadyLoad load) throws Exception {
            logged = staying.name() + " " + staying.awaitReloaded(PHASE);
            String changed = staying.name() + " reloaded";
            assertThat(Poll.within(PHASE, () -> load.tally().answered(changed) > 0))
                    .as("%s's changed route answers through HAProxy: %s", staying.name(), load.tally().describe())
                    .isTrue();
            addedPhase = load.askFor(List.of("/", ADDED));
        }

        @Override
        public String describe() {
            return logged;
        }
    }

    /**
     * (a) SIGTERM to one process: it drains (its health check answers 503 while it still serves, for
     * {@code timeouts.drain}; then it finishes what is in flight and exits 0) and the load carries on
     * through the other without a single failed request. HAProxy takes it out before its listener
     * closes, so it needs no retry and no redispatch either: the drain alone makes the stop lossless.
     */
    @Test
    void sigtermOnOneProcessFailsNoRequest() throws Exception {
        Run run = leaveUnderLoad("SIGTERM", "web1", "web2", WebservNode::terminate, STOPPED, Meanwhile.NOTHING);

        assertDrainedWithoutLoss(run);
    }

    /** What (a) and (c) check of a process that left on SIGTERM: a drain that cost nothing. */
    private static void assertDrainedWithoutLoss(Run run) {
        assertThat(run.exitStatus()).as("exit status after SIGTERM (SPEC §1)").isZero();
        assertThat(run.tally().failed()).as("failed requests: %s", run.tally().describe()).isZero();
        assertThat(run.takenOut()).as("HAProxy took it out while it still accepted").isLessThan(WebservNode.DRAIN);
        assertThat(run.left().retries() + run.left().redispatches()).as("HAProxy's retries and redispatches for it: %s",
                run.left().describe()).isZero();
    }

    /**
     * (b) SIGKILL to one process: HAProxy's check takes it out and the load carries on through the
     * other. Only requests that reached the killed process can fail: those in flight on it at that
     * instant (each client has one request outstanding at most) and those HAProxy sends on a pooled
     * connection to it before it sees that connection reset. Every other request is refused at
     * connect and retried on the other process; and HAProxy retries even those that reached it,
     * since they are GETs ({@code retry-on empty-response}), so the count is 0 in practice. The bound
     * asserted is one per client, {@value #CLIENTS}; HAProxy's view (its response errors on the
     * killed server: the requests that reached it) is printed beside the count.
     */
    @Test
    void sigkillOnOneProcessFailsAtMostTheRequestsInFlight() throws Exception {
        Run run = leaveUnderLoad("SIGKILL", "web2", "web1", WebservNode::kill, Duration.ofSeconds(10),
                Meanwhile.NOTHING);

        assertThat(run.exitStatus()).as("killed by SIGKILL").isEqualTo(KILLED);
        assertThat(run.tally().failed()).as("failed requests, at most one per client: %s; %d reached %s",
                run.tally().describe(), run.left().responseErrors(), run.left().name()).isLessThanOrEqualTo(CLIENTS);
    }

    /**
     * (c) SIGTERM to one process and, at the same moment, SIGHUP to the other with a changed route
     * (the acceptance, in one run): the first drains and leaves as in (a); the second reloads
     * just as HAProxy moves the first one's share of the load onto it, and then serves that load alone,
     * the added route included. Zero failed requests; the reloaded process never left HAProxy's
     * rotation (still UP, no failed check, no error, retry or redispatch) and still runs; and every
     * request sent once it had reloaded was answered by the new configuration: the changed {@code /}
     * and the added route, nothing from the old one.
     */
    @Test
    void sigtermOnOneAndSighupWithAChangedRouteOnTheOtherFailNoRequest() throws Exception {
        Reload reload = new Reload();
        Run run = leaveUnderLoad("SIGTERM", "web1", "web2", WebservNode::terminate, STOPPED, reload);

        assertDrainedWithoutLoss(run);
        ServerState web2 = run.stayed();
        assertThat(web2.status()).as("HAProxy's status of the reloaded process").isEqualTo("UP");
        assertThat(web2.failedChecks() + web2.connectErrors() + web2.responseErrors() + web2.retries()
                + web2.redispatches()).as("HAProxy's failed checks, errors, retries and redispatches for it: %s",
                        web2.describe()).isZero();
        assertThat(run.stayingRuns()).as("the reloaded process still runs").isTrue();
        assertThat(run.tally().answersIn(reload.addedPhase))
                .as("the answers to requests sent once web2 had reloaded, by body: %s", run.tally().describe())
                .containsOnlyKeys("web2 reloaded", "web2 added");
    }

    /**
     * Runs the load through a fresh fleet, does {@code leave} to {@code leaving} once both processes
     * serve (and {@code meanwhile} to {@code staying}), waits until HAProxy takes it out and it has
     * exited, lets {@code staying} serve {@value #AFTER} more responses, and prints what it counted.
     */
    private Run leaveUnderLoad(String scenario, String leaving, String staying, Consumer<WebservNode> leave,
            Duration exitWithin, Meanwhile meanwhile) throws Exception {
        try (Fleet fleet = Fleet.start(dir)) {
            HaProxy haproxy = fleet.haproxy();
            SteadyLoad load = SteadyLoad.start(haproxy.frontEnd(), "fleet.test", CLIENTS, PACE);
            try {
                assertThat(Poll.within(PHASE, () -> load.tally().servedBy(leaving) >= WARM_UP
                        && load.tally().servedBy(staying) >= WARM_UP))
                        .as("both processes serve through HAProxy: %s", load.tally().describe()).isTrue();

                long start = System.nanoTime();
                leave.accept(fleet.node(leaving));
                meanwhile.whileTheOtherLeaves(fleet.node(staying));
                assertThat(haproxy.awaitStatus(leaving, "DOWN", TAKEN_OUT))
                        .as("HAProxy takes %s out; its log:%n%s", leaving, haproxy.logTail(40)).isTrue();
                Duration takenOut = Duration.ofNanos(System.nanoTime() - start);
                Integer exitStatus = fleet.node(leaving).awaitExit(exitWithin).orElseThrow(() ->
                        new AssertionError(leaving + " still runs after " + exitWithin));
                meanwhile.onceAlone(fleet.node(staying), load);

                long servedBefore = load.tally().servedBy(staying);
                assertThat(Poll.within(PHASE, () -> load.tally().servedBy(staying) >= servedBefore + AFTER))
                        .as("the load carries on through %s: %s", staying, load.tally().describe()).isTrue();
                load.close();

                Run run = new Run(load.tally(), takenOut, exitStatus, haproxy.server(leaving), haproxy.server(staying),
                        fleet.node(staying).running(), fleet.haproxyView());
                report(scenario, leaving, run, meanwhile, load);
                return run;
            } finally {
                load.close();
            }
        }
    }

    private static void report(String scenario, String leaving, Run run, Meanwhile meanwhile, SteadyLoad load) {
        StringBuilder text = new StringBuilder("[fleet] %s to %s: %s; HAProxy took it out after %d ms; exit status %d%n"
                .formatted(scenario, leaving, run.tally().describe(), run.takenOut().toMillis(), run.exitStatus()));
        meanwhile.describe().lines().forEach(line -> text.append("[fleet]   meanwhile ").append(line).append('\n'));
        run.haproxyView().lines().forEach(line -> text.append("[fleet]   HAProxy ").append(line).append('\n'));
        load.failureDetails().forEach(line -> text.append("[fleet]   failure ").append(line).append('\n'));
        System.out.print(text);
    }
}
