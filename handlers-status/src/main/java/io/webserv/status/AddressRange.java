package io.webserv.status;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IP address or a CIDR block, such as {@code 127.0.0.0/8}, {@code ::1} or {@code 10.1.0.0/16}. Only
 * literals: a host name would mean a DNS lookup at start-up and addresses that change under us. An
 * IPv4 client seen as IPv4-mapped IPv6 ({@code ::ffff:10.0.0.1}) matches IPv4 ranges.
 */
final class AddressRange {

    /** Digits, dots, hex digits and colons only: what {@link InetAddress#getByName} parses without DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private final byte[] network;
    private final int prefixBits;

    private AddressRange(byte[] network, int prefixBits) {
        this.network = network;
        this.prefixBits = prefixBits;
    }

    /** @throws IllegalArgumentException when {@code text} is not an address or a CIDR block */
    static AddressRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(address, text);
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has an invalid prefix length (0 to " + bytes.length * 8 + ")");
            }
        }
        return new AddressRange(bytes, bits);
    }

    private static byte[] literal(String address, String text) {
        if (!LITERAL.matcher(address).matches() || address.indexOf(':') < 0 && address.chars().filter(c -> c == '.').count() != 3) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block (e.g. 127.0.0.1, ::1, 10.0.0.0/8)");
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block (e.g. 127.0.0.1, ::1, 10.0.0.0/8)");
        }
    }

    boolean contains(InetAddress address) {
        byte[] bytes = unmapped(address);
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefixBits / 8;
        if (!Arrays.equals(bytes, 0, whole, network, 0, whole)) {
            return false;
        }
        int rest = prefixBits % 8;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return rest == 0 || (bytes[whole] & mask) == (network[whole] & mask);
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address; any other address as it is. */
    private static byte[] unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isV4Mapped(bytes)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    private static boolean isV4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixBits;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
