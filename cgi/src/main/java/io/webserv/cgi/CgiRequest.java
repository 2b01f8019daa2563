package io.webserv.cgi;

import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.api.Exchange;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.RequestHead;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What a CGI run needs to know of its request, copied on the event loop (where the {@link Exchange}
 * may be read) so that the threads of the run never touch the exchange.
 *
 * @param method        the request method, e.g. {@code GET}
 * @param protocol      {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param path          the decoded, normalised request path
 * @param query         the raw query without {@code '?'}, {@code ""} when there is none
 * @param requestUri    the path and query as sent (still percent-encoded)
 * @param headers       the request's header fields (frozen)
 * @param bodyLength    the Content-Length of the body, 0 without a body, -1 for a chunked one
 * @param serverName    the Host's name, else the server's first name, else the local address
 * @param serverPort    the local port the request came in on
 * @param remoteAddress the client's IP address ({@link Exchange#remoteAddress()}: behind a proxy, the one it names)
 * @param remotePort    the client's port, 0 when not known (a client named by {@code X-Forwarded-For})
 * @param route         the matched route
 */
record CgiRequest(String method, String protocol, String path, String query, String requestUri, HttpHeaders headers,
                  long bodyLength, String serverName, int serverPort, String remoteAddress, int remotePort, RouteConfig route) {

    CgiRequest {
        Objects.requireNonNull(route, "route");
    }

    /** Takes the snapshot; call on the exchange's event loop. */
    static CgiRequest of(Exchange exchange) {
        RequestHead head = exchange.request();
        InetSocketAddress local = exchange.localAddress();
        InetSocketAddress remote = exchange.remoteAddress();
        String serverName;
        if (head.host() != null && !head.host().host().isEmpty()) {
            serverName = head.host().host();
        } else if (!exchange.server().serverNames().isEmpty()) {
            serverName = exchange.server().serverNames().get(0);
        } else {
            serverName = local.getAddress().getHostAddress();
        }
        return new CgiRequest(head.method().name(), head.version().text(), head.target().path(),
                head.target().queryOrEmpty(), requestUri(head), head.headers(), head.contentLength(), serverName,
                local.getPort(), remote.getAddress().getHostAddress(), remote.getPort(), exchange.route());
    }

    private static String requestUri(RequestHead head) {
        String query = head.target().rawQuery();
        return query == null ? head.target().rawPath() : head.target().rawPath() + "?" + query;
    }

    boolean hasBody() {
        return bodyLength != 0;
    }

    boolean isChunked() {
        return bodyLength < 0;
    }
}
