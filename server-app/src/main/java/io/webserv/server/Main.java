package io.webserv.server;

import io.webserv.config.ConfigError;
import io.webserv.config.ConfigException;
import io.webserv.config.ConfigLoader;
import io.webserv.config.Validation;
import io.webserv.config.model.AccessLog;
import io.webserv.config.model.WebservConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code webserv} command line (SPEC §1): validate a configuration, or serve it until SIGTERM or
 * SIGINT, then drain and exit 0.
 *
 * <p>Logging is configured from the configuration's {@code access_log} through system properties that
 * must be set before the first logger exists: this class itself logs nothing, and touches the rest of
 * the server only once they are set.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar webserv.jar [OPTIONS] [CONFIG.yaml]

              CONFIG.yaml            the configuration file (SPEC §2); without it, a built-in welcome site on :8080
              -t, --test-config      validate the configuration, print "configuration OK" or every error, and exit
              -h, --help             print this help
                  --version          print the version
            """;

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != RUNNING) {
            System.exit(status);
        }
    }

    /** Returned by {@link #run} when the server is up and the process must live on. */
    static final int RUNNING = -1;

    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean testOnly = false;
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                case "--version" -> {
                    out.println("webserv " + version());
                    return 0;
                }
                case "-t", "--test-config" -> testOnly = true;
                default -> {
                    if (arg.startsWith("-")) {
                        err.println("webserv: unknown option " + arg);
                        err.print(USAGE);
                        return 2;
                    }
                    files.add(arg);
                }
            }
        }
        if (files.size() > 1) {
            err.println("webserv: one configuration file at most, got " + files);
            return 2;
        }
        Path file = files.isEmpty() ? null : Path.of(files.get(0));
        WebservConfig config;
        try {
            config = file == null ? welcomeConfig() : ConfigLoader.load(file, testOnly ? Validation.FULL : Validation.SCHEMA);
        } catch (ConfigException e) {
            for (ConfigError error : e.errors()) {
                err.println(error);
            }
            return 1;
        } catch (IOException e) {
            err.println("webserv: cannot unpack the welcome site: " + e.getMessage());
            return 1;
        }
        // Which handler modules exist is known here, not in the config module: check the mounts now,
        // so that -t reports them too, at their line and column.
        List<ConfigError> moduleErrors = file == null ? List.of() : HandlerModules.discover().check(config, file);
        if (!moduleErrors.isEmpty()) {
            moduleErrors.forEach(err::println);
            return 1;
        }
        if (testOnly) {
            out.println("configuration OK");
            return 0;
        }
        return serve(config, out, err);
    }

    private static int serve(WebservConfig config, PrintStream out, PrintStream err) {
        configureLogging(config.accessLog());
        WebServer server;
        try {
            server = WebServer.start(config);
        } catch (IOException e) {
            err.println("webserv: " + e.getMessage());
            return 1;
        }
        for (WebServer.Listener listener : server.listeners()) {
            String names = listener.serverNames().isEmpty() ? "" : " (server: " + String.join(", ", listener.serverNames()) + ")";
            out.println("listening on http://" + hostPort(listener.address()) + names);
        }
        out.flush();
        // SPEC §1: exit 0 on SIGTERM/SIGINT after draining, as nginx does (not the JVM's 143).
        Signals.onTermination(() -> new Thread(() -> {
            server.shutdown(config.timeouts().shutdown());
            org.apache.logging.log4j.LogManager.shutdown();
            System.exit(0);
        }, "webserv-shutdown").start());
        return RUNNING;
    }

    private static void configureLogging(AccessLog accessLog) {
        switch (accessLog.kind()) {
            case OFF -> System.setProperty("webserv.access.level", "off");
            case STDOUT -> System.setProperty("webserv.access.appender", "AccessStdout");
            case FILE -> {
                System.setProperty("webserv.access.appender", "AccessFile");
                System.setProperty("webserv.access.file", accessLog.file().orElseThrow().toString());
            }
            default -> throw new IllegalStateException(accessLog.kind().name());
        }
    }

    /** The built-in welcome site, unpacked from the jar into a temporary directory. */
    private static WebservConfig welcomeConfig() throws IOException {
        Path root = Files.createTempDirectory("webserv-welcome-");
        root.toFile().deleteOnExit();
        String list;
        try (InputStream in = resource("files.txt")) {
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String name : list.split("\n")) {
            if (name.isBlank()) {
                continue;
            }
            Path target = root.resolve(name.strip());
            try (InputStream in = resource(name.strip())) {
                Files.copy(in, target);
            }
            target.toFile().deleteOnExit();
        }
        return WebservConfig.defaults(root);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Main.class.getResourceAsStream("/welcome/" + name);
        if (in == null) {
            throw new IOException("missing from the jar: welcome/" + name);
        }
        return in;
    }

    private static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host.replaceFirst("%.*$", "") + "]";
        }
        return host + ":" + address.getPort();
    }

    private static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "(development build)";
    }
}
