package io.webserv.server;

import io.webserv.config.model.AccessLog;
import io.webserv.config.model.IoOptions;
import io.webserv.config.model.ListenAddress;
import io.webserv.config.model.ServerConfig;
import io.webserv.config.model.WebservConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a reload changes, worked out from the running configuration and the new one, with no I/O.
 *
 * <p>The servers (with their routes, roots, error pages and listen addresses), {@code mime_types} and
 * {@code io.file_cache} take effect in a running process. The other global keys are set up once at
 * start-up (threads, the reactor's options, the logging backend, the pid file, the values every
 * connection and CGI run was given): a reload keeps their running values and names each one that
 * changed in {@link #restartOnly()}, so the log can say it needs a restart.
 *
 * @param applicable    the configuration to serve from now on: the new one with the running values of
 *                      the keys that need a restart
 * @param restartOnly   the keys that changed but need a restart, in the order of the file reference
 * @param serversAdded  servers of the new file that the running one did not have, by {@link #label}
 * @param serversRemoved servers of the running configuration that the new file drops
 * @param serversChanged servers in both whose settings or routes differ
 */
public record ConfigChanges(WebservConfig applicable, List<RestartOnly> restartOnly, List<String> serversAdded,
                     List<String> serversRemoved, List<String> serversChanged) {

    /**
     * A global key whose new value waits for a restart.
     *
     * @param key     its dotted path, as in docs/configuration.md
     * @param running the value in force, which stays
     * @param wanted  the value the new file asks for
     */
    public record RestartOnly(String key, String running, String wanted) {
    }

    static ConfigChanges between(WebservConfig running, WebservConfig next) {
        List<RestartOnly> restartOnly = new ArrayList<>();
        compare(restartOnly, "workers", running.workers(), next.workers());
        compare(restartOnly, "max_connections", running.maxConnections(), next.maxConnections());
        compare(restartOnly, "timeouts.header", running.timeouts().header(), next.timeouts().header());
        compare(restartOnly, "timeouts.body", running.timeouts().body(), next.timeouts().body());
        compare(restartOnly, "timeouts.keep_alive", running.timeouts().keepAlive(), next.timeouts().keepAlive());
        compare(restartOnly, "timeouts.send", running.timeouts().send(), next.timeouts().send());
        compare(restartOnly, "timeouts.cgi", running.timeouts().cgi(), next.timeouts().cgi());
        compare(restartOnly, "timeouts.shutdown", running.timeouts().shutdown(), next.timeouts().shutdown());
        compare(restartOnly, "timeouts.drain", running.timeouts().drain(), next.timeouts().drain());
        compare(restartOnly, "limits.header_bytes", running.limits().headerBytes(), next.limits().headerBytes());
        compare(restartOnly, "limits.uri_bytes", running.limits().uriBytes(), next.limits().uriBytes());
        compare(restartOnly, "access_log", running.accessLog(), next.accessLog());
        compare(restartOnly, "io.write", running.io().write(), next.io().write());
        compare(restartOnly, "io.send_buffer", running.io().sendBuffer(), next.io().sendBuffer());
        compare(restartOnly, "pid_file", running.pidFile(), next.pidFile());
        compare(restartOnly, "real_ip", running.realIp(), next.realIp());

        WebservConfig applicable = new WebservConfig(running.workers(), running.maxConnections(), running.timeouts(),
                running.limits(), running.accessLog(), next.mimeTypes(),
                new IoOptions(running.io().write(), next.io().fileCache(), running.io().sendBuffer()),
                next.servers(), running.realIp(), running.pidFile());

        Map<String, ServerConfig> before = byLabel(running.servers());
        Map<String, ServerConfig> after = byLabel(next.servers());
        List<String> added = after.keySet().stream().filter(label -> !before.containsKey(label)).toList();
        List<String> removed = before.keySet().stream().filter(label -> !after.containsKey(label)).toList();
        List<String> changed = after.keySet().stream()
                .filter(label -> before.containsKey(label) && !before.get(label).equals(after.get(label))).toList();
        return new ConfigChanges(applicable, List.copyOf(restartOnly), added, removed, changed);
    }

    /**
     * How a server is named in the reload log: its names (or {@code (no name)}) and addresses, e.g.
     * {@code example.com www.example.com on *:8080}. A server keeps its label as long as those stay;
     * two servers with one label (the same names on the same addresses) are told apart by order.
     */
    static String label(ServerConfig server) {
        String names = server.serverNames().isEmpty() ? "(no name)" : String.join(" ", server.serverNames());
        return names + " on " + server.listen().stream().map(ListenAddress::toString).collect(Collectors.joining(" "));
    }

    private static Map<String, ServerConfig> byLabel(List<ServerConfig> servers) {
        Map<String, ServerConfig> byLabel = new LinkedHashMap<>();
        for (ServerConfig server : servers) {
            String label = label(server);
            for (int n = 2; byLabel.containsKey(label); n++) {
                label = label(server) + " #" + n;
            }
            byLabel.put(label, server);
        }
        return byLabel;
    }

    private static void compare(List<RestartOnly> into, String key, Object running, Object wanted) {
        if (!Objects.equals(running, wanted)) {
            into.add(new RestartOnly(key, show(running), show(wanted)));
        }
    }

    /** A value as the file would write it, for the log. */
    private static String show(Object value) {
        if (value instanceof Duration d) {
            return DurationText.of(d);
        }
        if (value instanceof Optional<?> o) {
            return o.map(ConfigChanges::show).orElse("none");
        }
        if (value instanceof AccessLog log) {
            String to = log.file().map(Object::toString).orElse(log.kind().name().toLowerCase(Locale.ROOT));
            return log.format() == AccessLog.Format.COMBINED ? to
                    : "{ to: " + to + ", format: " + log.format().name().toLowerCase(Locale.ROOT) + " }";
        }
        if (value instanceof IoOptions.SendBuffer b) {
            return b.kind() == IoOptions.SendBuffer.Kind.FIXED ? Integer.toString(b.bytes())
                    : b.kind().name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(value);
    }
}
