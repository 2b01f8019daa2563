package io.webserv.cgi;

import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.handlers.api.BodyReceiver;
import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Response;
import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HostAndPort;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.HttpVersion;
import io.webserv.http.message.RequestHead;
import io.webserv.http.message.RequestTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cap on CGI runs counts a run from its request's arrival, not from its process's start: a chunked
 * body is spooled before the script starts, and a client trickling one must hold a place (and its
 * thread and buffers) like a running script does, or a flood of such requests would start threads
 * without bound. A run that ends gives its place back.
 */
class CgiRunCapTest {

    @TempDir
    Path dir;
    private CgiHandler handler;
    private RouteConfig route;

    @BeforeEach
    void setUp() throws Exception {
        Path script = Files.writeString(dir.resolve("echo.sh"), "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\n'\ncat\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        route = new RouteConfig("/", RouteConfig.DEFAULT_METHODS, dir, false, List.of(), false, 0, Map.of(),
                Optional.empty(), Optional.empty(), Map.of(".sh", ""));
        handler = new CgiHandler(Duration.ofSeconds(30), 2);
    }

    @AfterEach
    void tearDown() {
        handler.close();
    }

    @Test
    void runsWaitingForTheirChunkedBodyHoldTheirPlace() {
        StubExchange first = chunkedPost("/echo.sh");
        StubExchange second = chunkedPost("/echo.sh");
        StubExchange third = chunkedPost("/echo.sh");

        handler.handle(first);
        handler.handle(second);
        handler.handle(third);

        assertThat(first.receiver).as("first run started").isNotNull();
        assertThat(second.receiver).as("second run started").isNotNull();
        assertThat(third.errors).containsExactly(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(handler.runsInProgress()).isEqualTo(2);
        assertThat(handler.runningProcesses()).as("no script started: their bodies are still coming").isZero();
        first.clientLeaves();
        second.clientLeaves();
    }

    @Test
    void aRunThatEndsGivesItsPlaceBack() throws InterruptedException {
        StubExchange first = chunkedPost("/echo.sh");
        handler.handle(first);
        handler.handle(chunkedPost("/echo.sh"));
        first.clientLeaves();
        awaitRunsInProgress(1); // the run's thread wakes up and ends

        StubExchange later = chunkedPost("/echo.sh");
        handler.handle(later);

        assertThat(later.errors).isEmpty();
        assertThat(later.receiver).isNotNull();
        later.clientLeaves();
    }

    @Test
    void aRefusedRequestGivesItsPlaceBack() {
        for (int i = 0; i < 5; i++) {
            StubExchange missing = chunkedPost("/missing.sh");
            handler.handle(missing);
            assertThat(missing.errors).containsExactly(HttpStatus.NOT_FOUND);
        }
        assertThat(handler.runsInProgress()).isZero();
    }

    private void awaitRunsInProgress(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (handler.runsInProgress() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(handler.runsInProgress()).isEqualTo(expected);
    }

    private StubExchange chunkedPost(String path) {
        HttpHeaders headers = new HttpHeaders().add(HeaderNames.HOST, "a").add("Transfer-Encoding", "chunked").freeze();
        RequestHead head = new RequestHead(HttpMethod.POST,
                new RequestTarget(RequestTarget.Form.ORIGIN, path, path, null, null, path),
                HttpVersion.HTTP_1_1, headers, new HostAndPort("a", -1), -1);
        return new StubExchange(head, route);
    }

    /** An exchange whose executors run tasks at once on the calling thread, recording what the handler does. */
    private static final class StubExchange implements Exchange {
        private final RequestHead request;
        private final RouteConfig route;
        final List<HttpStatus> errors = new ArrayList<>();
        final List<Runnable> abortActions = new ArrayList<>();
        BodyReceiver receiver;
        boolean open = true;

        StubExchange(RequestHead request, RouteConfig route) {
            this.request = request;
            this.route = route;
        }

        /** The client disconnects: what the server does then (the run is cancelled, its script killed). */
        void clientLeaves() {
            open = false;
            abortActions.forEach(Runnable::run);
        }

        @Override
        public RequestHead request() {
            return request;
        }

        @Override
        public ServerConfig server() {
            return new ServerConfig(List.of(), List.of(), List.of(route));
        }

        @Override
        public RouteConfig route() {
            return route;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 40000);
        }

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress("127.0.0.1", 8080);
        }

        @Override
        public void receiveBody(BodyReceiver bodyReceiver) {
            receiver = bodyReceiver;
        }

        @Override
        public void pauseBody() {
        }

        @Override
        public void resumeBody() {
        }

        @Override
        public void respond(Response response) {
        }

        @Override
        public void respondError(HttpStatus status, HttpHeaders extraHeaders) {
            errors.add(status);
        }

        @Override
        public void redirectInternally(String path) {
        }

        @Override
        public Executor blockingExecutor() {
            return Runnable::run;
        }

        @Override
        public Executor eventLoop() {
            return Runnable::run;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void onAbort(Runnable action) {
            abortActions.add(action);
        }
    }
}
