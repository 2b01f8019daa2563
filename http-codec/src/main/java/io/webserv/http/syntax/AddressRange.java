package io.webserv.http.syntax;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * An IP address or a CIDR block, such as {@code 127.0.0.0/8}, {@code ::1} or {@code 10.1.0.0/16}: who
 * may see a status page, which proxies are trusted. Only literals ({@link IpLiterals}): a host name
 * would mean a DNS lookup at start-up and addresses that change under us. An IPv4 client seen as
 * IPv4-mapped IPv6 ({@code ::ffff:10.0.0.1}) matches IPv4 ranges. Immutable.
 */
public final class AddressRange {

    private final byte[] network;
    private final int prefixBits;
    private final String text;

    private AddressRange(byte[] network, int prefixBits, String text) {
        this.network = network;
        this.prefixBits = prefixBits;
        this.text = text;
    }

    /**
     * Reads an address or a CIDR block.
     *
     * @param text {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1}, {@code fd00::/8}
     * @return the range; a lone address is a block of one
     * @throws IllegalArgumentException when {@code text} is not an address or a CIDR block; the message
     *                                  quotes it
     */
    public static AddressRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(address, text);
        int bits = bytes.length * 8;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            bits = length.length() > 0 && length.length() <= 3 && length.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? Integer.parseInt(length) : -1;
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has an invalid prefix length (0 to "
                        + bytes.length * 8 + ")");
            }
        }
        for (int bit = bits; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8)); // 10.1.0.0/8 is 10.0.0.0/8
        }
        return new AddressRange(bytes, bits, text);
    }

    /** An IPv4-mapped literal names an IPv4 address ({@link IpLiterals#parse}), so its block counts in IPv4 bits. */
    private static byte[] literal(String address, String text) {
        try {
            return IpLiterals.parse(address).getAddress();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text
                    + "' is not an IP address or CIDR block (e.g. 127.0.0.1, ::1, 10.0.0.0/8)", e);
        }
    }

    /**
     * Tells whether an address is in this range.
     *
     * @param address any address; IPv4-mapped IPv6 is compared as IPv4
     * @return whether its first {@code prefix} bits are this range's
     */
    public boolean contains(InetAddress address) {
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

    /** Ranges are equal when they hold the same addresses: {@code 10.1.0.0/8} is {@code 10.0.0.0/8}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AddressRange other && prefixBits == other.prefixBits && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixBits;
    }

    /** {@return the range as written} */
    @Override
    public String toString() {
        return text;
    }
}
