package io.webserv.config.model;

import io.webserv.http.proxy.TrustedProxies;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration file (SPEC §2).
 *
 * @param workers        event loops (reactor threads); {@code auto} in the file is already resolved
 *                       to the number of processors
 * @param maxConnections open connections beyond which new ones are accepted and closed
 * @param timeouts       every wait of the server
 * @param limits         request head limits
 * @param accessLog      where the combined-format access log goes
 * @param mimeTypes      extension (lower case, without the dot) → media type; additions to and
 *                       overrides of the built-in table
 * @param io             reactor write mode (SPEC §7)
 * @param servers        the virtual servers in file order; the first one listed for an address is
 *                       that address's default
 * @param realIp         the proxies whose {@code X-Forwarded-For} or {@code Forwarded} names the client
 *                       ({@code real_ip}); {@link TrustedProxies#NONE} by default
 * @param pidFile        where the running server writes its process id ({@code pid_file}), for
 *                       {@code webserv -s reload|stop}; empty: no pid file
 */
public record WebservConfig(int workers, int maxConnections, Timeouts timeouts, Limits limits, AccessLog accessLog,
                            Map<String, String> mimeTypes, IoOptions io, List<ServerConfig> servers,
                            TrustedProxies realIp, Optional<Path> pidFile) {

    /** One event loop when the file does not say. */
    public static final int DEFAULT_WORKERS = 1;
    /** The {@code max_connections} of SPEC §2 when the file does not say. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    /** The port of the built-in welcome site and of a server without {@code listen}. */
    public static final int DEFAULT_PORT = 8080;

    /**
     * Checks the configuration and copies its collections, so that the record is immutable.
     *
     * @param workers        at least 1
     * @param maxConnections at least 1
     * @param timeouts       not null
     * @param limits         not null
     * @param accessLog      not null
     * @param mimeTypes      copied
     * @param io             not null
     * @param servers        copied
     * @param realIp         not null
     * @param pidFile        not null; empty for none
     * @throws IllegalArgumentException when {@code workers} or {@code maxConnections} is not positive
     */
    public WebservConfig {
        if (workers < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("workers and maxConnections must be positive: " + workers + ", "
                    + maxConnections);
        }
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(accessLog, "accessLog");
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(realIp, "realIp");
        Objects.requireNonNull(pidFile, "pidFile");
        mimeTypes = Map.copyOf(mimeTypes);
        servers = List.copyOf(servers);
    }

    /**
     * A configuration that trusts no proxy (the client is always the connection's peer) and writes
     * no pid file.
     *
     * @param workers        at least 1
     * @param maxConnections at least 1
     * @param timeouts       not null
     * @param limits         not null
     * @param accessLog      not null
     * @param mimeTypes      copied
     * @param io             not null
     * @param servers        copied
     */
    public WebservConfig(int workers, int maxConnections, Timeouts timeouts, Limits limits, AccessLog accessLog,
                         Map<String, String> mimeTypes, IoOptions io, List<ServerConfig> servers) {
        this(workers, maxConnections, timeouts, limits, accessLog, mimeTypes, io, servers, TrustedProxies.NONE,
                Optional.empty());
    }

    /**
     * The built-in configuration used without a config file (SPEC §1): every default, one server on
     * port {@value #DEFAULT_PORT} of every interface serving {@code root} with the default route.
     *
     * @param root the directory to serve
     * @return the configuration
     */
    public static WebservConfig defaults(Path root) {
        ServerConfig server = new ServerConfig(List.of(ListenAddress.anyHost(DEFAULT_PORT)), List.of(), Map.of(),
                List.of(RouteConfig.serving("/", root)));
        return new WebservConfig(DEFAULT_WORKERS, DEFAULT_MAX_CONNECTIONS, Timeouts.DEFAULTS, Limits.DEFAULTS,
                AccessLog.STDOUT, Map.of(), IoOptions.DEFAULTS, List.of(server));
    }
}
