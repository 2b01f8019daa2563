package io.webserv.server;

import io.webserv.config.ConfigError;
import io.webserv.config.ConfigException;
import io.webserv.config.Validation;
import io.webserv.config.model.AccessLog;
import io.webserv.config.model.WebservConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code webserv} command line (SPEC §1): validate a configuration, or serve it (reloading it on
 * SIGHUP) until SIGTERM or SIGINT, then drain and exit 0; or signal the server a configuration's
 * {@code pid_file} names ({@code -s reload|stop}).
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
              -s reload|stop         signal the server running CONFIG.yaml, found through its pid_file: reload
                                     its configuration (SIGHUP) or stop it gracefully (SIGTERM)
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
        ControlCommand.Action control = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
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
                case "-s" -> {
                    control = i + 1 < args.length ? ControlCommand.Action.named(args[++i]).orElse(null) : null;
                    if (control == null) {
                        err.println("webserv: -s takes reload or stop");
                        err.print(USAGE);
                        return 2;
                    }
                }
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
        if (control != null) {
            if (file == null) {
                err.println("webserv: -s needs the configuration file of the running server (it names the pid_file)");
                return 2;
            }
            return ControlCommand.run(control, file, out, err);
        }
        WebservConfig config;
        try {
            // The handler-module mounts are checked too, so that -t reports them at their line and column.
            config = file == null ? welcomeConfig() : ConfigFile.load(file, testOnly ? Validation.FULL : Validation.SCHEMA);
        } catch (ConfigException e) {
            for (ConfigError error : e.errors()) {
                err.println(error);
            }
            return 1;
        } catch (IOException e) {
            err.println("webserv: cannot unpack the welcome site: " + e.getMessage());
            return 1;
        }
        if (testOnly) {
            out.println("configuration OK");
            return 0;
        }
        return serve(config, file, out, err);
    }

    /** @param file the configuration file, reloaded on SIGHUP; null for the built-in site */
    private static int serve(WebservConfig config, Path file, PrintStream out, PrintStream err) {
        configureLogging(config.accessLog());
        WebServer server;
        PidFile pidFile;
        try {
            pidFile = config.pidFile().isPresent() ? PidFile.claim(config.pidFile().get()) : null;
            server = WebServer.start(config);
        } catch (IOException e) {
            err.println("webserv: " + e.getMessage());
            return 1;
        }
        promoteStartUpObjects();
        ConfigReloader reloader = file == null ? null : new ConfigReloader(file, server);
        Signals.onHangup(reloader == null ? ConfigReloader::nothingToReload : reloader::request);
        if (pidFile != null) {
            try {
                pidFile.write(); // after binding, and once SIGHUP reloads rather than ends the process
            } catch (IOException e) {
                err.println("webserv: cannot write the pid file " + config.pidFile().get() + ": " + e);
                server.close();
                return 1;
            }
            pidFile.removeAtExit();
        }
        for (WebServer.Listener listener : server.listeners()) {
            String names = listener.serverNames().isEmpty() ? "" : " (server: " + String.join(", ", listener.serverNames()) + ")";
            out.println("listening on http://" + ListenerSockets.show(listener.address()) + names);
        }
        out.flush();
        // SPEC §1: exit 0 on SIGTERM/SIGINT after draining, as nginx does (not the JVM's 143).
        GracefulStop stop = new GracefulStop(server, config.timeouts(), () -> {
            org.apache.logging.log4j.LogManager.shutdown();
            System.exit(0);
        });
        Signals.onTermination(stop::signalled);
        return RUNNING;
    }

    /**
     * Start-up leaves about 4 MB of objects that live as long as the process (configuration, logging,
     * handlers, the loops' buffers), still in the young generation. Each young collection copied them
     * from one survivor space to the other until they were 15 collections old: 4.4–7 ms pauses instead
     * of 0.5 ms for the first fifteen collections under load (-Xlog:gc+age; a 13-byte file under wrk
     * -c64: p99 40.8, 4.2, 3.1, 1.7 ms in the first four 5-second runs). One full collection here, before
     * the first request, moves them to the old generation at once (a no-op under -XX:+DisableExplicitGC).
     */
    private static void promoteStartUpObjects() {
        System.gc();
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

    private static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "(development build)";
    }
}
