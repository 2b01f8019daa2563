package io.webserv.it.cgi;

import io.webserv.it.support.Poll;
import io.webserv.it.support.TestFiles;
import io.webserv.it.support.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * A site with the test scripts of {@code src/test/resources/cgi} in {@code cgi-bin} (made executable),
 * a static {@code www}, and a way to follow the scripts' processes through {@code /proc}: scripts write
 * their pid to {@code cgi-bin/pids/TAG.pid}.
 */
public final class CgiSite {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path PHP_CGI = Path.of("/usr/bin/php-cgi");

    private CgiSite() {
    }

    /** The YAML of a server on a free port with a {@code /cgi-bin} route and {@code timeouts.cgi}. */
    static String config(String cgiTimeout) throws IOException {
        return config(cgiTimeout, TestServer.freePort());
    }

    static String config(String cgiTimeout, int port) {
        return """
                access_log: off
                timeouts: { cgi: %s }
                servers:
                  - listen: ["127.0.0.1:%d"]
                    root: www
                    routes:
                      - path: /
                        methods: [GET]
                      - path: /cgi-bin
                        root: cgi-bin
                        methods: [GET, POST]
                        client_max_body_size: 20m
                        cgi:
                          .py: /usr/bin/python3
                          .sh: ""
                          .php: /usr/bin/php-cgi
                          .missing: /nonexistent/interpreter
                """.formatted(cgiTimeout, port);
    }

    /** Copies the scripts into {@code dir/cgi-bin}, writes {@code dir/www}, starts the server. */
    static TestServer start(Path dir, String cgiTimeout) throws Exception {
        prepare(dir);
        return TestServer.start(dir, config(cgiTimeout));
    }

    /** The directories and scripts, without a server. */
    public static void prepare(Path dir) throws IOException, URISyntaxException {
        Path cgiBin = Files.createDirectories(dir.resolve("cgi-bin"));
        Files.createDirectories(cgiBin.resolve("pids"));
        URL scripts = CgiSite.class.getResource("/cgi");
        try (Stream<Path> files = Files.list(Path.of(scripts.toURI()))) {
            for (Path script : files.toList()) {
                Path copy = Files.copy(script, cgiBin.resolve(script.getFileName().toString()));
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.writeString(cgiBin.resolve("noexec.sh"), "#!/bin/sh\necho never\n");
        TestFiles.write(dir, "www/hello.txt", "hello, static\n");
    }

    /** The pid a script wrote to {@code cgi-bin/pids/NAME}, waiting for it. */
    public static long awaitPid(Path dir, String name) throws InterruptedException {
        Path file = dir.resolve("cgi-bin/pids/" + name);
        if (!Poll.within(Duration.ofSeconds(10), () -> Files.exists(file))) {
            throw new AssertionError("no " + file + " within 10 s");
        }
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
