package io.webserv.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.webserv.config.model.AccessLog;
import io.webserv.config.model.IoOptions;
import io.webserv.config.model.Limits;
import io.webserv.config.model.ListenAddress;
import io.webserv.config.model.Redirect;
import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.config.model.Timeouts;
import io.webserv.config.model.WebservConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of SPEC §2, copied verbatim into {@code spec-example.yaml}, loads with every value as written. */
class SpecExampleTest {

    @TempDir
    Path dir;

    static String specExample() throws IOException {
        try (InputStream in = SpecExampleTest.class.getResourceAsStream("/spec-example.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyValueOfTheExampleIsBound() throws Exception {
        Path file = dir.resolve("webserv.yaml");
        Files.writeString(file, specExample());

        WebservConfig config = ConfigLoader.load(file);

        assertThat(config.workers()).isEqualTo(1);
        assertThat(config.maxConnections()).isEqualTo(10_000);
        assertThat(config.timeouts()).isEqualTo(new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(75), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ZERO));
        assertThat(config.limits()).isEqualTo(new Limits(16 * 1024, 8 * 1024));
        assertThat(config.accessLog()).isEqualTo(AccessLog.STDOUT);
        assertThat(config.mimeTypes()).isEqualTo(Map.of("wasm", "application/wasm"));
        assertThat(config.io().write()).isEqualTo(IoOptions.WriteMode.EAGER);
        assertThat(config.io().fileCache()).as("on by default").isTrue();
        assertThat(config.servers()).hasSize(1);

        ServerConfig server = config.servers().get(0);
        assertThat(server.listen()).containsExactly(new ListenAddress(null, 8080),
                new ListenAddress("127.0.0.1", 8081), new ListenAddress("::1", 8080));
        assertThat(server.serverNames()).containsExactly("example.com", "www.example.com");
        Map<Integer, String> pages = Map.of(404, "/errors/404.html", 500, "/errors/50x.html");
        assertThat(server.errorPages()).isEqualTo(pages);
        assertThat(server.routes()).extracting(RouteConfig::path)
                .containsExactly("/", "/kapouet", "/old", "/uploads", "/cgi-bin");

        Path www = dir.resolve("www");
        List<String> index = List.of("index.html", "index.htm");
        long oneMeg = 1024 * 1024;
        assertThat(server.routes().get(0)).isEqualTo(new RouteConfig("/", RouteConfig.DEFAULT_METHODS, www, false,
                index, false, oneMeg, pages, Optional.empty(), Optional.empty(), Map.of()));
        assertThat(server.routes().get(1)).isEqualTo(new RouteConfig("/kapouet", RouteConfig.DEFAULT_METHODS,
                Path.of("/tmp/www"), true, List.of("index.html"), true, oneMeg, pages, Optional.empty(),
                Optional.empty(), Map.of()));
        assertThat(server.routes().get(2)).isEqualTo(new RouteConfig("/old", RouteConfig.DEFAULT_METHODS, www, false,
                index, false, oneMeg, pages, Optional.of(new Redirect(301, "/new")), Optional.empty(), Map.of()));
        RouteConfig uploads = server.routes().get(3);
        assertThat(uploads.methods()).containsExactly("GET", "HEAD", "POST", "DELETE");
        assertThat(uploads.root()).isEqualTo(dir.resolve("uploads"));
        assertThat(uploads.rootReplacesPrefix()).isTrue();
        assertThat(uploads.uploadDir()).contains(dir.resolve("uploads"));
        assertThat(uploads.clientMaxBodySize()).isEqualTo(100 * oneMeg);
        RouteConfig cgi = server.routes().get(4);
        assertThat(cgi.methods()).containsExactly("GET", "HEAD", "POST");
        assertThat(cgi.root()).isEqualTo(dir.resolve("cgi-bin"));
        assertThat(cgi.cgi()).isEqualTo(Map.of(".py", "/usr/bin/python3", ".php", "/usr/bin/php-cgi", ".sh", ""));
        assertThat(cgi.redirect()).isEmpty();
        assertThat(cgi.uploadDir()).isEmpty();
    }

    /** With the directories and interpreters it names in place, the example passes {@code -t} too. */
    @Test
    void theExamplePassesTheFullChecksWhenItsDirectoriesExist() throws Exception {
        for (String name : List.of("www", "uploads", "cgi-bin", "alias")) {
            Files.createDirectory(dir.resolve(name));
        }
        Path python = executable("python3");
        Path php = executable("php-cgi");
        String yaml = specExample().replace("/tmp/www", dir.resolve("alias").toString())
                .replace("/usr/bin/python3", python.toString()).replace("/usr/bin/php-cgi", php.toString());
        Path file = dir.resolve("webserv.yaml");
        Files.writeString(file, yaml);

        WebservConfig config = ConfigLoader.load(file, Validation.FULL);

        assertThat(config.servers().get(0).routes().get(1).root()).isEqualTo(dir.resolve("alias"));
    }

    private Path executable(String name) throws IOException {
        Path file = Files.createDirectories(dir.resolve("bin")).resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
