package io.webserv.handlers.files;

import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.api.Response;
import io.webserv.handlers.api.ResponseBody;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.HttpVersion;
import io.webserv.http.message.RequestHead;
import io.webserv.http.message.RequestTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Directory listings through the static file resolver, on a real tree: what is listed (hidden files,
 * links in and out of the root), the parent link at the route's top, index files winning.
 */
class AutoIndexTest {

    @TempDir
    Path temp;
    private Path www;
    private final StaticFileResolver resolver = new StaticFileResolver(MimeTypes.builtIn(), FileCache.disabled());

    @BeforeEach
    void tree() throws IOException {
        www = Files.createDirectories(temp.resolve("www"));
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(www.resolve("list/sub"));
        Files.writeString(www.resolve("list/a b&<c>.txt"), "12345");
        Files.writeString(www.resolve("list/.hidden"), "h");
        Files.writeString(www.resolve("list/target.txt"), "t");
        Files.createSymbolicLink(www.resolve("list/inside-link.txt"), www.resolve("list/target.txt"));
        Files.createSymbolicLink(www.resolve("list/leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(www.resolve("list/out"), outside);
        Files.createSymbolicLink(www.resolve("list/dangling"), www.resolve("nowhere"));
        Files.createDirectories(www.resolve("indexed"));
        Files.writeString(www.resolve("indexed/index.html"), "<h1>index</h1>");
    }

    private static RouteConfig route(String path, Path root, boolean alias, boolean autoindex) {
        return new RouteConfig(path, RouteConfig.DEFAULT_METHODS, root, alias, List.of("index.html"), autoindex,
                0, Map.of(), Optional.empty(), Optional.empty(), Map.of());
    }

    private FileReply get(RouteConfig route, String path) {
        RequestHead request = new RequestHead(HttpMethod.GET,
                new RequestTarget(RequestTarget.Form.ORIGIN, path, path, null, null, path),
                HttpVersion.HTTP_1_1, new HttpHeaders().freeze(), null, 0);
        return resolver.resolve(request, route, FileLocator.locate(route, path).orElseThrow());
    }

    private static String listing(FileReply reply) {
        assertThat(reply).isInstanceOf(FileReply.Send.class);
        Response response = ((FileReply.Send) reply).response();
        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(response.headers().get("Content-Type")).isEqualTo("text/html; charset=utf-8");
        return StandardCharsets.UTF_8.decode(((ResponseBody.Bytes) response.body()).data().duplicate()).toString();
    }

    @Test
    void listsWhatAClickCanReach() {
        String html = listing(get(route("/", www, false, true), "/list/"));

        assertThat(html).containsSubsequence("href=\"sub/\"", "href=\"a%20b%26%3Cc%3E.txt\"", "href=\"inside-link.txt\"",
                "href=\"target.txt\"");
        assertThat(html).contains("a b&amp;&lt;c&gt;.txt</a></td><td>5</td>");
        assertThat(html).doesNotContain(".hidden", "leak.txt", "\"out/\"", "dangling");
        assertThat(html).contains("<a href=\"../\">../</a>");
    }

    @Test
    void noParentAtTheTopOfTheRoute() {
        assertThat(listing(get(route("/", www, false, true), "/"))).doesNotContain("../");
        assertThat(listing(get(route("/files", www.resolve("list"), true, true), "/files/"))).doesNotContain("../");
        assertThat(listing(get(route("/files", www, true, true), "/files/list/"))).contains("href=\"../\"");
    }

    @Test
    void anIndexFileWinsOverTheListing() {
        FileReply reply = get(route("/", www, false, true), "/indexed/");

        assertThat(((FileReply.Send) reply).response().body()).isInstanceOf(ResponseBody.FileRegion.class);
        reply.release();
    }

    @Test
    void withoutAutoindexADirectoryIsForbidden() {
        FileReply reply = get(route("/", www, false, false), "/list/");

        assertThat(((FileReply.ErrorPage) reply).status()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aHugeDirectoryListsItsFirstEntriesAndHowManyMore() throws IOException {
        Path huge = Files.createDirectories(www.resolve("huge"));
        Files.createDirectories(huge.resolve("zz-dir")); // directories come first, whatever their name
        for (int i = 0; i < AutoIndex.MAX_ENTRIES + 2; i++) {
            Files.createFile(huge.resolve("f%05d".formatted(i)));
        }

        String html = listing(get(route("/", www, false, true), "/huge/"));

        assertThat(html.split("<tr><td><a href=\"", -1)).hasSize(1 + 1 + AutoIndex.MAX_ENTRIES); // + ../
        assertThat(html).containsSubsequence("href=\"zz-dir/\"", "href=\"f00000\"", "href=\"f%05d\"".formatted(AutoIndex.MAX_ENTRIES - 2));
        assertThat(html).doesNotContain("href=\"f%05d\"".formatted(AutoIndex.MAX_ENTRIES - 1));
        assertThat(html).contains("<p>3 more entries not listed.</p>");
    }
}
