package io.webserv.server;

import java.io.PrintStream;

/**
 * The {@code webserv} command line (SPEC §1).
 *
 * <p>Only {@code --help} and {@code --version} work yet: serving lands with issue #3 (the reactor, the
 * configuration and static files). Until then any other invocation says so and exits with status 2,
 * rather than pretending to serve.
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
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            out.print(USAGE);
            return 0;
        }
        if (args.length == 1 && args[0].equals("--version")) {
            out.println("webserv " + version());
            return 0;
        }
        err.println("webserv " + version() + ": serving is not implemented yet (issue #3); try --help");
        return 2;
    }

    private static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "(development build)";
    }
}
