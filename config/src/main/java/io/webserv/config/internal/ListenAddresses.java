package io.webserv.config.internal;

import io.webserv.config.model.ListenAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forms of a {@code listen} entry: {@code 8080}, {@code *:8080}, {@code 127.0.0.1:8080},
 * {@code localhost:8080}, {@code [::1]:8080}. Only the syntax is checked; names are resolved when the
 * server binds, never here (no I/O while reading a file).
 */
public final class ListenAddresses {

    public static final String SYNTAX = "port, host:port or [ipv6]:port, e.g. 8080, 127.0.0.1:8080, [::1]:8080";

    private static final Pattern IPV4 = Pattern.compile("[0-9.]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private ListenAddresses() {
    }

    /**
     * The address {@code text} names.
     *
     * @throws IllegalArgumentException with a short reason
     */
    public static ListenAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (text.startsWith("[") && text.endsWith("]")) {
            throw new IllegalArgumentException("missing port");
        }
        if (colon < 0) {
            return new ListenAddress(null, port(text));
        }
        String host = text.substring(0, colon);
        int port = port(text.substring(colon + 1));
        if (host.startsWith("[") && host.endsWith("]")) {
            return new ListenAddress(ipv6(host.substring(1, host.length() - 1)), port);
        }
        if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("an IPv6 address needs brackets, e.g. [::1]:8080");
        }
        if (host.equals("*")) {
            return new ListenAddress(null, port);
        }
        if (IPV4.matcher(host).matches()) {
            return new ListenAddress(ipv4(host), port);
        }
        return new ListenAddress(hostName(host), port);
    }

    private static int port(String text) {
        long port;
        try {
            port = Numbers.parseDigits(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(text.isEmpty() ? "missing port" : "port is not a number");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 1 to 65535");
        }
        return (int) port;
    }

    private static String ipv4(String host) {
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address");
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || Integer.parseInt(octet) > 255) {
                throw new IllegalArgumentException("not an IPv4 address");
            }
        }
        return host;
    }

    private static String ipv6(String host) {
        if (host.indexOf(':') < 0 || !IPV6.matcher(host).matches()) {
            throw new IllegalArgumentException("not an IPv6 address");
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static String hostName(String host) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("missing host before ':'");
        }
        if (host.length() > 253) {
            throw new IllegalArgumentException("host name too long");
        }
        for (String label : host.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("not a host name");
            }
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
