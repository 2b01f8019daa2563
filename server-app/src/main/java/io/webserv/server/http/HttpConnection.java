package io.webserv.server.http;

import io.webserv.config.model.ServerConfig;
import io.webserv.handlers.routing.Routed;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.RequestHead;
import io.webserv.http.parse.ParseError;
import io.webserv.http.parse.ParseResult;
import io.webserv.http.parse.RequestParser;
import io.webserv.http.proxy.ProxyHeader;
import io.webserv.http.proxy.ProxyHeaderDecoder;
import io.webserv.net.ConnectionHandler;
import io.webserv.net.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * HTTP/1.1 on one connection: feeds the parser, routes each request to its handler through an
 * {@link HttpExchange}, answers pipelined requests one after the other, and keeps the connection's one
 * deadline on whatever it is waiting for.
 *
 * <pre>
 *   IDLE ──bytes──▶ READING HEAD ──head──▶ EXCHANGE (body in, response out) ──both done──▶ IDLE
 *    │                  │                        │
 *    keep_alive: close  header: 408/close        body: 408 · send: close
 * </pre>
 *
 * <p>While a response is in progress and its request is complete, the next pipelined request stays
 * unparsed in the reactor's buffer until the response is queued, so answers go out in order. Nor is
 * it parsed while more than {@link HttpExchange#OUTPUT_HIGH_WATER} bytes or
 * {@value #MAX_ANSWERS_QUEUED} answers wait for the client: reading stops until they are written. A
 * client that pipelines requests without reading the answers could otherwise make the server queue
 * hundreds of them (a 16 KiB read buffer holds hundreds of small requests), each with its body in
 * memory or its file open. A request that breaks the protocol is answered with its status and the
 * connection closes.
 *
 * <p>On a listener with {@code proxy_protocol}, the connection must begin with a PROXY protocol header
 * within the header timeout, and the client is the address it names: anything else is closed without
 * an answer (a client that speaks HTTP where a proxy must speak first is not talking to us), as nginx
 * does. What follows the header in the same read is the first request.
 */
public final class HttpConnection implements ConnectionHandler {

    private static final Logger log = LoggerFactory.getLogger(HttpConnection.class);

    /** What the connection's single deadline is guarding. */
    private enum Wait { NONE, HEADER, KEEP_ALIVE, BODY, SEND }

    private final Endpoint endpoint;
    private final HttpContext context;
    private final SiteTable sites;
    private final RequestParser parser;
    /** This loop's counters: taken once, here on the loop thread. */
    private final HttpMetrics.Loop metrics;
    /** When the current request's first byte was read (System.nanoTime), or 0 between requests. */
    private long requestStart;
    /** Until the PROXY protocol header is read: its decoder; null after it, or on a listener without one. */
    private ProxyHeaderDecoder proxyHeader;
    /** The immediate peer: the TCP peer, or the source a PROXY protocol header names. */
    private InetSocketAddress peer;
    private HttpExchange exchange;
    private Wait waiting = Wait.NONE;
    private long sendProgress;
    private boolean reading;
    /**
     * Answers queued, at most, before the next request waits for them to be written: one writev
     * gathers 16 buffers, so more buy a pipelining client nothing, and each may hold an open file.
     */
    static final int MAX_ANSWERS_QUEUED = 16;

    /** Answers completed while output was pending, since the output was last written out. */
    private int answersQueued;
    /** The next request waits for the client to read the answers queued before it. */
    private boolean heldForOutput;

    private static final ByteBuffer NO_BYTES = ByteBuffer.allocate(0);

    /**
     * @param sites what the listening socket serves now, read again at the start of every request (a
     *              reload reaches a keep-alive connection at its next request)
     */
    public HttpConnection(Endpoint endpoint, HttpContext context, SiteTable sites) {
        this(endpoint, context, sites, false);
    }

    /**
     * @param sites         what the listening socket serves now, read again at the start of every request
     * @param proxyProtocol the listener takes the PROXY protocol: a header must come first
     */
    public HttpConnection(Endpoint endpoint, HttpContext context, SiteTable sites, boolean proxyProtocol) {
        this.endpoint = endpoint;
        this.context = context;
        this.sites = sites;
        this.parser = new RequestParser(context.limits(), context.valueCache()); // created on the loop thread
        this.metrics = context.metrics().forThisLoop();
        this.peer = endpoint.remoteAddress();
        this.proxyHeader = proxyProtocol ? new ProxyHeaderDecoder() : null;
        arm(Wait.HEADER); // a new connection gets the header timeout for its first request (and PROXY header)
        context.opened(this);
    }

    /** The immediate peer, whose forwarding headers are believed if it is a trusted proxy. */
    InetSocketAddress peer() {
        return peer;
    }

    /** The server is draining: an idle connection closes now; a busy one after its response. */
    void drain() {
        endpoint.eventLoop().execute(this::closeIfIdle);
    }

    /** Closes the connection if no request is under way and nothing waits to be written; on its loop. */
    public void closeIfIdle() {
        if (exchange == null && !parser.isMidMessage() && endpoint.queuedBytes() == 0) {
            endpoint.close();
        }
    }

    @Override
    public void onRead(ByteBuffer in) {
        if (proxyHeader != null && !readProxyHeader(in)) {
            return;
        }
        if (exchange == null && waiting == Wait.KEEP_ALIVE) {
            arm(Wait.HEADER);
        }
        reading = true;
        try {
            parseAvailable(in);
        } finally {
            reading = false;
        }
    }

    /** True once the header is read (the rest of {@code in} is the first request); false while it is not, or was wrong. */
    private boolean readProxyHeader(ByteBuffer in) {
        switch (proxyHeader.decode(in)) {
            case DONE -> {
                ProxyHeader header = proxyHeader.header();
                if (header.hasAddresses()) {
                    peer = header.source();
                }
                proxyHeader = null;
                return true;
            }
            case ERROR -> {
                log.debug("closing {} without an answer: {}", endpoint.remoteAddress(), proxyHeader.error());
                endpoint.close();
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * The exchange can take input again (a handler asked for the body, or answered): continue parsing.
     * Inside {@link #onRead} the parsing loop simply goes on; from a task, parse what the parser holds
     * and let the reactor redeliver the bytes it kept.
     */
    void pump() {
        if (reading || !endpoint.isOpen()) {
            return;
        }
        endpoint.resumeReading();
        onRead(NO_BYTES);
    }

    private void parseAvailable(ByteBuffer in) {
        while (endpoint.isOpen()) {
            if (exchange == null && isOutputBackedUp()) {
                heldForOutput = true; // onOutputDrained goes on
                endpoint.suspendReading();
                return;
            }
            if (exchange != null && !exchange.wantsMoreInput()) {
                if (!exchange.isRequestComplete()) {
                    endpoint.suspendReading(); // the handler paused the body: let TCP hold the client back
                }
                // A complete request waiting for its response: a pipelined request stays unparsed in the
                // reactor's buffer (which stops reading when full), and reading goes on so that a client
                // that leaves is noticed (EOF or reset) and its work aborted.
                return;
            }
            if (exchange == null && requestStart == 0 && in.hasRemaining()) {
                requestStart = System.nanoTime(); // the first byte of the next request is here
            }
            ParseResult result = parser.parse(in);
            switch (result) {
                case NEED_MORE_INPUT -> {
                    return;
                }
                case HEAD -> startExchange(parser.head());
                case CONTENT -> {
                    arm(Wait.BODY);
                    exchange.deliverBody(parser.content());
                }
                case MESSAGE_COMPLETE -> requestComplete();
                case ERROR -> {
                    reject(parser.error());
                    return;
                }
                default -> throw new IllegalStateException(result.name());
            }
        }
    }

    private void startExchange(RequestHead head) {
        disarm();
        Sites current = sites.current(); // this request's configuration, to its end
        Routed routed = current.hosts().route(endpoint.localAddress(), head);
        exchange = new HttpExchange(this, endpoint, context, current, head, routed);
        if (head.hasBody()) {
            long limit = routed.route().clientMaxBodySize();
            parser.limitBody(limit);
            if (limit > 0 && head.contentLength() > limit) {
                // Refused before a byte of the body is read, instead of 100 Continue (SPEC §3).
                exchange.respondError(HttpStatus.CONTENT_TOO_LARGE);
                return;
            }
            arm(Wait.BODY);
        }
        exchange.dispatch(routed.handler());
    }

    /**
     * A local redirect: {@code redirected} is routed, on the configuration {@code current} started with,
     * and takes over from {@code current} as this connection's exchange.
     */
    HttpExchange replaceExchange(HttpExchange current, RequestHead redirected) {
        Routed routed = current.sites().hosts().route(endpoint.localAddress(), redirected);
        HttpExchange next = new HttpExchange(this, endpoint, context, current.sites(), redirected, routed);
        if (exchange == current) {
            exchange = next;
        }
        return next;
    }

    private void requestComplete() {
        disarm();
        exchange.requestComplete();
        if (exchange != null && exchange.isResponseComplete()) {
            nextRequest();
        }
    }

    private boolean isOutputBackedUp() {
        return endpoint.queuedBytes() > HttpExchange.OUTPUT_HIGH_WATER || answersQueued >= MAX_ANSWERS_QUEUED;
    }

    /**
     * A response's last byte was just queued: one access-log line and the metrics, with one duration
     * from its request's first byte. {@code request} is null when the request line did not parse,
     * {@code server} when the request reached none.
     */
    void responded(InetSocketAddress client, RequestHead request, ServerConfig server, int status, long bodyBytes) {
        long nanos = requestStart == 0 ? 0 : System.nanoTime() - requestStart;
        requestStart = 0;
        context.accessLog().log(client, request, server, status, bodyBytes, nanos);
        metrics.responded(request, status, bodyBytes, nanos);
    }

    /** Called by the exchange when the last byte of its response is queued. */
    void responseComplete(HttpExchange done) {
        if (endpoint.queuedBytes() > 0) {
            answersQueued++;
        }
        if (done.closesConnection()) {
            endpoint.closeAfterFlush();
            return;
        }
        if (done.isRequestComplete()) {
            nextRequest();
        } else {
            pump(); // the rest of the request (its body, read and dropped) still has to come
        }
    }

    private void nextRequest() {
        exchange = null;
        if (context.isDraining()) {
            endpoint.closeAfterFlush();
            return;
        }
        endpoint.resumeReading();
        arm(endpoint.queuedBytes() > 0 ? Wait.SEND : Wait.KEEP_ALIVE);
    }

    /** The request broke the protocol: answer with its status if nothing was sent yet, then close. */
    private void reject(ParseError error) {
        log.debug("rejecting request from {}: {} ({})", endpoint.remoteAddress(), error.message(), error.rfcSection());
        metrics.parseError(error.status().code());
        if (exchange != null) {
            exchange.failBody(error.status());
            if (exchange.isResponseStarted()) {
                endpoint.close();
                return;
            }
        }
        HttpExchange.sendParseError(this, endpoint, context, exchange, peer, error.status());
    }

    /** A handler paused the body (its disk is busy): the body timeout waits for the client, not for us. */
    void bodyPaused() {
        if (waiting == Wait.BODY) {
            disarm();
        }
    }

    void bodyResumed() {
        if (exchange != null && !exchange.isRequestComplete() && waiting == Wait.NONE) {
            arm(Wait.BODY);
        }
    }

    /** The exchange queued output: watch that the client keeps reading it. */
    void outputQueued() {
        if (waiting == Wait.NONE && endpoint.queuedBytes() > 0) {
            arm(Wait.SEND);
        }
    }

    @Override
    public void onOutputDrained() {
        answersQueued = 0;
        if (waiting == Wait.SEND) {
            if (exchange == null) {
                arm(Wait.KEEP_ALIVE);
            } else {
                disarm();
            }
        }
        if (exchange != null) {
            exchange.outputDrained();
        }
        if (heldForOutput) {
            heldForOutput = false;
            endpoint.resumeReading(); // hands over the pipelined bytes kept meanwhile
        }
    }

    @Override
    public void onTimeout() {
        Wait expired = waiting;
        waiting = Wait.NONE;
        switch (expired) {
            case HEADER -> {
                metrics.timedOut(HttpMetrics.Timeout.HEADER);
                if (proxyHeader != null) {
                    log.debug("closing {}: no PROXY protocol header within the header timeout", endpoint.remoteAddress());
                    endpoint.close();
                } else if (parser.isMidMessage()) {
                    reject408();
                } else {
                    endpoint.close(); // nothing came: close silently (SPEC §3)
                }
            }
            case KEEP_ALIVE -> {
                metrics.timedOut(HttpMetrics.Timeout.KEEP_ALIVE);
                endpoint.close();
            }
            case BODY -> {
                metrics.timedOut(HttpMetrics.Timeout.BODY);
                reject408();
            }
            case SEND -> {
                if (endpoint.bytesWritten() != sendProgress) {
                    arm(Wait.SEND); // the client is slow, not stalled: give it another period
                } else {
                    metrics.timedOut(HttpMetrics.Timeout.SEND);
                    log.debug("send timeout, closing {}", endpoint.remoteAddress());
                    endpoint.close();
                }
            }
            default -> {
            }
        }
    }

    private void reject408() {
        if (exchange != null) {
            exchange.failBody(HttpStatus.REQUEST_TIMEOUT);
            if (exchange.isResponseStarted()) {
                endpoint.close();
                return;
            }
        }
        HttpExchange.sendParseError(this, endpoint, context, exchange, peer, HttpStatus.REQUEST_TIMEOUT);
    }

    /**
     * The client sent FIN. With a response fully queued, it is flushed, then the connection closes;
     * otherwise the client is taken as gone, as nginx does, and the exchange is aborted (a CGI script
     * is killed) rather than finished for nobody.
     */
    @Override
    public void onInputClosed(Endpoint ignored) {
        if (exchange == null || exchange.isResponseComplete()) {
            endpoint.closeAfterFlush(); // what is queued still goes out
        } else {
            endpoint.close();
        }
    }

    @Override
    public void onClosed() {
        if (exchange != null) {
            exchange.abort();
            exchange = null;
        }
    }

    private void arm(Wait what) {
        HttpTimeouts t = context.timeouts();
        long nanos = switch (what) {
            case HEADER -> t.header();
            case KEEP_ALIVE -> t.keepAlive();
            case BODY -> t.body();
            case SEND -> t.send();
            case NONE -> 0;
        };
        waiting = what;
        if (what == Wait.SEND) {
            sendProgress = endpoint.bytesWritten();
        }
        endpoint.setDeadline(nanos);
    }

    private void disarm() {
        waiting = Wait.NONE;
        endpoint.clearDeadline();
    }
}
