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
 * @param servedBy    the 200 responses, by the server that answered (each serves its own name)
 * @param failures    the failed requests by kind (never {@link Outcome#OK})
 * @param badStatuses the responses other than 200, by status
 */
record LoadTally(Duration elapsed, long requests, Map<String, Long> servedBy, Map<Outcome, Long> failures,
        Map<Integer, Long> badStatuses) {

    LoadTally {
        servedBy = Map.copyOf(servedBy);
        failures = Map.copyOf(failures);
        badStatuses = Map.copyOf(badStatuses);
    }

    long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    long servedBy(String server) {
        return servedBy.getOrDefault(server, 0L);
    }

    /** One line for the test's output: {@code 5,120 requests in 5.3 s (web1 2,010, web2 3,110), 0 failed}. */
    String describe() {
        String served = new TreeMap<>(servedBy).entrySet().stream()
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
