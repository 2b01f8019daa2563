package io.webserv.http.proxy;

import io.webserv.http.syntax.HttpChars;
import io.webserv.http.syntax.IpLiterals;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hops a forwarding header lists, left (the first proxy's client) to right (the last proxy's
 * peer), from all its field lines in order. An entry that names no usable address ({@code unknown},
 * an obfuscated identifier, a malformed address) is a null in the list, so that the caller decides
 * whether it matters (it does only when the walk from the right reaches it). A field whose structure is
 * broken (an unterminated quoted string, a pair without {@code =}) has no trustworthy entries at all:
 * {@code null} for the whole list.
 */
final class ForwardedNodes {

    private ForwardedNodes() {
    }

    /** {@code X-Forwarded-For: 192.0.2.1, 2001:db8::1, [2001:db8::2]:4711, 192.0.2.3:80}; empty elements skipped. */
    static List<InetSocketAddress> xForwardedFor(List<String> fieldValues) {
        List<InetSocketAddress> nodes = new ArrayList<>();
        for (String value : fieldValues) {
            for (String element : value.split(",", -1)) {
                String node = element.strip();
                if (!node.isEmpty()) {
                    nodes.add(node(node, true));
                }
            }
        }
        return nodes;
    }

    /**
     * {@code Forwarded: for=192.0.2.60;proto=http;by=203.0.113.43, for="[2001:db8:cafe::17]:4711"}
     * (RFC 7239 §4): the {@code for} of each element; an element without one, or with two, is a null.
     */
    static List<InetSocketAddress> forwarded(List<String> fieldValues) {
        List<InetSocketAddress> nodes = new ArrayList<>();
        for (String value : fieldValues) {
            if (!new ForwardedField(value).readInto(nodes)) {
                return null;
            }
        }
        return nodes;
    }

    /**
     * {@code IPv4}, {@code IPv4:port}, {@code [IPv6]}, {@code [IPv6]:port}, and in {@code X-Forwarded-For}
     * a bare IPv6 address; a null for anything else ({@code unknown}, {@code _hidden}). An obfuscated
     * port ({@code _abc}, RFC 7239 §6.3) leaves the port unknown: 0.
     */
    static InetSocketAddress node(String text, boolean bareIpv6) {
        String host = text;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 < text.length() && text.charAt(close + 1) != ':') {
                return null;
            }
            host = text.substring(1, close);
            port = close + 1 < text.length() ? text.substring(close + 2) : null;
            if (!IpLiterals.isIpv6(host)) {
                return null;
            }
        } else if (bareIpv6 && IpLiterals.isIpv6(text)) {
            return new InetSocketAddress(IpLiterals.parse(text), 0);
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0) {
                host = text.substring(0, colon);
                port = text.substring(colon + 1);
            }
            if (!IpLiterals.isIpv4(host)) {
                return null;
            }
        }
        int portNumber = port == null || port.startsWith("_") && port.length() > 1 ? 0 : port(port);
        return portNumber < 0 ? null : new InetSocketAddress(IpLiterals.parse(host), portNumber);
    }

    /** 1–65535, decimal; -1 otherwise. */
    private static int port(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65_535 ? port : -1;
    }

    /**
     * One {@code Forwarded} field value: {@code 1#forwarded-element}, each element
     * {@code [pair] *(";" [pair])}, each pair {@code token "=" (token / quoted-string)}. Whitespace is
     * allowed around {@code ,} and {@code ;}.
     */
    private static final class ForwardedField {
        private final String text;
        private int at;

        ForwardedField(String text) {
            this.text = text;
        }

        /** Adds each element's {@code for} node; false when the value is not well formed. */
        boolean readInto(List<InetSocketAddress> nodes) {
            String forNode = null;
            int forCount = 0;
            boolean elementHasPairs = false;
            while (true) {
                skipSpaces();
                if (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != ';') {
                    String name = token();
                    if (name.isEmpty() || !consume('=')) {
                        return false;
                    }
                    String value = at < text.length() && text.charAt(at) == '"' ? quoted() : token();
                    if (value == null) {
                        return false;
                    }
                    elementHasPairs = true;
                    if (name.toLowerCase(Locale.ROOT).equals("for")) {
                        forNode = value;
                        forCount++;
                    }
                    skipSpaces();
                }
                if (at == text.length() || text.charAt(at) == ',') {
                    if (elementHasPairs) {
                        nodes.add(forCount == 1 ? node(forNode, false) : null);
                    }
                    if (at == text.length()) {
                        return true;
                    }
                    forNode = null;
                    forCount = 0;
                    elementHasPairs = false;
                } else if (text.charAt(at) != ';') {
                    return false;
                }
                at++;
            }
        }

        private String token() {
            int start = at;
            while (at < text.length() && text.charAt(at) < 0x80 && HttpChars.isToken(text.charAt(at))) {
                at++;
            }
            return text.substring(start, at);
        }

        /** A quoted-string without its quotes and with its escapes undone; null when it does not end. */
        private String quoted() {
            StringBuilder value = new StringBuilder();
            for (at++; at < text.length(); at++) {
                char c = text.charAt(at);
                if (c == '"') {
                    at++;
                    return value.toString();
                }
                if (c == '\\' && at + 1 < text.length()) {
                    c = text.charAt(++at);
                }
                value.append(c);
            }
            return null;
        }

        private boolean consume(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void skipSpaces() {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
        }
    }
}
