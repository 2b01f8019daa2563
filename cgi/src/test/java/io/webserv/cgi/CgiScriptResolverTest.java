package io.webserv.cgi;

import io.webserv.cgi.CgiScriptResolver.Resolution;
import io.webserv.config.model.RouteConfig;
import io.webserv.http.message.HttpStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CgiScriptResolverTest {

    @TempDir
    Path dir;
    private Path root;
    private RouteConfig alias;

    @BeforeEach
    void files() throws IOException {
        root = Files.createDirectories(dir.resolve("cgi-bin"));
        Files.writeString(root.resolve("env.py"), "print()");
        Files.createDirectories(root.resolve("sub/dir.py"));
        Files.writeString(root.resolve("sub/dir.py/inner.py"), "print()");
        Path shell = Files.writeString(root.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(shell, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(root.resolve("plain.sh"), "#!/bin/sh\n");
        Files.writeString(root.resolve("readme.txt"), "text");
        alias = route("/cgi-bin", root, true, Map.of(".py", "/bin/sh", ".sh", ""));
    }

    private static RouteConfig route(String path, Path root, boolean replaces, Map<String, String> cgi) {
        return new RouteConfig(path, Set.of("GET", "POST"), root, replaces, List.of(), false, 0, Map.of(),
                Optional.empty(), Optional.empty(), cgi);
    }

    private CgiScript found(RouteConfig route, String path) {
        Resolution resolution = CgiScriptResolver.resolve(route, path);
        assertThat(resolution).isInstanceOf(Resolution.Found.class);
        return ((Resolution.Found) resolution).script();
    }

    private HttpStatus refused(RouteConfig route, String path) {
        Resolution resolution = CgiScriptResolver.resolve(route, path);
        assertThat(resolution).isInstanceOf(Resolution.Refused.class);
        return ((Resolution.Refused) resolution).status();
    }

    @Test
    void theScriptIsTheFirstFileWithACgiExtensionAndTheRestIsPathInfo() throws IOException {
        CgiScript script = found(alias, "/cgi-bin/env.py/extra/path");

        assertThat(script.file()).isEqualTo(root.resolve("env.py").toRealPath());
        assertThat(script.scriptName()).isEqualTo("/cgi-bin/env.py");
        assertThat(script.pathInfo()).isEqualTo("/extra/path");
        assertThat(script.interpreter()).isEqualTo("/bin/sh");
        assertThat(script.directory()).isEqualTo(root.toRealPath());
        assertThat(script.command()).containsExactly("/bin/sh", script.file().toString());
    }

    @Test
    void withoutPathInfo() {
        assertThat(found(alias, "/cgi-bin/env.py").pathInfo()).isEmpty();
        assertThat(found(alias, "/cgi-bin/env.py/").pathInfo()).isEqualTo("/");
    }

    @Test
    void aDirectoryNamedLikeAScriptIsWalkedThrough() {
        CgiScript script = found(alias, "/cgi-bin/sub/dir.py/inner.py/info");
        assertThat(script.scriptName()).isEqualTo("/cgi-bin/sub/dir.py/inner.py");
        assertThat(script.pathInfo()).isEqualTo("/info");
    }

    @Test
    void anEmptyInterpreterRunsTheFileWhichMustBeExecutable() {
        CgiScript script = found(alias, "/cgi-bin/run.sh");
        assertThat(script.command()).containsExactly(script.file().toString());
        assertThat(refused(alias, "/cgi-bin/plain.sh")).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void aMissingInterpreterIs500() {
        RouteConfig broken = route("/cgi-bin", root, true, Map.of(".py", "/nonexistent/python"));
        assertThat(refused(broken, "/cgi-bin/env.py")).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void missingScriptsAre404() {
        assertThat(refused(alias, "/cgi-bin/missing.py")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused(alias, "/cgi-bin/missing.py/x")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused(alias, "/cgi-bin/readme.txt")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused(alias, "/cgi-bin/env.py.txt/x")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aLinkOutOfTheRootIsRefused() throws IOException {
        Path outside = Files.writeString(dir.resolve("secret.py"), "print()");
        Files.createSymbolicLink(root.resolve("link.py"), outside);
        assertThat(refused(alias, "/cgi-bin/link.py")).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aRouteWithoutItsOwnRootAppendsTheWholePath() throws IOException {
        RouteConfig nginxRoot = route("/cgi-bin", dir, false, Map.of(".py", "/bin/sh"));
        CgiScript script = found(nginxRoot, "/cgi-bin/env.py/a");
        assertThat(script.file()).isEqualTo(root.resolve("env.py").toRealPath());
        assertThat(script.scriptName()).isEqualTo("/cgi-bin/env.py");
    }

    @Test
    void namesScriptIsLexicalAndLooksOnlyBelowTheRoot() {
        assertThat(CgiScriptResolver.namesScript(alias, "/cgi-bin/env.py")).isTrue();
        assertThat(CgiScriptResolver.namesScript(alias, "/cgi-bin/anything.sh/x/y")).isTrue();
        assertThat(CgiScriptResolver.namesScript(alias, "/cgi-bin/readme.txt")).isFalse();
        assertThat(CgiScriptResolver.namesScript(alias, "/cgi-bin/")).isFalse();
        assertThat(CgiScriptResolver.namesScript(alias, "/cgi-bin/.py")).isFalse();
        assertThat(CgiScriptResolver.namesScript(alias, "/cgi-bin/x.PY")).isFalse();
        RouteConfig prefixed = route("/app.py", root, true, Map.of(".py", ""));
        assertThat(CgiScriptResolver.namesScript(prefixed, "/app.py/index.html")).isFalse();
        RouteConfig none = route("/cgi-bin", root, true, Map.of());
        assertThat(CgiScriptResolver.namesScript(none, "/cgi-bin/env.py")).isFalse();
    }
}
