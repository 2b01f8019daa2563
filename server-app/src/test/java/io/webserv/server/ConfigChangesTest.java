package io.webserv.server;

import io.webserv.config.ConfigLoader;
import io.webserv.config.model.WebservConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reload changes, from two configurations alone. */
class ConfigChangesTest {

    private static final Path FILE = Path.of("/etc/webserv/webserv.yaml");

    private static WebservConfig parse(String yaml) throws Exception {
        return ConfigLoader.parse(yaml, FILE);
    }

    private static final String SERVERS = """
            servers:
              - listen: [8080]
                server_names: [a.example]
                root: /srv/a
              - listen: ["127.0.0.1:8081"]
                server_names: [b.example]
                root: /srv/b
            """;

    @Test
    void theSameFileChangesNothing() throws Exception {
        WebservConfig running = parse("workers: 2\n" + SERVERS);
        ConfigChanges changes = ConfigChanges.between(running, parse("workers: 2\n" + SERVERS));

        assertThat(changes.applicable()).isEqualTo(running);
        assertThat(changes.restartOnly()).isEmpty();
        assertThat(changes.serversAdded()).isEmpty();
        assertThat(changes.serversRemoved()).isEmpty();
        assertThat(changes.serversChanged()).isEmpty();
    }

    @Test
    void serversAreAddedRemovedAndChangedByTheirNamesAndAddresses() throws Exception {
        WebservConfig running = parse(SERVERS);
        WebservConfig next = parse("""
                servers:
                  - listen: [8080]
                    server_names: [a.example]
                    root: /srv/a2
                  - listen: ["127.0.0.1:8082"]
                    server_names: [c.example, www.c.example]
                    root: /srv/c
                  - listen: [8080]
                    root: /srv/default
                """);
        ConfigChanges changes = ConfigChanges.between(running, next);

        assertThat(changes.serversAdded()).containsExactly("c.example www.c.example on 127.0.0.1:8082", "(no name) on *:8080");
        assertThat(changes.serversRemoved()).containsExactly("b.example on 127.0.0.1:8081");
        assertThat(changes.serversChanged()).containsExactly("a.example on *:8080");
        assertThat(changes.applicable().servers()).isEqualTo(next.servers());
    }

    @Test
    void mimeTypesAndTheFileCacheTakeEffect() throws Exception {
        WebservConfig running = parse("io: { file_cache: true }\n" + SERVERS);
        WebservConfig next = parse("io: { file_cache: false }\nmime_types: { wasm: application/wasm }\n" + SERVERS);
        ConfigChanges changes = ConfigChanges.between(running, next);

        assertThat(changes.restartOnly()).isEmpty();
        assertThat(changes.applicable()).isEqualTo(next);
    }

    @Test
    void everyKeyThatNeedsARestartKeepsItsRunningValueAndIsNamed() throws Exception {
        WebservConfig running = parse(SERVERS);
        WebservConfig next = parse("""
                workers: 3
                max_connections: 50
                timeouts: { header: 1s, body: 2s, keep_alive: 3s, send: 4s, cgi: 5s, shutdown: 1500ms, drain: 3s }
                limits: { header_bytes: 32k, uri_bytes: 4k }
                access_log: logs/access.log
                io: { write: on_ready, send_buffer: 256k }
                pid_file: /run/webserv.pid
                """ + SERVERS.replace("/srv/b", "/srv/b2"));
        ConfigChanges changes = ConfigChanges.between(running, next);

        assertThat(changes.restartOnly()).extracting(ConfigChanges.RestartOnly::key).containsExactly("workers",
                "max_connections", "timeouts.header", "timeouts.body", "timeouts.keep_alive", "timeouts.send",
                "timeouts.cgi", "timeouts.shutdown", "timeouts.drain", "limits.header_bytes", "limits.uri_bytes", "access_log",
                "io.write", "io.send_buffer", "pid_file");
        assertThat(changes.restartOnly()).contains(
                new ConfigChanges.RestartOnly("workers", "1", "3"),
                new ConfigChanges.RestartOnly("timeouts.shutdown", "10s", "1500ms"),
                new ConfigChanges.RestartOnly("timeouts.drain", "0s", "3s"),
                new ConfigChanges.RestartOnly("access_log", "stdout", "/etc/webserv/logs/access.log"),
                new ConfigChanges.RestartOnly("io.write", "eager", "on_ready"),
                new ConfigChanges.RestartOnly("io.send_buffer", "auto", "262144"),
                new ConfigChanges.RestartOnly("pid_file", "none", "/run/webserv.pid"));
        WebservConfig applicable = changes.applicable();
        assertThat(applicable.servers()).as("what can change, does").isEqualTo(next.servers());
        assertThat(new WebservConfig(applicable.workers(), applicable.maxConnections(), applicable.timeouts(),
                applicable.limits(), applicable.accessLog(), applicable.mimeTypes(), applicable.io(), running.servers(),
                applicable.realIp(), applicable.pidFile())).as("the rest keeps its running value").isEqualTo(running);
        assertThat(changes.serversChanged()).containsExactly("b.example on 127.0.0.1:8081");
    }

    @Test
    void aChangedAccessLogFormatIsRestartOnlyAndShownAsWritten() throws Exception {
        WebservConfig running = parse("access_log: logs/access.log\n" + SERVERS);
        WebservConfig next = parse("access_log: { to: logs/access.log, format: json }\n" + SERVERS);

        assertThat(ConfigChanges.between(running, next).restartOnly()).containsExactly(new ConfigChanges.RestartOnly(
                "access_log", "/etc/webserv/logs/access.log", "{ to: /etc/webserv/logs/access.log, format: json }"));
    }
}
