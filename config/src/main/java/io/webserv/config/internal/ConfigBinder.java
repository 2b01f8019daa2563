package io.webserv.config.internal;

import io.webserv.config.internal.Node.Entry;
import io.webserv.config.internal.Node.Kind;
import io.webserv.config.model.AccessLog;
import io.webserv.config.model.IoOptions;
import io.webserv.config.model.Limits;
import io.webserv.config.model.ServerConfig;
import io.webserv.config.model.Timeouts;
import io.webserv.config.model.WebservConfig;
import io.webserv.http.proxy.ForwardingHeader;
import io.webserv.http.proxy.TrustedProxies;
import io.webserv.http.syntax.AddressRange;
import io.webserv.http.syntax.HttpChars;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds the top level of the file (SPEC §2): the global keys here, each server through
 * {@link ServerBinder}. Every value that is missing or wrong leaves its default in place.
 */
public final class ConfigBinder {

    static final List<String> KEYS = List.of("workers", "max_connections", "timeouts", "limits", "access_log",
            "mime_types", "io", "real_ip", "servers", "pid_file");
    static final List<String> TIMEOUT_KEYS = List.of("header", "body", "keep_alive", "send", "cgi", "shutdown", "drain");
    static final List<String> LIMIT_KEYS = List.of("header_bytes", "uri_bytes");
    static final List<String> IO_KEYS = List.of("write", "file_cache", "send_buffer");
    static final List<String> REAL_IP_KEYS = List.of("trusted", "header");
    static final List<String> ACCESS_LOG_KEYS = List.of("to", "format");
    /** {@code io.send_buffer} sizes: below 4 KiB is a typo; above 64 MiB beyond any kernel's {@code wmem_max}. */
    private static final long MIN_SEND_BUFFER = 4 * 1024;
    private static final long MAX_SEND_BUFFER = 64 * 1024 * 1024;

    /** More event loops than this is a typo, not a tuning. */
    static final int MAX_WORKERS = 1024;
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+-]*");

    private final Values values;
    private final Path baseDir;
    private final FilesystemChecks checks = new FilesystemChecks();

    private ConfigBinder(Problems problems, Path baseDir) {
        this.values = new Values(problems);
        this.baseDir = baseDir;
    }

    /** The bound configuration, meaningful only if {@code problems} stayed empty, and its checks. */
    public record Binding(WebservConfig config, FilesystemChecks checks) {
    }

    /**
     * @param root    the document, empty if the file is empty
     * @param baseDir the directory of the file: relative paths resolve against it
     */
    public static Binding bind(Optional<Node> root, Path baseDir, Problems problems) {
        ConfigBinder binder = new ConfigBinder(problems, baseDir);
        if (root.isEmpty()) {
            problems.at(Location.START, "the configuration is empty: at least one server is required");
            return new Binding(WebservConfig.defaults(baseDir), binder.checks);
        }
        if (!(root.get() instanceof Node.Mapping top)) {
            problems.at(root.get(), "the configuration must be a map of keys (got " + root.get().describe() + ")");
            return new Binding(WebservConfig.defaults(baseDir), binder.checks);
        }
        return new Binding(binder.config(Fields.of(top, problems, KEYS)), binder.checks);
    }

    /**
     * Every key a file may hold, as a dotted path ({@code timeouts.header}; {@code []} is an item of a
     * list: {@code servers[].routes[].cgi}), made of the lists each map is checked against above and in
     * {@link ServerBinder} and {@link RouteBinder}. Maps whose keys are data ({@code mime_types},
     * {@code error_pages}, {@code cgi}) add only their own key. docs/configuration.md documents exactly
     * these (ConfigurationReferenceTest).
     */
    static List<String> keyPaths() {
        List<String> paths = new ArrayList<>();
        Map<String, List<String>> maps = new LinkedHashMap<>();
        maps.put("", KEYS);
        maps.put("timeouts.", TIMEOUT_KEYS);
        maps.put("limits.", LIMIT_KEYS);
        maps.put("io.", IO_KEYS);
        maps.put("real_ip.", REAL_IP_KEYS);
        maps.put("access_log.", ACCESS_LOG_KEYS);
        maps.put("servers[].", ServerBinder.KEYS);
        maps.put("servers[].listen[].", ServerBinder.LISTEN_KEYS);
        maps.put("servers[].routes[].", RouteBinder.KEYS);
        maps.put("servers[].routes[].redirect.", RouteBinder.REDIRECT_KEYS);
        maps.forEach((prefix, keys) -> keys.forEach(key -> paths.add(prefix + key)));
        return paths;
    }

    private WebservConfig config(Fields f) {
        int workers = f.get("workers").flatMap(this::workers).orElse(WebservConfig.DEFAULT_WORKERS);
        int maxConnections = f.get("max_connections")
                .flatMap(n -> values.integer(n, "max_connections", c -> c >= 1, "a positive integer"))
                .orElse(WebservConfig.DEFAULT_MAX_CONNECTIONS);
        Timeouts timeouts = section(f, "timeouts", TIMEOUT_KEYS).map(this::timeouts).orElse(Timeouts.DEFAULTS);
        Limits limits = section(f, "limits", LIMIT_KEYS).map(this::limits).orElse(Limits.DEFAULTS);
        AccessLog accessLog = f.get("access_log").flatMap(this::accessLog).orElse(AccessLog.STDOUT);
        Map<String, String> mimeTypes = f.get("mime_types").flatMap(n -> values.map(n, "mime_types"))
                .map(this::mimeTypes).orElse(Map.of());
        IoOptions io = section(f, "io", IO_KEYS).map(this::io).orElse(IoOptions.DEFAULTS);
        TrustedProxies realIp = section(f, "real_ip", REAL_IP_KEYS).map(this::realIp).orElse(TrustedProxies.NONE);
        Optional<Path> pidFile = f.get("pid_file").flatMap(n -> values.path(n, "pid_file", baseDir));
        return new WebservConfig(workers, maxConnections, timeouts, limits, accessLog, mimeTypes, io, servers(f),
                realIp, pidFile);
    }

    private Optional<Fields> section(Fields f, String key, List<String> keys) {
        return f.get(key).flatMap(n -> values.map(n, key)).map(m -> Fields.of(m, values.problems(), keys));
    }

    private Optional<Integer> workers(Node node) {
        if (node instanceof Node.Scalar s && s.text().equals("auto")) {
            return Optional.of(Runtime.getRuntime().availableProcessors());
        }
        return values.integer(node, "workers", n -> n >= 1 && n <= MAX_WORKERS,
                "an integer from 1 to " + MAX_WORKERS + " or 'auto'");
    }

    private Timeouts timeouts(Fields f) {
        Timeouts d = Timeouts.DEFAULTS;
        return new Timeouts(timeout(f, "header", d.header()), timeout(f, "body", d.body()),
                timeout(f, "keep_alive", d.keepAlive()), timeout(f, "send", d.send()), timeout(f, "cgi", d.cgi()),
                mayBeZero(f, "shutdown", d.shutdown()), mayBeZero(f, "drain", d.drain()));
    }

    private Duration mayBeZero(Fields f, String key, Duration fallback) {
        return f.get(key).flatMap(n -> values.duration(n, key, true)).orElse(fallback);
    }

    private Duration timeout(Fields f, String key, Duration fallback) {
        return f.get(key).flatMap(n -> values.duration(n, key, false)).orElse(fallback);
    }

    /** Without {@code uri_bytes}, its default shrinks to {@code header_bytes} if that is smaller. */
    private Limits limits(Fields f) {
        long header = f.get("header_bytes").flatMap(n -> values.size(n, "header_bytes", Limits.MIN_BYTES,
                Limits.MAX_BYTES)).orElse(Limits.DEFAULTS.headerBytes());
        Optional<Long> uri = f.get("uri_bytes").flatMap(n -> values.size(n, "uri_bytes", Limits.MIN_BYTES,
                Limits.MAX_BYTES));
        if (uri.isPresent() && uri.get() > header) {
            values.problems().at(f.get("uri_bytes").orElseThrow(), "'uri_bytes' (" + uri.get() + ") must not be "
                    + "larger than 'header_bytes' (" + header + "): the request line is part of the head");
            return new Limits(header, Math.min(header, Limits.DEFAULTS.uriBytes()));
        }
        return new Limits(header, uri.orElse(Math.min(header, Limits.DEFAULTS.uriBytes())));
    }

    /**
     * A destination alone ({@code off}, {@code stdout} or a path: the combined format), or a map
     * {@code { to: destination, format: combined | json }}.
     */
    private Optional<AccessLog> accessLog(Node node) {
        if (!(node instanceof Node.Mapping mapping)) {
            return accessLogDestination(node, "access_log");
        }
        Fields f = Fields.of(mapping, values.problems(), ACCESS_LOG_KEYS);
        AccessLog.Format format = f.get("format").flatMap(n -> values.string(n, "format").flatMap(text -> switch (text) {
            case "combined" -> Optional.of(AccessLog.Format.COMBINED);
            case "json" -> Optional.of(AccessLog.Format.JSON);
            default -> {
                values.problems().at(n, "'format' must be combined or json (got '" + Text.quote(text) + "')");
                yield Optional.<AccessLog.Format>empty();
            }
        })).orElse(AccessLog.Format.COMBINED);
        return f.get("to").map(n -> accessLogDestination(n, "to")).orElse(Optional.of(AccessLog.STDOUT))
                .map(log -> log.withFormat(format));
    }

    /** {@code off} (any YAML false), {@code stdout}, or a file path. */
    private Optional<AccessLog> accessLogDestination(Node node, String key) {
        if (node instanceof Node.Scalar s && s.kind() == Kind.FALSE) {
            return Optional.of(AccessLog.OFF);
        }
        if (node instanceof Node.Scalar s && s.kind() == Kind.TRUE) {
            values.problems().at(node, "'" + key + "' must be stdout, off or a file path (got " + node.describe() + ")");
            return Optional.empty();
        }
        return values.string(node, key).flatMap(text -> switch (text) {
            case "off" -> Optional.of(AccessLog.OFF);
            case "stdout" -> Optional.of(AccessLog.STDOUT);
            default -> values.path(node, key, baseDir).map(AccessLog::file);
        });
    }

    /** Extension without its dot → {@code type/subtype} with optional parameters. */
    private Map<String, String> mimeTypes(Node.Mapping mapping) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Entry entry : mapping.entries().values()) {
            String ext = entry.key();
            boolean extOk = EXTENSION.matcher(ext).matches();
            if (!extOk) {
                values.problems().at(entry.keyAt(), "mime_types key must be a file extension without the dot, e.g. "
                        + "wasm (got '" + Text.quote(ext) + "')");
            }
            values.string(entry.value(), ext).ifPresent(type -> {
                if (!isMediaType(type)) {
                    values.problems().at(entry.value(), "invalid media type for '" + Text.quote(ext) + "': '"
                            + Text.quote(type) + "' (expected type/subtype, e.g. application/wasm)");
                } else if (extOk) {
                    types.put(ext.toLowerCase(Locale.ROOT), type);
                }
            });
        }
        return types;
    }

    private static boolean isMediaType(String text) {
        int semicolon = text.indexOf(';');
        String essence = (semicolon < 0 ? text : text.substring(0, semicolon)).strip();
        int slash = essence.indexOf('/');
        return slash > 0 && HttpChars.isToken(essence.substring(0, slash))
                && HttpChars.isToken(essence.substring(slash + 1)) && text.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    private IoOptions io(Fields f) {
        IoOptions.WriteMode write = f.get("write").flatMap(n -> values.string(n, "write").flatMap(text -> switch (text) {
            case "eager" -> Optional.of(IoOptions.WriteMode.EAGER);
            case "on_ready" -> Optional.of(IoOptions.WriteMode.ON_READY);
            default -> {
                values.problems().at(n, "'write' must be eager or on_ready (got '" + Text.quote(text) + "')");
                yield Optional.<IoOptions.WriteMode>empty();
            }
        })).orElse(IoOptions.DEFAULTS.write());
        boolean fileCache = f.get("file_cache").flatMap(n -> values.bool(n, "file_cache")).orElse(IoOptions.DEFAULTS.fileCache());
        IoOptions.SendBuffer sendBuffer = f.get("send_buffer").flatMap(this::sendBuffer).orElse(IoOptions.DEFAULTS.sendBuffer());
        return new IoOptions(write, fileCache, sendBuffer);
    }

    /** {@code auto}, {@code kernel} or a size from 4 KiB to 64 MiB. */
    private Optional<IoOptions.SendBuffer> sendBuffer(Node n) {
        return values.parsed(n, "send_buffer", "send buffer", "auto, kernel or a size such as 128k", text -> switch (text) {
            case "auto" -> IoOptions.SendBuffer.AUTO;
            case "kernel" -> IoOptions.SendBuffer.KERNEL;
            default -> new IoOptions.SendBuffer(IoOptions.SendBuffer.Kind.FIXED, (int) Math.min(Sizes.parse(text), Integer.MAX_VALUE));
        }).filter(b -> b.kind() != IoOptions.SendBuffer.Kind.FIXED || values.check(n,
                b.bytes() >= MIN_SEND_BUFFER && b.bytes() <= MAX_SEND_BUFFER,
                "'send_buffer' must be from " + MIN_SEND_BUFFER + " to " + MAX_SEND_BUFFER + " bytes"));
    }

    /** {@code trusted}: addresses and CIDR blocks (literals only); {@code header}: x-forwarded-for or forwarded. */
    private TrustedProxies realIp(Fields f) {
        List<AddressRange> trusted = new ArrayList<>();
        f.get("trusted").flatMap(n -> values.list(n, "trusted", true)).ifPresent(items -> {
            for (Node item : items) {
                values.string(item, "trusted").ifPresent(text -> {
                    try {
                        trusted.add(AddressRange.parse(text));
                    } catch (IllegalArgumentException e) {
                        values.problems().at(item, "invalid 'trusted' entry: " + e.getMessage());
                    }
                });
            }
        });
        ForwardingHeader header = f.get("header").flatMap(n -> values.string(n, "header")
                .flatMap(text -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "x-forwarded-for" -> Optional.of(ForwardingHeader.X_FORWARDED_FOR);
                    case "forwarded" -> Optional.of(ForwardingHeader.FORWARDED);
                    default -> {
                        values.problems().at(n, "'header' must be x-forwarded-for or forwarded (got '"
                                + Text.quote(text) + "')");
                        yield Optional.<ForwardingHeader>empty();
                    }
                })).orElse(ForwardingHeader.X_FORWARDED_FOR);
        return new TrustedProxies(trusted, header);
    }

    private List<ServerConfig> servers(Fields f) {
        Optional<Node> node = f.get("servers");
        if (node.isEmpty()) {
            values.problems().at(f.at(), "missing key 'servers': at least one server is required");
            return List.of();
        }
        List<ServerConfig> servers = new ArrayList<>();
        values.list(node.get(), "servers", false).ifPresent(items -> {
            if (items.isEmpty()) {
                values.problems().at(node.get(), "'servers' must list at least one server");
            }
            ListenAgreement agreement = new ListenAgreement();
            ServerBinder binder = new ServerBinder(values, baseDir, checks, agreement);
            for (Node item : items) {
                binder.bind(item).ifPresent(servers::add);
            }
            agreement.check(values.problems());
        });
        return servers;
    }
}
