package io.webserv.it.cgi;

import io.webserv.it.support.ProcFs;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@link CgiSite} server for a whole test class, in a directory of its own: register it with
 * {@code @RegisterExtension static final CgiServer server = new CgiServer("10s")}. After the class it
 * stops the server and checks that the JVM has no zombie child left (SPEC §6: "no zombie processes").
 */
final class CgiServer implements BeforeAllCallback, AfterAllCallback {

    private final String cgiTimeout;
    private Path dir;
    private TestServer server;

    /** @param cgiTimeout the {@code timeouts.cgi} of the server, e.g. {@code 1s} */
    CgiServer(String cgiTimeout) {
        this.cgiTimeout = cgiTimeout;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("webserv-cgi-");
        server = CgiSite.start(dir, cgiTimeout);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            server.close();
            assertThat(ProcFs.awaitNoZombies()).as("zombie children of the JVM").isEmpty();
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    InetSocketAddress address() {
        return server.address();
    }

    /** The directory of the site: {@code cgi-bin/}, {@code cgi-bin/pids/}, {@code www/}. */
    Path dir() {
        return dir;
    }
}
