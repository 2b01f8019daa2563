package io.webserv.it.process;

import io.webserv.it.support.JarProcess;
import io.webserv.it.support.Poll;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.webserv.it.process.JarServers.PATIENCE;
import static io.webserv.it.process.JarServers.answersWithin;
import static io.webserv.it.process.JarServers.exitStatus;
import static io.webserv.it.process.JarServers.get;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code pid_file} and {@code webserv -s reload|stop CONFIG}, as {@code nginx -s}. */
class ControlCommandTest {

    @TempDir
    Path dir;
    private JarServers servers;
    private int port;

    @BeforeEach
    void site() throws IOException {
        servers = JarServers.in(dir);
        port = TestServer.freePort();
        TestFiles.write(dir, "www-a/index.html", "site A");
        TestFiles.write(dir, "www-b/index.html", "site B");
        Files.createDirectories(dir.resolve("run"));
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    private void configure(String root, String pidFile) throws IOException {
        TestFiles.write(dir, "site.yaml", """
                access_log: off
                timeouts: { shutdown: 2s }
                %sservers:
                  - listen: ["127.0.0.1:%d"]
                    root: %s
                """.formatted(pidFile == null ? "" : "pid_file: " + pidFile + "\n", port, root));
    }

    private Path pidFile() {
        return dir.resolve("run/webserv.pid");
    }

    @Test
    void reloadAndStopFindTheServerThroughItsPidFile() throws Exception {
        configure("www-a", "run/webserv.pid");
        JarProcess server = servers.serve("site.yaml", port);
        assertThat(Files.readString(pidFile())).as("written once bound").isEqualTo(server.pid() + "\n");

        configure("www-b", "run/webserv.pid");
        JarProcess reload = servers.run("-s", "reload", "site.yaml");
        assertThat(exitStatus(reload)).as("stderr: %s", reload.stderr()).isZero();
        assertThat(reload.stdout()).contains("sent SIGHUP to process " + server.pid());
        assertThat(answersWithin(port, "/", "200 site B")).as("server stderr:%n%s", server.stderr()).isTrue();

        JarProcess stop = servers.run("-s", "stop", "site.yaml");
        assertThat(exitStatus(stop)).as("stderr: %s", stop.stderr()).isZero();
        assertThat(stop.stdout()).contains("sent SIGTERM to process " + server.pid());
        assertThat(exitStatus(server)).as("a graceful stop").isZero();
        assertThat(pidFile()).as("removed at exit").doesNotExist();
    }

    @Test
    void eachReasonNotToSignalHasItsMessageAndStatus() throws Exception {
        configure("www-a", null);
        JarProcess noPidFile = servers.run("-s", "reload", "site.yaml");
        assertThat(exitStatus(noPidFile)).isEqualTo(1);
        assertThat(noPidFile.stderr()).contains("site.yaml sets no pid_file");

        configure("www-a", "run/webserv.pid");
        JarProcess missing = servers.run("-s", "stop", "site.yaml");
        assertThat(exitStatus(missing)).isEqualTo(3);
        assertThat(missing.stderr()).contains("pid file " + pidFile() + " does not exist: is webserv running?");

        long dead = deadPid();
        Files.writeString(pidFile(), dead + "\n");
        JarProcess stale = servers.run("-s", "reload", "site.yaml");
        assertThat(exitStatus(stale)).isEqualTo(3);
        assertThat(stale.stderr()).contains("process " + dead + " named in " + pidFile() + " is not running");

        Files.writeString(pidFile(), "nonsense\n");
        JarProcess garbage = servers.run("-s", "reload", "site.yaml");
        assertThat(exitStatus(garbage)).isEqualTo(1);
        assertThat(garbage.stderr()).contains("holds no process id");

        JarProcess unknown = servers.run("-s", "restart", "site.yaml");
        assertThat(exitStatus(unknown)).isEqualTo(2);
        assertThat(unknown.stderr()).contains("-s takes reload or stop");
    }

    @Test
    void aPidFileOfALiveProcessRefusesTheStartAndAStaleOneIsTakenOver() throws Exception {
        configure("www-a", "run/webserv.pid");
        long alive = ProcessHandle.current().pid(); // this test's JVM: surely running
        Files.writeString(pidFile(), alive + "\n");
        JarProcess refused = servers.run("site.yaml");
        assertThat(exitStatus(refused)).isEqualTo(1);
        assertThat(refused.stderr()).contains("names process " + alive + ", which is running");
        assertThat(Files.readString(pidFile())).as("left alone").isEqualTo(alive + "\n");

        Files.writeString(pidFile(), deadPid() + "\n");
        JarProcess server = servers.serve("site.yaml", port);
        assertThat(Poll.within(PATIENCE, () -> read(pidFile()).equals(server.pid() + "\n"))).isTrue();
        assertThat(get(port, "/")).isEqualTo("200 site A");
    }

    /** The id of a process that has ended (and been reaped). */
    private static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return process.pid();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
