package io.webserv.http.parse;

import io.webserv.http.message.HostAndPort;
import io.webserv.http.syntax.HttpChars;
import io.webserv.http.syntax.IpLiterals;

/**
 * Parses {@code uri-host [ ":" port ]} (RFC 9110 §7.2, RFC 3986 §3.2.2) from a Host header or the
 * authority of an absolute-form target. Strict: an IPv6 literal holds only hex digits, {@code :} and
 * {@code .}; a reg-name only unreserved and sub-delims characters (no percent-encoding: no real host
 * name needs it); a port is at most 65535.
 */
public final class HostParser {

    private HostParser() {
    }

    /**
     * Parses a Host value or an absolute-form authority.
     *
     * @param value the field value, without surrounding whitespace
     * @return the host as sent (an IPv6 literal with its brackets) and the port, -1 when there is
     *     none; an empty host for an empty value (RFC 9112 §3.2 allows it)
     * @throws HttpParseException with {@link ParseError#HOST_INVALID}
     */
    public static HostAndPort parse(String value) {
        if (value.isEmpty()) {
            // RFC 9112 §3.2: a client sends an empty Host when the target URI has no authority.
            return new HostAndPort("", -1);
        }
        int hostEnd;
        if (value.startsWith("[")) {
            hostEnd = value.indexOf(']');
            if (hostEnd < 0 || !IpLiterals.isIpv6(value.substring(1, hostEnd))) {
                throw invalid();
            }
            hostEnd++;
        } else {
            hostEnd = value.indexOf(':');
            hostEnd = hostEnd < 0 ? value.length() : hostEnd;
            for (int i = 0; i < hostEnd; i++) {
                if (!HttpChars.is(value.charAt(i), HttpChars.REG_NAME) || value.charAt(i) > 0x7F) {
                    throw invalid();
                }
            }
        }
        if (hostEnd == 0) {
            throw invalid(); // ":80": a port without a host
        }
        String host = value.substring(0, hostEnd);
        if (hostEnd == value.length()) {
            return new HostAndPort(host, -1);
        }
        if (value.charAt(hostEnd) != ':') {
            throw invalid();
        }
        return new HostAndPort(host, parsePort(value, hostEnd + 1));
    }

    /** An empty port (RFC 3986 allows "host:") counts as no port. */
    private static int parsePort(String value, int from) {
        if (from == value.length()) {
            return -1;
        }
        if (value.length() - from > 5) {
            throw invalid();
        }
        int port = 0;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x7F || !HttpChars.isDigit(c)) {
                throw invalid();
            }
            port = port * 10 + (c - '0');
        }
        if (port > 65535) {
            throw invalid();
        }
        return port;
    }

    private static HttpParseException invalid() {
        return new HttpParseException(ParseError.HOST_INVALID);
    }
}
