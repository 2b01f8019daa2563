package io.webserv.it.process;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.Requests;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The jar under a low {@code ulimit -n}: it lowers its connection cap to what the limit has room for
 * and says so, so a flood of connections is accepted and closed rather than taking the descriptors
 * an open connection needs to open the file it asks for; once the flood leaves, it serves again.
 * (When descriptors run out anyway, accepts pause and resume: {@code net-core}'s AcceptBackoffTest.)
 */
class OpenFileLimitTest {

    private static final int OPEN_FILES = 256;
    private static final Pattern CAP = Pattern.compile("serving at most (\\d+) connections");

    @TempDir
    Path dir;

    @BeforeEach
    void needsThePackagedJar() {
        assumeTrue(Files.isRegularFile(JarProcess.JAR), JarProcess.JAR + " not built (run mvn verify from the root)");
    }

    @Test
    void capsConnectionsToTheLimitKeepsServingAndRecovers() throws Exception {
        int port = TestServer.freePort();
        TestFiles.write(dir, "www/a.txt", "alpha");
        TestFiles.write(dir, "webserv.yaml", """
                access_log: off
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                """.formatted(port));
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        try (JarProcess process = JarProcess.startWithOpenFileLimit(dir, OPEN_FILES, "webserv.yaml")) {
            assertThat(process.awaitStdout(l -> l.startsWith("listening on"), Duration.ofSeconds(15)))
                    .as("startup; stderr:%n%s", process.stderr()).isPresent();
            int cap = announcedCap(process);
            assertThat(cap).as("the cap fits in %d descriptors", OPEN_FILES).isBetween(10, OPEN_FILES / 2);

            List<RawClient> flood = new ArrayList<>();
            try (RawClient established = new RawClient(address)) {
                assertThat(established.send(Requests.get("/a.txt")).read().status()).isEqualTo(200);
                for (int i = 0; i < cap + 50; i++) {
                    flood.add(new RawClient(address, 2_000));
                }
                for (RawClient beyond : flood.subList(flood.size() - 10, flood.size())) {
                    assertThat(beyond.isClosedByServer()).as("a connection beyond the cap is closed").isTrue();
                }
                assertThat(established.send(Requests.get("/a.txt")).read().bodyText())
                        .as("the established connection still opens and serves files").isEqualTo("alpha");
            } finally {
                for (RawClient client : flood) {
                    client.close();
                }
            }
            assertThat(Requests.exchange(address, Requests.get("/a.txt")).status()).as("served after the flood").isEqualTo(200);
            assertThat(process.stdout() + process.stderr()).as("descriptors never ran out").doesNotContain("accept failed");
        }
    }

    /** The cap from the start-up warning, found on either output stream. */
    private static int announcedCap(JarProcess process) throws InterruptedException {
        Optional<String> line = process.awaitStdout(l -> CAP.matcher(l).find(), Duration.ofSeconds(2));
        String text = line.orElse(process.stderr());
        Matcher matcher = CAP.matcher(text);
        assertThat(matcher.find()).as("a warning that names the cap; stdout:%n%s%nstderr:%n%s", process.stdout(), process.stderr()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
