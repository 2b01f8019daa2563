package io.webserv.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code -t} checks of SPEC §1 ({@link Validation#FULL}), on real files. */
class FullValidationTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void site() throws IOException {
        Files.createDirectories(dir.resolve("www"));
        Files.createDirectories(dir.resolve("uploads"));
        file = dir.resolve("webserv.yaml");
    }

    private List<String> errors(String yaml) throws IOException {
        Files.writeString(file, yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, Validation.FULL));
        assertThat(e).as("expected a ConfigException").isNotNull();
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    private Path script(String name, String permissions) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString(permissions));
        return script;
    }

    @Test
    void aGoodSitePasses() throws Exception {
        Path python = script("python", "rwxr-xr-x");
        Files.writeString(file, """
                servers:
                  - root: www
                    server_names: [a.example]
                    routes:
                      - { path: /up, upload_dir: uploads, cgi: { .py: %s, .sh: "" } }
                  - root: www
                    server_names: [b.example]
                  - root: www
                    listen: 8081
                """.formatted(python));

        assertThat(ConfigLoader.load(file, Validation.FULL).servers()).hasSize(3);
    }

    @Test
    void missingDirectoriesAreErrorsAtTheirValue() throws Exception {
        Files.writeString(dir.resolve("afile"), "");

        assertThat(errors("""
                servers:
                  - root: nowhere
                    routes:
                      - path: /a
                        root: afile
                      - path: /up
                        root: www
                        upload_dir: no-uploads
                """)).containsExactly(
                file + ":2:11: 'root' " + dir.resolve("nowhere") + " does not exist",
                file + ":5:15: 'root' " + dir.resolve("afile") + " is not a directory",
                file + ":8:21: 'upload_dir' " + dir.resolve("no-uploads") + " does not exist");
    }

    @Test
    void anUploadDirectoryMustBeWritable() throws Exception {
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeFalse(Files.isWritable(readOnly), "running as root: permissions do not bind");
        assertThat(errors("servers: [{ root: www, routes: [{ path: /, upload_dir: ro }] }]\n"))
                .containsExactly(file + ":1:53: 'upload_dir' " + readOnly + " is not writable");
    }

    @Test
    void interpretersMustBeExecutableFiles() throws Exception {
        Path notExecutable = script("plain", "rw-r--r--");

        List<String> errors = errors("""
                servers:
                  - root: www
                    routes:
                      - path: /cgi-bin
                        cgi:
                          .py: %s
                          .pl: missing/perl
                          .rb: www
                          .sh: ""
                """.formatted(notExecutable));

        assertThat(errors).containsExactly(
                file + ":6:16: CGI interpreter for '.py' " + notExecutable + " is not executable",
                file + ":7:16: CGI interpreter for '.pl' " + dir.resolve("missing/perl") + " does not exist",
                file + ":8:16: CGI interpreter for '.rb' " + dir.resolve("www") + " is not a file");
    }

    @Test
    void aListenAddressAndServerNameClaimedTwiceIsAnError() throws Exception {
        assertThat(errors("""
                servers:
                  - root: www
                    listen: [8080, "127.0.0.1:9090"]
                    server_names: [a.example, b.example]
                  - root: www
                    listen: 8080
                    server_names: [c.example, A.Example]
                  - root: www
                    listen: "127.0.0.1:9090"
                  - root: www
                    listen: "127.0.0.1:9090"
                    server_names: [b.example]
                  - root: www
                    listen: 9090
                  - root: www
                    listen: 9090
                """)).containsExactly(
                file + ":7:31: duplicate listen address and server name: another server with server name 'a.example' "
                        + "already listens on *:8080 (at 4:20)",
                file + ":12:20: duplicate listen address and server name: another server with server name 'b.example' "
                        + "already listens on 127.0.0.1:9090 (at 4:31)",
                file + ":16:13: duplicate listen address and server name: another server with no server_names "
                        + "already listens on *:9090 (at 14:13)");
    }

    @Test
    void schemaErrorsAndFilesystemErrorsComeTogetherInFileOrder() throws Exception {
        assertThat(errors("""
                servers:
                  - root: nowhere
                    autoindex: sometimes
                """)).containsExactly(
                file + ":2:11: 'root' " + dir.resolve("nowhere") + " does not exist",
                file + ":3:16: 'autoindex' must be true or false (got a string)");
    }

    @Test
    void withoutFullValidationTheFilesystemIsNotLookedAt() throws Exception {
        Files.writeString(file, "servers: [{ root: nowhere, routes: [{ path: /, cgi: { .py: /no/python } }] }]\n");

        assertThat(ConfigLoader.load(file).servers()).hasSize(1);
    }
}
