package io.webserv.it.support;

import io.webserv.it.support.RawClient.RawResponse;

import java.io.IOException;
import java.net.InetSocketAddress;

/** Request texts for {@link RawClient}, and the one-shot exchanges tests repeat. */
public final class Requests {

    private Requests() {
    }

    /** {@code GET path HTTP/1.1} with a Host header and nothing else. */
    public static String get(String path, String host) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
    }

    /** {@code GET path HTTP/1.1} with {@code Host: a}. */
    public static String get(String path) {
        return get(path, "a");
    }

    /** Sends {@code request} on a new connection and reads one response. */
    public static RawResponse exchange(InetSocketAddress address, String request) throws IOException {
        try (RawClient client = new RawClient(address)) {
            return client.send(request).read();
        }
    }
}
