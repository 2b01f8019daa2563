package io.webserv.http.syntax;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP address literals as RFC 3986 §3.2.2 writes them: {@code IPv4address} (four decimal octets, no
 * leading zeros: {@code 010} is octal to some parsers and decimal to others) and {@code IPv6address}
 * (eight groups of 1–4 hex digits, or fewer with one {@code ::}, the last two possibly written as an
 * IPv4 address). No zone ({@code %eth0}), no IPvFuture. Shared by the Host parser, the PROXY protocol
 * decoder, the forwarding headers and address ranges, so that all of them agree on what an address is.
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /**
     * Tells whether {@code s} is a dotted-quad IPv4 address.
     *
     * @param s the text
     * @return true for {@code 192.0.2.1}, false for {@code 192.0.2}, {@code 192.0.2.01} or {@code 256.0.0.1}
     */
    public static boolean isIpv4(CharSequence s) {
        int octets = 0;
        int i = 0;
        int n = s.length();
        while (octets < 4) {
            int start = i;
            int value = 0;
            while (i < n && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + s.charAt(i) - '0';
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || value > 255 || digits > 1 && s.charAt(start) == '0') {
                return false;
            }
            octets++;
            if (octets < 4) {
                if (i >= n || s.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
        }
        return i == n;
    }

    /**
     * Tells whether {@code s} is an IPv6 address, without brackets.
     *
     * @param s the text
     * @return true for {@code ::1}, {@code 2001:db8::1} or {@code ::ffff:192.0.2.1}
     */
    public static boolean isIpv6(String s) {
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String head = doubleColon < 0 ? s : s.substring(0, doubleColon);
        String tail = doubleColon < 0 ? "" : s.substring(doubleColon + 2);
        int headGroups = countGroups(head, doubleColon < 0);
        int tailGroups = countGroups(tail, true);
        if (headGroups < 0 || tailGroups < 0) {
            return false;
        }
        int groups = headGroups + tailGroups;
        return doubleColon < 0 ? groups == 8 : groups <= 7;
    }

    /**
     * Reads an IPv4 or IPv6 literal (without brackets) without any name lookup.
     *
     * @param literal the text
     * @return the address; an IPv4-mapped IPv6 literal comes back as its IPv4 address, as the JDK does
     * @throws IllegalArgumentException when {@code literal} is neither
     */
    public static InetAddress parse(String literal) {
        if (!isIpv4(literal) && !isIpv6(literal)) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
        try {
            return InetAddress.getByName(literal); // a checked literal: the JDK parses it, no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    /** Groups in a colon-separated run, an IPv4 tail counting as two; -1 when malformed. */
    private static int countGroups(String run, boolean mayEndInIpv4) {
        if (run.isEmpty()) {
            return 0;
        }
        String[] groups = run.split(":", -1);
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            boolean last = i == groups.length - 1;
            if (last && mayEndInIpv4 && group.indexOf('.') >= 0) {
                return isIpv4(group) ? groups.length + 1 : -1;
            }
            if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(c -> c < 0x80 && HttpChars.isHex(c))) {
                return -1;
            }
        }
        return groups.length;
    }
}
