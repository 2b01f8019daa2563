package io.webserv.handlers.api;

import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.RequestHead;

import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * An exchange that passes every call to another: extend it to watch or adjust a few calls of a
 * handler you wrap, such as the response it sends.
 */
public abstract class ForwardingExchange implements Exchange {

    private final Exchange delegate;

    /**
     * Wraps an exchange.
     *
     * @param delegate the exchange every call goes on to unless a subclass overrides it
     */
    protected ForwardingExchange(Exchange delegate) {
        this.delegate = delegate;
    }

    @Override
    public RequestHead request() {
        return delegate.request();
    }

    @Override
    public ServerConfig server() {
        return delegate.server();
    }

    @Override
    public RouteConfig route() {
        return delegate.route();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return delegate.remoteAddress();
    }

    @Override
    public InetSocketAddress peerAddress() {
        return delegate.peerAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return delegate.localAddress();
    }

    @Override
    public void receiveBody(BodyReceiver receiver) {
        delegate.receiveBody(receiver);
    }

    @Override
    public void pauseBody() {
        delegate.pauseBody();
    }

    @Override
    public void resumeBody() {
        delegate.resumeBody();
    }

    @Override
    public void respond(Response response) {
        delegate.respond(response);
    }

    @Override
    public void respondError(HttpStatus status, HttpHeaders extraHeaders) {
        delegate.respondError(status, extraHeaders);
    }

    @Override
    public void redirectInternally(String path) {
        delegate.redirectInternally(path);
    }

    @Override
    public Executor blockingExecutor() {
        return delegate.blockingExecutor();
    }

    @Override
    public Executor eventLoop() {
        return delegate.eventLoop();
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void onAbort(Runnable action) {
        delegate.onAbort(action);
    }
}
