package io.webserv.server;

import io.webserv.cgi.CgiHandler;
import io.webserv.config.model.IoOptions;
import io.webserv.config.model.WebservConfig;
import io.webserv.handlers.errors.ErrorPages;
import io.webserv.handlers.files.FileCache;
import io.webserv.handlers.files.MimeTypes;
import io.webserv.handlers.routing.VirtualHosts;
import io.webserv.http.parse.ParserLimits;
import io.webserv.http.syntax.DateHeader;
import io.webserv.net.NetOptions;
import io.webserv.net.SendBuffer;
import io.webserv.net.Reactor;
import io.webserv.net.WriteMode;
import io.webserv.server.http.AccessLog;
import io.webserv.server.http.HttpConnection;
import io.webserv.server.http.HttpContext;
import io.webserv.server.http.HttpTimeouts;
import io.webserv.server.http.Sites;
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

    /** Replaced by {@link #reconfigure}, under this object's lock; read by any thread. */
    private volatile WebservConfig config;
    private final Reactor reactor;
    private final HttpContext context;
    private final ExecutorService blocking;
    private final CgiHandler cgi;
    private final HandlerModules modules = HandlerModules.discover();
    private final LiveStatistics statistics;
    private final ListenerSockets sockets;
    /** Small static files in memory, shared by every route (the handlers that change files empty it). */
    private FileCache files;
    /**
     * Set by {@link #startDrain}, {@link #shutdown} and {@link #close}: a reload must not open listeners
     * on a stopping server.
     */
    private volatile boolean stopping;
    /** Raised when a drain starts: the health module answers 503 from then on. */
    private final DrainFlag drain = new DrainFlag();

    private WebServer(WebservConfig config) throws IOException {
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
                AccessLog.of(config.accessLog()),
                new DateHeader(Clock.systemUTC()), config.realIp());
        NetOptions options = NetOptions.defaults()
                .withWorkers(config.workers())
                .withMaxConnections(connectionCap(config.maxConnections()))
                .withWriteMode(config.io().write() == IoOptions.WriteMode.ON_READY
                        ? WriteMode.ON_READY : WriteMode.EAGER)
                .withSendBuffer(sendBuffer(config.io().sendBuffer()));
        this.reactor = new Reactor(options);
        this.files = fileCache(config);
        this.statistics = new LiveStatistics(reactor, context.metrics(), cgi);
        this.sockets = new ListenerSockets(reactor,
                (table, listen) -> endpoint -> new HttpConnection(endpoint, context, table, listen.proxyProtocol()));
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
        WebServer server = new WebServer(config);
        try {
            server.sockets.switchTo(server.plan(config, server.files));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        server.reactor.start();
        return server;
    }

    /**
     * Puts a new configuration in force without stopping (a reload): its servers, routes, error pages,
     * {@code mime_types} and {@code io.file_cache} serve every request that starts from now on, on the
     * connections open now too; a request under way finishes on the configuration it started with.
     * Listening sockets whose address stays keep accepting throughout; new addresses are bound first,
     * and the sockets of addresses the new file drops are closed last (their connections go on). The
     * other global keys keep their running values: {@link ConfigChanges#restartOnly()} names those that
     * changed. Nothing changes when this throws.
     *
     * @param next the new configuration, checked already ({@link ConfigFile#load})
     * @return what changed
     * @throws IOException           when a new address cannot be bound (the message names it) or resolved
     * @throws IllegalStateException when the server is stopping
     * @throws IllegalArgumentException when a handler module refuses its route
     */
    public synchronized Reconfiguration reconfigure(WebservConfig next) throws IOException {
        if (stopping) {
            throw new IllegalStateException("the server is stopping");
        }
        ConfigChanges changes = ConfigChanges.between(config, next);
        // The same cache while io.file_cache stays: a DELETE or an upload still running on the old
        // configuration must empty the cache the new one serves from. Its keys are per route, so the
        // old routes' entries are unreachable now: emptied, to close the descriptors they hold.
        FileCache nextFiles = next.io().fileCache() == config.io().fileCache() ? files : fileCache(next);
        ListenerSockets.Changes listening = sockets.switchTo(plan(changes.applicable(), nextFiles));
        config = changes.applicable();
        files.invalidateAll();
        files = nextFiles;
        return new Reconfiguration(changes, listening.added(), listening.removed());
    }

    /**
     * What {@link #reconfigure} did.
     *
     * @param config           the configuration's changes, and the keys that wait for a restart
     * @param listenersAdded   addresses bound for the new file
     * @param listenersRemoved addresses the new file dropped, closed
     */
    public record Reconfiguration(ConfigChanges config, List<InetSocketAddress> listenersAdded,
                                  List<InetSocketAddress> listenersRemoved) {

        /** One line for the log: the servers added, removed and changed, and the listeners added and removed. */
        public String summary() {
            List<String> parts = new ArrayList<>();
            part(parts, "servers added", config.serversAdded());
            part(parts, "servers removed", config.serversRemoved());
            part(parts, "servers changed", config.serversChanged());
            part(parts, "listening on", listenersAdded.stream().map(ListenerSockets::show).toList());
            part(parts, "no longer listening on", listenersRemoved.stream().map(ListenerSockets::show).toList());
            return parts.isEmpty() ? "no server or listener changed" : String.join("; ", parts);
        }

        private static void part(List<String> parts, String what, List<String> items) {
            if (!items.isEmpty()) {
                parts.add(what + ": " + String.join(", ", items));
            }
        }
    }

    /** What each socket of {@code config} serves: its servers' routes built once, for this configuration. */
    private List<ListenerSockets.Planned> plan(WebservConfig config, FileCache files) throws IOException {
        MimeTypes mimeTypes = new MimeTypes(config.mimeTypes());
        BuiltInRoutes routes = new BuiltInRoutes(mimeTypes, files, cgi, modules, new LiveModuleContext(statistics, drain));
        ErrorPages errorPages = new ErrorPages(mimeTypes);
        List<ListenerSockets.Planned> planned = new ArrayList<>();
        for (ListenPlan.Socket socket : ListenPlan.of(config.servers())) {
            VirtualHosts hosts = new VirtualHosts(socket.servers(), socket.localAddresses(), routes);
            List<String> names = new ArrayList<>();
            socket.servers().forEach(s -> names.addAll(s.serverNames()));
            planned.add(new ListenerSockets.Planned(socket.address(), socket.options(), new Sites(hosts, errorPages),
                    List.copyOf(names)));
        }
        return planned;
    }

    private static FileCache fileCache(WebservConfig config) {
        return config.io().fileCache() ? new FileCache(FileDescriptorBudget.cachedFilesForThisProcess()) : FileCache.disabled();
    }

    /** The sockets serving, in configuration order. */
    public List<Listener> listeners() {
        return sockets.listeners();
    }

    /** The configuration in force: the one started with, or the last one {@link #reconfigure} applied. */
    public WebservConfig config() {
        return config;
    }

    /** Connections open now. */
    public int openConnections() {
        return reactor.openConnections();
    }

    /**
     * Starts a drain: from now on the {@code health} module answers 503 and reloads are refused, and
     * nothing else changes (listeners open, connections kept alive), so that a load balancer takes the
     * server out of rotation before {@link #shutdown} closes the listeners. Calling it again does
     * nothing. Waits for a reload under way to finish.
     */
    public void startDrain() {
        drain.raise();
        markStopping();
    }

    /**
     * Stops accepting, lets in-flight responses finish (each closing its connection) for up to
     * {@code grace}, then closes whatever is left. Starts the drain first if nobody did.
     */
    public void shutdown(Duration grace) {
        startDrain();
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

    /** Under the lock: a reload under way finishes before the listeners close, and none starts after. */
    private synchronized void markStopping() {
        stopping = true;
    }

    @Override
    public void close() {
        markStopping();
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
        files.invalidateAll(); // closes the large files' descriptors it kept
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
