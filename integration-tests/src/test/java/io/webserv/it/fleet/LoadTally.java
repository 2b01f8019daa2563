package io.webserv.it.fleet;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a {@link SteadyLoad} counted up to a moment.
 *
 * @param elapsed     since the load started
 * @param requests    every request it started, answered or not
 * @param answers     the 200 responses, by their body and the phase of the load they were sent in
 * @param failures    the failed requests by kind (never {@link Outcome#OK})
 * @param badStatuses the responses other than 200, by status
 */
record LoadTally(Duration elapsed, long requests, Map<Answer, Long> answers, Map<Outcome, Long> failures,
        Map<Integer, Long> badStatuses) {

    /**
     * One kind of 200 response.
     *
     * @param phase the phase of the load the request was sent in ({@link SteadyLoad#askFor})
     * @param body  the body, stripped: the name of the process that answered, then what page it was
     *              ({@code web2}, {@code web2 reloaded})
     */
    record Answer(int phase, String body) {

        /** The process that answered: the first word of the body. */
        String server() {
            int space = body.indexOf(' ');
            return space < 0 ? body : body.substring(0, space);
        }
    }

    private static final int EVERY_PHASE = -1;

    LoadTally {
        answers = Map.copyOf(answers);
        failures = Map.copyOf(failures);
        badStatuses = Map.copyOf(badStatuses);
    }

    long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The 200 responses {@code server} gave, whatever the page and phase. */
    long servedBy(String server) {
        return answers.entrySet().stream().filter(e -> e.getKey().server().equals(server))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The 200 responses with {@code body}, in any phase. */
    long answered(String body) {
        return bodies(EVERY_PHASE).getOrDefault(body, 0L);
    }

    /** The 200 responses to requests sent in {@code phase}, by body. */
    Map<String, Long> answersIn(int phase) {
        return bodies(phase);
    }

    /** The 200 responses by body: of {@code phase}, or of every phase ({@link #EVERY_PHASE}). */
    private Map<String, Long> bodies(int phase) {
        return answers.entrySet().stream().filter(e -> phase < 0 || e.getKey().phase() == phase)
                .collect(Collectors.toMap(e -> e.getKey().body(), Map.Entry::getValue, Long::sum, TreeMap::new));
    }

    /**
     * One line for the test's output: {@code 5,120 requests in 5.3 s (web1 2,010, web2 3,110), 0 failed};
     * the pages other than {@code /} show under their body ({@code web2 added 1,020}).
     */
    String describe() {
        String served = bodies(EVERY_PHASE).entrySet().stream()
                .map(e -> e.getKey() + " " + "%,d".formatted(e.getValue())).collect(Collectors.joining(", "));
        String line = "%,d requests in %.1f s (%s), %,d failed".formatted(requests, elapsed.toMillis() / 1000.0, served,
                failed());
        if (failed() > 0) {
            line += " " + new TreeMap<>(failures)
                    + (badStatuses.isEmpty() ? "" : " statuses " + new TreeMap<>(badStatuses));
        }
        return line;
    }
}
