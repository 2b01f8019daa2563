package io.webserv.server.http;

import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.handlers.api.BodyReceiver;
import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.api.Response;
import io.webserv.handlers.api.ResponseBody;
import io.webserv.handlers.api.ResponseStream;
import io.webserv.handlers.api.StreamSource;
import io.webserv.handlers.errors.BuiltInErrorPage;
import io.webserv.handlers.routing.Routed;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.HttpVersion;
import io.webserv.http.message.RequestHead;
import io.webserv.http.parse.HttpParseException;
import io.webserv.http.parse.TargetParser;
import io.webserv.http.write.BodyFraming;
import io.webserv.http.write.ChunkedEncoder;
import io.webserv.http.write.ResponseHead;
import io.webserv.http.write.ResponseSerializer;
import io.webserv.net.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One request and its response: the {@link Exchange} handlers see, implemented over the connection's
 * {@link Endpoint}. Writes the response head through the codec's serializer and the body in the form
 * the handler chose (bytes, a file region sent zero-copy, or a stream with flow control).
 */
final class HttpExchange implements Exchange {

    private static final Logger log = LoggerFactory.getLogger(HttpExchange.class);
    /** How many local redirects one request may go through (a CGI redirecting to itself…). */
    private static final int MAX_INTERNAL_REDIRECTS = 10;
    /**
     * Queued output of a connection above which the HTTP layer adds no more: a stream producer is told
     * to pause, and the next pipelined request waits ({@link HttpConnection}). So a connection's queue
     * holds at most this plus one response's head and one piece of its body (a whole in-memory body,
     * a file region, or a stream's last write).
     */
    static final long OUTPUT_HIGH_WATER = 64 * 1024;

    private final HttpConnection connection;
    private final Endpoint endpoint;
    private final HttpContext context;
    private final Sites sites;
    private final RequestHead request;
    private final Routed routed;
    /** The client: the peer, or whom a trusted proxy's forwarding header names. */
    private final InetSocketAddress client;
    /** Created by the first {@link #onAbort}: most exchanges (a cached file) never register one. */
    private List<Runnable> abortActions = List.of();

    private BodyReceiver receiver;
    private boolean bodyPaused;
    private boolean requestComplete;
    private boolean responseStarted;
    private boolean responseComplete;
    private boolean closeConnection;
    private HttpStatus status;
    private long bodyBytes;
    private StreamWriter stream;
    private int redirects;

    HttpExchange(HttpConnection connection, Endpoint endpoint, HttpContext context, Sites sites, RequestHead request,
                 Routed routed) {
        this.connection = connection;
        this.endpoint = endpoint;
        this.context = context;
        this.sites = sites;
        this.request = request;
        this.routed = routed;
        this.client = context.clientOf(connection.peer(), request);
    }

    /** The configuration this request started on: its routes and error pages. */
    Sites sites() {
        return sites;
    }

    void dispatch(Handler handler) {
        try {
            handler.handle(this);
        } catch (RuntimeException e) {
            log.error("handler failed for {} {}", request.method(), request.target().raw(), e);
            if (!responseStarted) {
                closeConnection = true;
                respondError(HttpStatus.INTERNAL_SERVER_ERROR);
            } else {
                endpoint.close();
            }
        }
    }

    // ---- request side ------------------------------------------------------------------------

    /** Whether the connection should parse more input for this exchange now. */
    boolean wantsMoreInput() {
        if (requestComplete) {
            return false; // a pipelined request waits until this response is queued
        }
        // Without a body the parser only has to say MESSAGE_COMPLETE; it consumes nothing.
        return !request.hasBody() || responseComplete || receiver != null && !bodyPaused;
    }

    void deliverBody(ByteBuffer data) {
        if (receiver != null && !responseComplete) {
            receiver.onData(data);
        }
        data.position(data.limit()); // no receiver: dropped
    }

    void requestComplete() {
        requestComplete = true;
        if (receiver != null && !responseComplete) {
            receiver.onEnd();
        }
    }

    void failBody(HttpStatus why) {
        if (receiver != null && !requestComplete) {
            BodyReceiver r = receiver;
            receiver = null;
            r.onError(why);
        }
    }

    boolean isRequestComplete() {
        return requestComplete;
    }

    @Override
    public void receiveBody(BodyReceiver bodyReceiver) {
        if (receiver != null) {
            throw new IllegalStateException("the body is already being received");
        }
        receiver = bodyReceiver;
        if (request.expectsContinue() && !requestComplete) {
            endpoint.write(ResponseSerializer.continueResponse());
        }
        if (requestComplete) {
            receiver.onEnd(); // no body at all
            return;
        }
        connection.pump();
    }

    @Override
    public void pauseBody() {
        if (!bodyPaused) {
            bodyPaused = true;
            connection.bodyPaused(); // the server's own delay must not count as a slow client
        }
    }

    @Override
    public void resumeBody() {
        if (bodyPaused) {
            bodyPaused = false;
            connection.bodyResumed();
            connection.pump();
        }
    }

    // ---- response side -----------------------------------------------------------------------

    @Override
    public void respond(Response response) {
        if (responseStarted) {
            throw new IllegalStateException("respond called twice for " + request.target().raw());
        }
        if (!endpoint.isOpen()) {
            closeBody(response.body());
            return;
        }
        responseStarted = true;
        status = response.status();
        if (!requestComplete && request.hasBody()) {
            // Answered before the whole body arrived (not wanted, or refused midway): rather than
            // reading the rest only to drop it, close after answering. (A request without a body is
            // complete once the parser says so, right after this: it keeps its connection.)
            closeConnection = true;
        }
        ResponseBody body = response.body();
        boolean keepAlive = request.keepAlive() && !closeConnection && !context.isDraining();
        ResponseSerializer serializer = context.serializer();
        ByteBuffer head = copy(serializer.encodeHead(new ResponseHead(status, response.headers(), body.length()),
                request.method(), request.version(), keepAlive));
        closeConnection |= serializer.closeAfter();
        BodyFraming framing = serializer.framing();
        if (framing == BodyFraming.NONE) {
            closeBody(body);
            endpoint.write(head);
            finish();
        } else if (body instanceof ResponseBody.Bytes bytes) {
            bodyBytes = bytes.data().remaining();
            endpoint.write(head, bytes.data());
            finish();
        } else if (body instanceof ResponseBody.FileRegion file) {
            bodyBytes = file.count();
            endpoint.write(head);
            endpoint.transferFile(file.file(), file.position(), file.count(), file.owner());
            finish();
        } else if (body instanceof ResponseBody.Stream streamed) {
            endpoint.write(head);
            connection.outputQueued();
            stream = new StreamWriter(streamed.source(), framing);
            streamed.source().start(stream);
        }
    }

    private void finish() {
        responseComplete = true;
        connection.outputQueued();
        connection.responded(client, request, routed.server(), status.code(), bodyBytes);
        abortActions = List.of();
        connection.responseComplete(this);
    }

    @Override
    public void redirectInternally(String path) {
        if (responseStarted) {
            throw new IllegalStateException("respond called twice for " + request.target().raw());
        }
        if (redirects >= MAX_INTERNAL_REDIRECTS) {
            log.warn("internal redirect loop at {}", path);
            respondError(HttpStatus.INTERNAL_SERVER_ERROR);
            return;
        }
        RequestHead redirected;
        try {
            redirected = new RequestHead(HttpMethod.GET, TargetParser.parse(path, HttpMethod.GET), request.version(),
                    request.headers(), request.host(), 0);
        } catch (HttpParseException e) {
            log.warn("invalid internal redirect to {}: {}", path, e.getMessage());
            respondError(HttpStatus.INTERNAL_SERVER_ERROR);
            return;
        }
        responseStarted = true; // this exchange hands its response over
        HttpExchange next = connection.replaceExchange(this, redirected);
        next.redirects = redirects + 1;
        next.requestComplete = requestComplete;
        next.closeConnection = closeConnection;
        next.dispatch(next.routed.handler());
    }

    /**
     * The configured page when there is one (read off the loop, so it may come later), else the built-in
     * one at once. A page that comes after something else answered (a parse error or timeout while it
     * was read) is dropped.
     */
    @Override
    public void respondError(HttpStatus errorStatus, HttpHeaders extraHeaders) {
        sites.errorPages().respond(this, errorStatus, extraHeaders, response -> {
            if (!responseStarted) {
                respond(response);
            }
        });
    }

    /**
     * Answers a request that broke the protocol (or timed out), then closes. {@code peer} is logged as
     * the client when there is no exchange (the head did not parse, so no forwarding header was read).
     */
    static void sendParseError(HttpConnection connection, Endpoint endpoint, HttpContext context, HttpExchange exchange,
                               InetSocketAddress peer, HttpStatus status) {
        RequestHead request = exchange == null ? null : exchange.request;
        Response response = BuiltInErrorPage.response(status, new HttpHeaders(0));
        ResponseBody.Bytes body = (ResponseBody.Bytes) response.body();
        HttpMethod method = request == null ? HttpMethod.GET : request.method();
        HttpVersion version = request == null ? HttpVersion.HTTP_1_1 : request.version();
        ByteBuffer head = copy(context.serializer().encodeHead(
                new ResponseHead(status, response.headers(), body.length()), method, version, false));
        long bodyLength = body.length(); // before the write, which may consume the buffer
        endpoint.write(head, body.data());
        if (exchange == null) {
            connection.responded(peer, null, null, status.code(), bodyLength);
        } else {
            connection.responded(exchange.client, request, exchange.routed.server(), status.code(), bodyLength);
            exchange.responseStarted = true;
            exchange.responseComplete = true;
        }
        endpoint.closeAfterFlush();
    }

    void outputDrained() {
        if (stream != null && !responseComplete) {
            stream.source.onWritable();
        }
    }

    boolean isResponseStarted() {
        return responseStarted;
    }

    boolean isResponseComplete() {
        return responseComplete;
    }

    boolean closesConnection() {
        return closeConnection;
    }

    /** The connection closed under us. */
    void abort() {
        failBody(null);
        if (stream != null && !responseComplete) {
            stream.source.onCancel();
        }
        List<Runnable> actions = abortActions;
        abortActions = List.of();
        for (Runnable action : actions) {
            action.run();
        }
    }

    @Override
    public void onAbort(Runnable action) {
        if (abortActions.isEmpty()) {
            abortActions = new ArrayList<>(1);
        }
        abortActions.add(action);
    }

    private static ByteBuffer copy(ByteBuffer view) {
        ByteBuffer copy = ByteBuffer.allocate(view.remaining());
        copy.put(view).flip();
        return copy;
    }

    private static void closeBody(ResponseBody body) {
        if (body instanceof ResponseBody.FileRegion file) {
            file.release();
        } else if (body instanceof ResponseBody.Stream streamed) {
            streamed.source().onCancel();
        }
    }

    // ---- the rest of the Exchange view ---------------------------------------------------------

    @Override
    public RequestHead request() {
        return request;
    }

    @Override
    public ServerConfig server() {
        return routed.server();
    }

    @Override
    public RouteConfig route() {
        return routed.route();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return client;
    }

    @Override
    public InetSocketAddress peerAddress() {
        return endpoint.remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return endpoint.localAddress();
    }

    @Override
    public Executor blockingExecutor() {
        return context.blockingExecutor();
    }

    @Override
    public Executor eventLoop() {
        return endpoint.eventLoop();
    }

    @Override
    public boolean isOpen() {
        return endpoint.isOpen();
    }

    /** A streamed body on its way out: frames chunks when needed and tells the producer when to pause. */
    private final class StreamWriter implements ResponseStream {
        final StreamSource source;
        private final BodyFraming framing;
        private boolean ended;

        StreamWriter(StreamSource source, BodyFraming framing) {
            this.source = source;
            this.framing = framing;
        }

        @Override
        public boolean write(ByteBuffer data) {
            if (ended || !data.hasRemaining()) {
                return !ended;
            }
            bodyBytes += data.remaining();
            if (framing == BodyFraming.CHUNKED) {
                endpoint.write(ChunkedEncoder.chunk(data));
            } else {
                endpoint.write(data);
            }
            connection.outputQueued();
            return endpoint.queuedBytes() < OUTPUT_HIGH_WATER;
        }

        @Override
        public void end() {
            if (ended) {
                return;
            }
            ended = true;
            if (framing == BodyFraming.CHUNKED) {
                endpoint.write(ChunkedEncoder.lastChunk());
            }
            finish();
        }

        @Override
        public void abort() {
            ended = true;
            endpoint.close();
        }
    }
}
