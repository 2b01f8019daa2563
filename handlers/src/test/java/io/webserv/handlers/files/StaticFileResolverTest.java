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
import io.webserv.http.parse.PathNormalizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The blocking half of the static file handler against a real directory tree: path mapping, symbolic
 * links, directories, errors, and the response for a file. The handler's hand-offs between threads are
 * covered end to end by the integration tests.
 */
class StaticFileResolverTest {

    private static final String HELLO = "Hello, static world!\n";

    @TempDir
    Path temp;
    private Path www;
    private Path outside;
    private final StaticFileResolver resolver = new StaticFileResolver(MimeTypes.builtIn(), FileCache.disabled());
    private final List<FileReply> replies = new ArrayList<>();

    @BeforeEach
    void tree() throws IOException {
        www = Files.createDirectories(temp.resolve("www"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(www.resolve("hello.txt"), HELLO);
        Files.createDirectories(www.resolve("docs"));
        Files.writeString(www.resolve("docs/index.html"), "<h1>docs</h1>");
        Files.createDirectories(www.resolve("empty-dir"));
    }

    @AfterEach
    void closeFiles() {
        replies.forEach(FileReply::release);
    }

    // --- requests ------------------------------------------------------------------------------------

    private FileReply get(String target, String... headerNameValues) {
        return resolve(RouteConfig.serving("/", www), HttpMethod.GET, target, headerNameValues);
    }

    private FileReply resolve(RouteConfig route, HttpMethod method, String target, String... headerNameValues) {
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        String rawQuery = question < 0 ? null : target.substring(question + 1);
        String path = PathNormalizer.normalize(rawPath);
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < headerNameValues.length; i += 2) {
            headers.add(headerNameValues[i], headerNameValues[i + 1]);
        }
        RequestHead request = new RequestHead(method,
                new RequestTarget(RequestTarget.Form.ORIGIN, target, rawPath, rawQuery, null, path),
                HttpVersion.HTTP_1_1, headers.freeze(), null, 0);
        Optional<Path> file = FileLocator.locate(route, path);
        assertThat(file).as("located").isPresent();
        FileReply reply = resolver.resolve(request, route, file.get());
        replies.add(reply);
        return reply;
    }

    private static Response sent(FileReply reply) {
        assertThat(reply).isInstanceOf(FileReply.Send.class);
        return ((FileReply.Send) reply).response();
    }

    private static HttpStatus errorStatus(FileReply reply) {
        assertThat(reply).isInstanceOf(FileReply.ErrorPage.class);
        return ((FileReply.ErrorPage) reply).status();
    }

    private static String bodyText(Response response) throws IOException {
        assertThat(response.body()).isInstanceOf(ResponseBody.FileRegion.class);
        ResponseBody.FileRegion region = (ResponseBody.FileRegion) response.body();
        ByteBuffer buffer = ByteBuffer.allocate((int) region.count());
        region.file().read(buffer, region.position());
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }

    // --- files ---------------------------------------------------------------------------------------

    @Test
    void servesAFileWithItsValidators() throws IOException {
        FileTime mtime = FileTime.fromMillis(1_700_000_000_123L);
        Files.setLastModifiedTime(www.resolve("hello.txt"), mtime);

        Response response = sent(get("/hello.txt"));

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(bodyText(response)).isEqualTo(HELLO);
        assertThat(response.body().length()).isEqualTo(HELLO.length());
        HttpHeaders headers = response.headers();
        assertThat(headers.get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(headers.get("ETag")).isEqualTo("\"" + Long.toHexString(1_700_000_000_123L) + "-"
                + Long.toHexString(HELLO.length()) + "\"");
        assertThat(headers.get("Last-Modified")).isEqualTo("Tue, 14 Nov 2023 22:13:20 GMT");
        assertThat(headers.get("Accept-Ranges")).isEqualTo("bytes");
        assertThat(headers.contains("Content-Range")).isFalse();
    }

    @Test
    void headGetsTheSameRegionAndIgnoresRange() throws IOException {
        Response response = sent(resolve(RouteConfig.serving("/", www), HttpMethod.HEAD, "/hello.txt", "Range", "bytes=0-1"));
        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(response.body().length()).isEqualTo(HELLO.length());
    }

    @Test
    void anEmptyFileHasAnEmptyBody() throws IOException {
        Files.createFile(www.resolve("empty.css"));
        Response response = sent(get("/empty.css"));
        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(response.body()).isSameAs(ResponseBody.EMPTY);
        assertThat(response.headers().get("Content-Type")).isEqualTo("text/css; charset=utf-8");
    }

    @Test
    void aliasRouteServesFromItsOwnRoot() throws IOException {
        RouteConfig alias = new RouteConfig("/kapouet", RouteConfig.DEFAULT_METHODS, outside, true, List.of("index.html"),
                false, 0, Map.of(), Optional.empty(), Optional.empty(), Map.of());
        assertThat(bodyText(sent(resolve(alias, HttpMethod.GET, "/kapouet/secret.txt")))).isEqualTo("secret");
    }

    // --- conditionals and ranges ---------------------------------------------------------------------

    @Test
    void revalidationGives304WithValidatorsAndNoBody() {
        HttpHeaders first = sent(get("/hello.txt")).headers();

        Response response = sent(get("/hello.txt", "If-None-Match", first.get("ETag")));

        assertThat(response.status()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(response.body().length()).isZero();
        assertThat(response.headers().get("ETag")).isEqualTo(first.get("ETag"));
        assertThat(response.headers().get("Last-Modified")).isEqualTo(first.get("Last-Modified"));
        assertThat(sent(get("/hello.txt", "If-Modified-Since", first.get("Last-Modified"))).status())
                .isEqualTo(HttpStatus.NOT_MODIFIED);
    }

    @Test
    void failedIfMatchIs412() {
        assertThat(errorStatus(get("/hello.txt", "If-Match", "\"stale\""))).isEqualTo(HttpStatus.PRECONDITION_FAILED);
    }

    @Test
    void singleRangeIs206() throws IOException {
        Response response = sent(get("/hello.txt", "Range", "bytes=7-12"));
        assertThat(response.status()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
        assertThat(bodyText(response)).isEqualTo("static");
        assertThat(response.headers().get("Content-Range")).isEqualTo("bytes 7-12/" + HELLO.length());

        assertThat(bodyText(sent(get("/hello.txt", "Range", "bytes=-7")))).isEqualTo("world!\n");
    }

    @Test
    void unsatisfiableRangeIs416WithTheLength() {
        FileReply reply = get("/hello.txt", "Range", "bytes=500-");
        assertThat(errorStatus(reply)).isEqualTo(HttpStatus.RANGE_NOT_SATISFIABLE);
        assertThat(((FileReply.ErrorPage) reply).headers().get("Content-Range")).isEqualTo("bytes */" + HELLO.length());
    }

    @Test
    void staleIfRangeGetsTheWholeFile() {
        Response response = sent(get("/hello.txt", "Range", "bytes=0-1", "If-Range", "\"old\""));
        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(response.body().length()).isEqualTo(HELLO.length());
    }

    // --- directories ---------------------------------------------------------------------------------

    @Test
    void directoryWithoutSlashRedirectsKeepingEncodingAndQuery() throws IOException {
        Files.createDirectories(www.resolve("a b"));
        FileReply reply = get("/a%20b?x=1&y");
        assertThat(errorStatus(reply)).isEqualTo(HttpStatus.MOVED_PERMANENTLY);
        assertThat(((FileReply.ErrorPage) reply).headers().get("Location")).isEqualTo("/a%20b/?x=1&y");
    }

    @Test
    void redirectNeverPointsToAnotherHost() {
        RequestTarget target = new RequestTarget(RequestTarget.Form.ORIGIN, "//evil.example", "//evil.example", null, null,
                "/evil.example");
        assertThat(StaticFileResolver.slashLocation(target)).isEqualTo("/evil.example/");
        RequestTarget backslash = new RequestTarget(RequestTarget.Form.ORIGIN, "/\\evil", "/\\evil", "", null, "/\\evil");
        assertThat(StaticFileResolver.slashLocation(backslash)).isEqualTo("/evil/?");
    }

    @Test
    void directoryWithSlashServesTheFirstExistingIndex() throws IOException {
        Files.writeString(www.resolve("docs/index.htm"), "htm");
        RouteConfig route = new RouteConfig("/", RouteConfig.DEFAULT_METHODS, www, false,
                List.of("missing.html", "index.htm", "index.html"), false, 0, Map.of(), Optional.empty(), Optional.empty(),
                Map.of());
        Response response = sent(resolve(route, HttpMethod.GET, "/docs/"));
        assertThat(bodyText(response)).isEqualTo("htm");
        assertThat(response.headers().get("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(bodyText(sent(get("/docs/")))).isEqualTo("<h1>docs</h1>");
    }

    @Test
    void directoryWithoutIndexIsForbidden() {
        assertThat(errorStatus(get("/empty-dir/"))).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anIndexThatIsADirectoryIsSkipped() throws IOException {
        Files.createDirectories(www.resolve("empty-dir/index.html"));
        assertThat(errorStatus(get("/empty-dir/"))).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // --- errors --------------------------------------------------------------------------------------

    @Test
    void missingIs404() {
        assertThat(errorStatus(get("/nope.html"))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(errorStatus(get("/nope/deeper.html"))).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void pathThroughAFileIs404() {
        assertThat(errorStatus(get("/hello.txt/more"))).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void overlongNameIs404() {
        assertThat(errorStatus(get("/" + "n".repeat(300)))).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aFifoIsNeverOpened() throws Exception {
        Path fifo = www.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo available");
        FileReply reply;
        try {
            // Opening a FIFO blocks until a writer comes: fail in time rather than hang the build.
            reply = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> get("/pipe"));
        } catch (AssertionFailedError timedOut) {
            unblockReaderOf(fifo);
            throw timedOut;
        }
        assertThat(errorStatus(reply)).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** Opens {@code fifo} for writing once, which lets a reader stuck in open() go on. */
    private static void unblockReaderOf(Path fifo) {
        Thread writer = new Thread(() -> {
            try (FileChannel ignored = FileChannel.open(fifo, StandardOpenOption.WRITE)) {
                // opening is enough
            } catch (IOException ignored) {
                // nothing more to free
            }
        });
        writer.setDaemon(true);
        writer.start();
    }

    @Test
    void unreadableFileIs403() throws IOException {
        Path locked = www.resolve("locked.txt");
        Files.writeString(locked, "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(locked), "not running as root");
        assertThat(errorStatus(get("/locked.txt"))).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // --- symbolic links ------------------------------------------------------------------------------

    @Test
    void linkToAFileOutsideTheRootIs403() throws IOException {
        Files.createSymbolicLink(www.resolve("leak.txt"), outside.resolve("secret.txt"));
        assertThat(errorStatus(get("/leak.txt"))).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void linkToADirectoryOutsideTheRootIs403EvenForMissingFiles() throws IOException {
        Files.createSymbolicLink(www.resolve("out"), outside);
        assertThat(errorStatus(get("/out/secret.txt"))).isEqualTo(HttpStatus.FORBIDDEN);
        // a 404 here would tell the client which files exist outside the root
        assertThat(errorStatus(get("/out/absent.txt"))).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void linkWithinTheRootIsServed() throws IOException {
        Files.createSymbolicLink(www.resolve("alias.txt"), Path.of("hello.txt"));
        assertThat(bodyText(sent(get("/alias.txt")))).isEqualTo(HELLO);
    }

    @Test
    void rootThatIsItselfALinkStillWorks() throws IOException {
        Path linkedRoot = Files.createSymbolicLink(temp.resolve("www-link"), www);
        RouteConfig route = RouteConfig.serving("/", linkedRoot);
        assertThat(bodyText(sent(resolve(route, HttpMethod.GET, "/hello.txt")))).isEqualTo(HELLO);
    }

    @Test
    void linkLoopIs403() throws IOException {
        Files.createSymbolicLink(www.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(www.resolve("loop2"), Path.of("loop1"));
        assertThat(errorStatus(get("/loop1"))).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void missingRootIs404() {
        RouteConfig route = RouteConfig.serving("/", temp.resolve("no-such-root"));
        assertThat(errorStatus(resolve(route, HttpMethod.GET, "/hello.txt"))).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
