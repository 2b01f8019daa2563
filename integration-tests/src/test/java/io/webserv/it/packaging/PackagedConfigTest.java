package io.webserv.it.packaging;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.RepositoryFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The production configuration the repository ships ({@code packaging/webserv.yaml}) passes
 * {@code webserv -t} on the install layout of docs/deployment.md, rebuilt under a temporary root.
 */
class PackagedConfigTest {

    private static final String CONFIG = "packaging/webserv.yaml";
    /** The directories of the install layout the configuration names (docs/deployment.md). */
    private static final List<String> LAYOUT = List.of("srv/www", "var/lib/webserv/uploads", "var/log/webserv");
    private static final Duration EXIT = Duration.ofSeconds(20);

    @TempDir
    Path root;

    @BeforeEach
    void needsThePackagedJar() {
        assumeTrue(Files.isRegularFile(JarProcess.JAR), JarProcess.JAR + " not built (run mvn verify from the root)");
    }

    @Test
    void passesTheConfigurationTestOnTheInstallLayout() throws Exception {
        for (String directory : LAYOUT) {
            Files.createDirectories(root.resolve(directory));
        }
        Path config = root.resolve("etc/webserv/webserv.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, underRoot(RepositoryFile.read(CONFIG)));

        try (JarProcess check = JarProcess.start(root, "-t", config.toString())) {
            assertThat(check.awaitExit(EXIT)).as("-t on %s:%n%s%n%s", CONFIG, check.stdout(), check.stderr())
                    .hasValue(0);
            assertThat(check.stdout()).contains("configuration OK");
        }
    }

    /**
     * The configuration with the layout's absolute paths moved under the temporary root; a path outside
     * the layout stays as written, and {@code -t} then reports it missing unless this machine has it.
     */
    private String underRoot(String yaml) {
        String moved = yaml;
        for (String top : List.of("/srv/", "/var/")) {
            moved = moved.replace(" " + top, " " + root + top);
        }
        return moved;
    }
}
