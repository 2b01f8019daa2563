package io.webserv.it.fleet;

import io.webserv.it.support.RepositoryFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The front-end and service files under {@code packaging/} pass their own tools' checks, as written:
 * HAProxy's always (the fleet profile needs haproxy), nginx's and systemd's where those are installed.
 */
class PackagingToolsTest {

    private static final long TOOL_SECONDS = 30;

    @TempDir
    Path dir;

    /** What a tool printed (standard output and error together) and its exit status. */
    private record Result(int status, String output) {
    }

    @Test
    void haproxyAcceptsTheExampleAsWritten() throws Exception {
        Path haproxy = HaProxy.executable().orElseThrow(() -> new AssertionError("haproxy is not installed"));
        Result check = run(haproxy.toString(), "-c", "-f", RepositoryFile.ROOT.resolve(HaProxy.TEMPLATE).toString());

        assertThat(check.status()).as("haproxy -c:%n%s", check.output()).isZero();
        assertThat(check.output()).as("no warning").doesNotContainIgnoringCase("warning");
    }

    /** The example is an http-block fragment (conf.d): nginx checks it inside a minimal main file. */
    @Test
    void nginxAcceptsTheExample() throws Exception {
        Optional<Path> nginx = Executables.find("nginx");
        assumeTrue(nginx.isPresent(), "nginx is not installed");
        Path main = Files.writeString(dir.resolve("nginx.conf"), """
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events {}
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %2$s;
                }
                """.formatted(dir, RepositoryFile.ROOT.resolve("packaging/nginx/webserv.conf")));
        Result check = run(nginx.orElseThrow().toString(), "-t", "-p", dir.toString(),
                "-e", dir.resolve("error.log").toString(), "-c", main.toString());

        assertThat(check.status()).as("nginx -t:%n%s", check.output()).isZero();
        assertThat(check.output()).contains("test is successful").doesNotContain("[warn]");
    }

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Optional<Path> analyze = Executables.find("systemd-analyze");
        assumeTrue(analyze.isPresent(), "systemd-analyze is not installed");
        Result verify = run(analyze.orElseThrow().toString(), "verify",
                RepositoryFile.ROOT.resolve("packaging/systemd/webserv.service").toString());

        assertThat(verify.status()).as("systemd-analyze verify:%n%s", verify.output()).isZero();
        assertThat(verify.output()).as("systemd-analyze verify says nothing of the unit")
                .doesNotContain("webserv.service");
    }

    private Result run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "tool-", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(TOOL_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " still runs after " + TOOL_SECONDS + " s");
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
