package io.webserv.it.fleet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One server of a backend as HAProxy's statistics page shows it ({@code /stats;csv}).
 *
 * @param name             the server's name in the configuration ({@code web1})
 * @param status           {@code UP}, {@code DOWN}, or a transition such as {@code UP 1/2}
 * @param retries          requests tried again after a failure on this server ({@code wretr})
 * @param redispatches     requests sent to another server after a failure on this one ({@code wredis})
 * @param connectErrors    connections to this server that failed ({@code econ})
 * @param responseErrors   responses from this server that failed ({@code eresp})
 * @param failedChecks     health checks that failed ({@code chkfail})
 * @param responses5xx     5xx responses this server sent ({@code hrsp_5xx})
 */
record ServerState(String name, String status, long retries, long redispatches, long connectErrors,
        long responseErrors, long failedChecks, long responses5xx) {

    /** The servers of {@code backend} in a {@code /stats;csv} page (header line first). */
    static List<ServerState> parse(String csv, String backend) {
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        List<String> columns = List.of(lines.get(0).replaceFirst("^#\\s*", "").split(",", -1));
        return lines.stream().skip(1)
                .map(line -> List.of(line.split(",", -1)))
                .filter(row -> row.get(0).equals(backend))
                .filter(row -> !row.get(1).equals("FRONTEND") && !row.get(1).equals("BACKEND"))
                .map(row -> of(row, columns))
                .toList();
    }

    private static ServerState of(List<String> row, List<String> columns) {
        Map<String, String> value = new HashMap<>();
        for (int i = 0; i < columns.size() && i < row.size(); i++) {
            value.put(columns.get(i), row.get(i));
        }
        return new ServerState(value.get("svname"), value.get("status"), number(value, "wretr"),
                number(value, "wredis"), number(value, "econ"), number(value, "eresp"), number(value, "chkfail"),
                number(value, "hrsp_5xx"));
    }

    private static long number(Map<String, String> value, String column) {
        String text = value.getOrDefault(column, "");
        return text.isEmpty() ? 0 : Long.parseLong(text);
    }

    /** {@code web1 UP: retries 0, redispatches 0, connect errors 0, response errors 0, failed checks 0, 5xx 0}. */
    String describe() {
        return "%s %s: retries %d, redispatches %d, connect errors %d, response errors %d, failed checks %d, 5xx %d"
                .formatted(name, status, retries, redispatches, connectErrors, responseErrors, failedChecks,
                        responses5xx);
    }
}
