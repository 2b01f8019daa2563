package io.webserv.it.architecture;

import java.util.Arrays;

/**
 * The modules of the project as layers of SPEC §7, lowest first: each one's Maven artifact and root
 * package. The architecture tests name layers by artifact, so that a failure says which module broke
 * the rule.
 */
enum Layer {
    HTTP_CODEC("http-codec", "io.webserv.http"),
    NET_CORE("net-core", "io.webserv.net"),
    CONFIG("config", "io.webserv.config"),
    HANDLERS("handlers", "io.webserv.handlers"),
    CGI("cgi", "io.webserv.cgi"),
    HANDLERS_STATUS("handlers-status", "io.webserv.status"),
    SERVER_APP("server-app", "io.webserv.server"),
    INTEGRATION_TESTS("integration-tests", "io.webserv.it");

    private final String artifact;
    private final String rootPackage;

    Layer(String artifact, String rootPackage) {
        this.artifact = artifact;
        this.rootPackage = rootPackage;
    }

    /** The Maven artifact, used as the layer's name in rules and their failure messages. */
    String artifact() {
        return artifact;
    }

    /** The ArchUnit package pattern of the module: its root package and everything below it. */
    String packages() {
        return rootPackage + "..";
    }

    /** The patterns of every module, integration-tests included. */
    static String[] allPackages() {
        return Arrays.stream(values()).map(Layer::packages).toArray(String[]::new);
    }
}
