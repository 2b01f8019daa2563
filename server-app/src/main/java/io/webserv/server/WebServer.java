package io.webserv.server;

import io.webserv.cgi.CgiHandler;
import io.webserv.config.model.IoOptions;
import io.webserv.config.model.WebservConfig;
import io.webserv.handlers.errors.ErrorPages;
import io.webserv.handlers.files.FileCache;
import io.webserv.handlers.files.MimeTypes;
import io.webserv.handlers.routing.RouteHandlerFactory;
import io.webserv.handlers.routing.VirtualHosts;
import io.webserv.http.parse.ParserLimits;
import io.webserv.http.syntax.DateHeader;
import io.webserv.net.BindOptions;
import io.webserv.net.NetOptions;
import io.webserv.net.SendBuffer;
import io.webserv.net.Reactor;
import io.webserv.net.WriteMode;
import io.webserv.server.http.AccessLog;
import io.webserv.server.http.HttpConnection;
import io.webserv.server.http.HttpContext;
import io.webserv.server.http.HttpTimeouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * webserv as a library: built from a {@link WebservConfig}, it binds every address, serves, and stops
 * gracefully. {@link Main} is a thin command line over it; tests start it on ephemeral ports.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    /** A bound socket and the names of the servers it carries, for the startup lines. */
    public record Listener(InetSocketAddress address, List<String> serverNames) {
    }

    private final WebservConfig config;
    private final Reactor reactor;
    private final HttpContext context;
    private final ExecutorService blocking;
    private final CgiHandler cgi;
    private final List<Listener> listeners = new ArrayList<>();

    private WebServer(WebservConfig config, MimeTypes mimeTypes) throws IOException {
        this.config = config;
        this.cgi = new CgiHandler(config.timeouts().cgi());
        this.blocking = Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
                daemonThreads("webserv-blocking-"));
        ParserLimits limits = ParserLimits.DEFAULT
                .withMaxRequestLineBytes((int) config.limits().uriBytes())
                .withMaxHeadBytes((int) config.limits().headerBytes())
                .withMaxBodyBytes(0); // per route, set by the connection once the route is known
        this.context = new HttpContext(limits, HttpTimeouts.of(config.timeouts().header(), config.timeouts().body(),
                config.timeouts().keepAlive(), config.timeouts().send()), blocking,
                new AccessLog(config.accessLog().kind() != io.webserv.config.model.AccessLog.Kind.OFF),
                new DateHeader(Clock.systemUTC()), new ErrorPages(mimeTypes), config.realIp());
        NetOptions options = NetOptions.defaults()
                .withWorkers(config.workers())
                .withMaxConnections(connectionCap(config.maxConnections()))
                .withWriteMode(config.io().write() == IoOptions.WriteMode.ON_READY
                        ? WriteMode.ON_READY : WriteMode.EAGER)
                .withSendBuffer(sendBuffer(config.io().sendBuffer()));
        this.reactor = new Reactor(options);
    }

    private static SendBuffer sendBuffer(IoOptions.SendBuffer configured) {
        return switch (configured.kind()) {
            case AUTO -> SendBuffer.AUTO;
            case KERNEL -> SendBuffer.KERNEL;
            case FIXED -> SendBuffer.fixed(configured.bytes());
        };
    }

    /** {@code max_connections}, lowered (with a warning) to what the file-descriptor limit has room for. */
    private static int connectionCap(int configured) {
        int allowed = FileDescriptorBudget.forThisProcess(configured);
        if (allowed < configured) {
            log.warn("max_connections {} exceeds what the open-file limit (ulimit -n) has room for: serving at most {}"
                    + " connections; raise the limit to serve more", configured, allowed);
        }
        return allowed;
    }

    /**
     * Binds every address of {@code config} and starts serving.
     *
     * @throws IOException when an address cannot be bound (the message names it); nothing stays open
     */
    public static WebServer start(WebservConfig config) throws IOException {
        MimeTypes mimeTypes = new MimeTypes(config.mimeTypes());
        WebServer server = new WebServer(config, mimeTypes);
        try {
            LiveStatistics statistics = new LiveStatistics(server.reactor, server.context.counters());
            FileCache files = config.io().fileCache() ? new FileCache() : FileCache.disabled();
            server.bindAll(new BuiltInRoutes(mimeTypes, files, server.cgi, HandlerModules.discover(), () -> statistics));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        server.reactor.start();
        return server;
    }

    private void bindAll(RouteHandlerFactory routes) throws IOException {
        for (ListenPlan.Socket socket : ListenPlan.of(config.servers())) {
            VirtualHosts sites = new VirtualHosts(socket.servers(), socket.localAddresses(), routes);
            boolean proxyProtocol = socket.options().proxyProtocol();
            InetSocketAddress bound = reactor.bind(socket.address(), new BindOptions(socket.options().reusePort()),
                    endpoint -> new HttpConnection(endpoint, context, sites, proxyProtocol));
            List<String> names = new ArrayList<>();
            socket.servers().forEach(s -> names.addAll(s.serverNames()));
            listeners.add(new Listener(bound, List.copyOf(names)));
        }
    }

    /** The sockets serving, in configuration order. */
    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /** Connections open now. */
    public int openConnections() {
        return reactor.openConnections();
    }

    /**
     * Stops accepting, lets in-flight responses finish (each closing its connection) for up to
     * {@code grace}, then closes whatever is left.
     */
    public void shutdown(Duration grace) {
        reactor.stopAccepting();
        context.startDraining();
        reactor.forEachConnection(handler -> {
            if (handler instanceof HttpConnection connection) {
                connection.closeIfIdle();
            }
        });
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (reactor.openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling a counter during shutdown: nothing else to wait on
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reactor.openConnections() > 0) {
            log.info("closing {} connections still open after {}", reactor.openConnections(), grace);
        }
        close();
    }

    @Override
    public void close() {
        reactor.close();
        cgi.close(); // kills the CGI scripts still running (SPEC §1)
        // Closing connections queued clean-up work (an aborted upload deletes its temp file): let the
        // queued tasks run before stopping the pool, for a moment at most.
        blocking.shutdown();
        try {
            if (!blocking.awaitTermination(2, TimeUnit.SECONDS)) {
                blocking.shutdownNow();
            }
        } catch (InterruptedException e) {
            blocking.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
