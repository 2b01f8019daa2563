package io.webserv.config;

import static io.webserv.config.ErrorReportingTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import io.webserv.config.model.ListenAddress;
import io.webserv.config.model.ListenOptions;
import io.webserv.config.model.ServerConfig;
import io.webserv.config.model.WebservConfig;
import io.webserv.http.proxy.ForwardingHeader;
import io.webserv.http.proxy.TrustedProxies;
import io.webserv.http.syntax.AddressRange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code listen} entries written as maps ({@code reuse_port}, {@code proxy_protocol}) and {@code real_ip}. */
class ProxyKeysTest {

    private static WebservConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, Path.of("/etc/webserv/webserv.yaml"));
    }

    @Test
    void aListenEntryMayBeAMapWithOptions() throws Exception {
        ServerConfig server = parse("""
                servers:
                  - listen: [8080, { address: "127.0.0.1:8081", reuse_port: true }, { address: "[::1]:8082", proxy_protocol: true }]
                    root: www
                """).servers().get(0);

        assertThat(server.listen()).containsExactly(ListenAddress.anyHost(8080), new ListenAddress("127.0.0.1", 8081),
                new ListenAddress("::1", 8082));
        assertThat(server.optionsOf(server.listen().get(0))).isEqualTo(ListenOptions.DEFAULTS);
        assertThat(server.optionsOf(server.listen().get(1))).isEqualTo(new ListenOptions(true, false));
        assertThat(server.optionsOf(server.listen().get(2))).isEqualTo(new ListenOptions(false, true));
    }

    @Test
    void reportsAMalformedListenMap() {
        assertThat(errors("""
                servers:
                  - listen:
                      - { reuse_port: yes }
                      - { address: 70000, proxy_protocol: maybe, backlog: 5 }
                      - { address: 8080, reuse_port: "true" }
                      - 8080
                    root: www
                """)).containsExactly(
                "conf/bad.yaml:3:9: a listen entry written as a map needs an 'address'",
                "conf/bad.yaml:4:20: invalid address for 'address': '70000' (port must be from 1 to 65535; expected port, "
                        + "host:port or [ipv6]:port, e.g. 8080, 127.0.0.1:8080, [::1]:8080)",
                "conf/bad.yaml:4:43: 'proxy_protocol' must be true or false (got a string)",
                "conf/bad.yaml:4:50: unknown key 'backlog' (expected one of: address, reuse_port, proxy_protocol)",
                "conf/bad.yaml:5:38: 'reuse_port' must be true or false (got a string)",
                "conf/bad.yaml:6:9: duplicate listen address *:8080 (first at 5:9)");
    }

    /** One socket has one set of options: servers that share it must agree, and the error names both places. */
    @Test
    void reportsServersThatShareASocketWithDifferentOptions() {
        assertThat(errors("""
                servers:
                  - listen: [{ address: "127.0.0.1:8080", proxy_protocol: true }]
                    server_names: [a.example]
                    root: www
                  - listen: ["127.0.0.1:8080"]
                    server_names: [b.example]
                    root: www
                  - listen: [9090]
                    root: www
                  - listen: [{ address: "127.0.0.1:9090", reuse_port: true }]
                    root: www
                """)).containsExactly(
                "conf/bad.yaml:5:14: listen 127.0.0.1:8080 (reuse_port: false, proxy_protocol: false) shares the socket "
                        + "127.0.0.1:8080 with listen 127.0.0.1:8080 at 2:14 (reuse_port: false, proxy_protocol: true): "
                        + "servers on one socket must set the same reuse_port and proxy_protocol",
                "conf/bad.yaml:10:14: listen 127.0.0.1:9090 (reuse_port: true, proxy_protocol: false) shares the socket "
                        + "*:9090 with listen *:9090 at 8:14 (reuse_port: false, proxy_protocol: false): "
                        + "servers on one socket must set the same reuse_port and proxy_protocol");
    }

    @Test
    void serversThatAgreeMayShareASocket() throws Exception {
        WebservConfig config = parse("""
                servers:
                  - listen: [{ address: 8080, reuse_port: true, proxy_protocol: true }]
                    server_names: [a.example]
                    root: www
                  - listen: [{ address: "127.0.0.1:8080", proxy_protocol: true, reuse_port: true }]
                    server_names: [b.example]
                    root: www
                  - listen: ["127.0.0.1:9090"]
                    root: www
                """);
        assertThat(config.servers()).hasSize(3);
    }

    @Test
    void realIpTrustsTheListedProxiesOnly() throws Exception {
        assertThat(parse("servers: [{ root: www }]").realIp()).isEqualTo(TrustedProxies.NONE);
        TrustedProxies realIp = parse("""
                real_ip:
                  trusted: [127.0.0.1, "::1", 10.0.0.0/8]
                  header: Forwarded
                servers: [{ root: www }]
                """).realIp();
        assertThat(realIp).isEqualTo(new TrustedProxies(List.of(AddressRange.parse("127.0.0.1"), AddressRange.parse("::1"),
                AddressRange.parse("10.0.0.0/8")), ForwardingHeader.FORWARDED));
        assertThat(parse("real_ip: { trusted: 192.0.2.1 }\nservers: [{ root: www }]").realIp().header())
                .isEqualTo(ForwardingHeader.X_FORWARDED_FOR);
    }

    @Test
    void reportsAMalformedRealIp() {
        assertThat(errors("""
                real_ip:
                  trusted: [localhost, 10.0.0.0/33, 192.0.2.1]
                  header: x-real-ip
                  recursive: true
                servers: [{ root: www }]
                """)).containsExactly(
                "conf/bad.yaml:2:13: invalid 'trusted' entry: 'localhost' is not an IP address or CIDR block "
                        + "(e.g. 127.0.0.1, ::1, 10.0.0.0/8)",
                "conf/bad.yaml:2:24: invalid 'trusted' entry: '10.0.0.0/33' has an invalid prefix length (0 to 32)",
                "conf/bad.yaml:3:11: 'header' must be x-forwarded-for or forwarded (got 'x-real-ip')",
                "conf/bad.yaml:4:3: unknown key 'recursive' (expected one of: trusted, header)");
    }
}
