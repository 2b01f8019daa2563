package io.webserv.server.http;

import io.webserv.config.model.ServerConfig;
import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HostAndPort;
import io.webserv.http.message.RequestHead;

import java.net.InetSocketAddress;

/**
 * What the access log knows of one response; each accessor is null when unknown.
 *
 * @param client        the client (a trusted proxy's forwarding header already applied), null if unknown
 * @param request       the request head, null when the request line itself could not be parsed
 * @param server        the virtual server that answered, null when the request reached none
 * @param status        the status code sent
 * @param bodyBytes     the body bytes sent (the head not counted)
 * @param durationNanos from the first byte of the request read to the last byte of the response queued
 * @param epochMillis   when the line was made: the response's end
 */
record AccessEntry(InetSocketAddress client, RequestHead request, ServerConfig server, int status, long bodyBytes,
                   long durationNanos, long epochMillis) {

    String clientAddress() {
        return client == null ? null : client.getAddress().getHostAddress();
    }

    String method() {
        return request == null ? null : request.method().toString();
    }

    String target() {
        return request == null ? null : request.target().raw();
    }

    String protocol() {
        return request == null ? null : request.version().toString();
    }

    String userAgent() {
        return request == null ? null : request.headers().get(HeaderNames.USER_AGENT);
    }

    String referer() {
        return request == null ? null : request.headers().get(HeaderNames.REFERER);
    }

    /**
     * The name of the server that answered: the one of its {@code server_names} the request's host
     * matched, else (it is the default server for that host) its first name; null when it has none.
     */
    String serverName() {
        if (server == null || server.serverNames().isEmpty()) {
            return null;
        }
        HostAndPort host = request == null ? null : request.host();
        if (host != null) {
            String name = host.host().endsWith(".") ? host.host().substring(0, host.host().length() - 1) : host.host();
            for (String candidate : server.serverNames()) {
                if (candidate.equalsIgnoreCase(name)) {
                    return candidate;
                }
            }
        }
        return server.serverNames().get(0);
    }
}
