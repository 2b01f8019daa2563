package io.webserv.http.proxy;

import io.webserv.http.syntax.IpLiterals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the PROXY protocol header (HAProxy's "PROXY protocol", versions 1 and 2) that a proxy sends
 * before anything else on a connection, incrementally: feed it what arrives, in any pieces, until it
 * says {@link Result#DONE} or {@link Result#ERROR}. It consumes the header's bytes and nothing after
 * them, so what is left in the buffer is the first request.
 *
 * <pre>
 *   START ──'P'──▶ V1_LINE ──"PROXY TCP4|TCP6|UNKNOWN …\r\n"──▶ DONE
 *     │
 *     ├──'\r'──▶ V2_PREFIX (signature, version/command, family, length) ──▶ V2_BODY (addresses; TLVs skipped) ──▶ DONE
 *     │
 *     └── anything else, or any step that goes wrong ──▶ FAILED
 * </pre>
 *
 * <p>Strict, as the specification asks of a receiver: the first byte that cannot belong to a header
 * fails it (an HTTP request sent where a header must come fails at its first byte), a v1 line has
 * exactly the fields of its protocol separated by single spaces and ends in CRLF within
 * {@value #MAX_V1_BYTES} bytes, a v2 header has version 2, a known command and family, and an address
 * block as long as its family needs. Bounded: at most {@value #MAX_V1_BYTES} bytes are kept, and a v2
 * header announcing more than {@value #MAX_V2_BODY_BYTES} bytes after its fixed part fails (what
 * follows the addresses, the TLVs, is skipped, never kept). A v2 {@code LOCAL} header (a proxy's own
 * health check), v1 {@code UNKNOWN} and the v2 {@code UNSPEC} and {@code UNIX} families carry no
 * address to use: the header is accepted and the TCP peer stays the client.
 */
public final class ProxyHeaderDecoder {

    /** What {@link #decode} achieved. */
    public enum Result {
        /** Not the whole header yet: feed more. */
        NEED_MORE_INPUT,
        /** The header is read: {@link #header()}. The bytes left in the buffer come after it. */
        DONE,
        /** Not a valid header: {@link #error()} says why. Close the connection. */
        ERROR
    }

    /** The longest v1 header, CRLF included (the specification's own bound). */
    public static final int MAX_V1_BYTES = 107;
    /**
     * The most bytes a v2 header may announce after its 16-byte fixed part: the largest address block
     * (216 bytes, {@code UNIX}) and room for the TLVs proxies add (ALPN, authority, unique id, TLS
     * details, cloud endpoint ids), which run to a few hundred bytes.
     */
    public static final int MAX_V2_BODY_BYTES = 4096;

    private static final byte[] V1_PREFIX = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    private static final int V2_PREFIX_BYTES = 16;
    private static final int COMMAND_LOCAL = 0x0;
    private static final int COMMAND_PROXY = 0x1;
    /** Family (high nibble) and transport (low): UNSPEC, TCP and UDP over IPv4, IPv6 and UNIX. */
    private static final int[] KNOWN_FAMILIES = {0x00, 0x11, 0x12, 0x21, 0x22, 0x31, 0x32};
    private static final int FAMILY_INET = 0x1;
    private static final int FAMILY_INET6 = 0x2;
    private static final int FAMILY_UNIX = 0x3;

    private enum State { START, V1_LINE, V2_PREFIX, V2_BODY, DONE, FAILED }

    /** The v1 line, or the v2 fixed part and address block (52 bytes at most). */
    private final byte[] kept = new byte[MAX_V1_BYTES];
    private State state = State.START;
    private int count;
    private int bodyLength;
    private int bodyRead;
    /** Of the v2 body, the bytes kept: the address block when it is used; the rest is skipped. */
    private int addressBytes;
    private ProxyHeader header;
    private String error;

    /** Creates a decoder for the header of one connection. */
    public ProxyHeaderDecoder() {
        // one per connection, dropped once the header is read
    }

    /**
     * Reads what {@code in} holds of the header, advancing its position past the bytes used; after
     * {@link Result#DONE} the bytes left are the ones that followed the header.
     *
     * @param in the bytes received, in read mode
     * @return whether the header is complete, wrong, or needs more bytes
     */
    public Result decode(ByteBuffer in) {
        while (in.hasRemaining() && state != State.DONE && state != State.FAILED) {
            switch (state) {
                case START -> start(in.get(in.position()));
                case V1_LINE -> v1(in.get());
                case V2_PREFIX -> v2Prefix(in.get());
                case V2_BODY -> v2Body(in);
                default -> throw new IllegalStateException(state.name());
            }
        }
        return switch (state) {
            case DONE -> Result.DONE;
            case FAILED -> Result.ERROR;
            default -> Result.NEED_MORE_INPUT;
        };
    }

    /**
     * The header read.
     *
     * @return the header
     * @throws IllegalStateException before {@link Result#DONE}
     */
    public ProxyHeader header() {
        if (state != State.DONE) {
            throw new IllegalStateException("no header: " + state);
        }
        return header;
    }

    /**
     * Why the bytes are not a header.
     *
     * @return a short reason, for a log line
     * @throws IllegalStateException before {@link Result#ERROR}
     */
    public String error() {
        if (state != State.FAILED) {
            throw new IllegalStateException("no error: " + state);
        }
        return error;
    }

    private void start(byte first) {
        if (first == V1_PREFIX[0]) {
            state = State.V1_LINE;
        } else if (first == V2_SIGNATURE[0]) {
            state = State.V2_PREFIX;
        } else {
            fail("not a PROXY protocol header");
        }
    }

    // ---- version 1: "PROXY TCP4 192.0.2.1 198.51.100.1 56324 443\r\n" ------------------------------

    private void v1(byte b) {
        kept[count++] = b;
        if (count <= V1_PREFIX.length) {
            if (b != V1_PREFIX[count - 1]) {
                fail("not a PROXY protocol header");
            }
        } else if (b == '\n') {
            if (kept[count - 2] == '\r') {
                v1Line(new String(kept, V1_PREFIX.length, count - V1_PREFIX.length - 2, StandardCharsets.US_ASCII));
            } else {
                fail("PROXY v1: LF without CR");
            }
        } else if (kept[count - 2] == '\r') {
            fail("PROXY v1: CR without LF");
        } else if (b != '\r' && (b < 0x20 || b > 0x7E)) {
            fail("PROXY v1: a control or non-ASCII byte");
        } else if (count == MAX_V1_BYTES) {
            fail("PROXY v1: no CRLF within " + MAX_V1_BYTES + " bytes");
        }
    }

    private void v1Line(String line) {
        String[] fields = line.split(" ", -1);
        switch (fields[0]) {
            case "UNKNOWN" -> done(ProxyHeader.withoutAddresses(1)); // the rest of the line is ignored (spec 2.1)
            case "TCP4", "TCP6" -> v1Addresses(fields, fields[0].equals("TCP4"));
            default -> fail("PROXY v1: unknown protocol '" + fields[0] + "' (expected TCP4, TCP6 or UNKNOWN)");
        }
    }

    private void v1Addresses(String[] fields, boolean ipv4) {
        if (fields.length != 5) {
            fail("PROXY v1: expected " + fields[0] + " SOURCE DESTINATION SOURCE_PORT DESTINATION_PORT");
            return;
        }
        for (int i = 1; i <= 2; i++) {
            if (ipv4 ? !IpLiterals.isIpv4(fields[i]) : !IpLiterals.isIpv6(fields[i])) {
                fail("PROXY v1: '" + fields[i] + "' is not an " + (ipv4 ? "IPv4" : "IPv6") + " address");
                return;
            }
        }
        int sourcePort = port(fields[3]);
        int destinationPort = port(fields[4]);
        if (sourcePort < 0 || destinationPort < 0) {
            fail("PROXY v1: a port must be a number from 0 to 65535 without leading zeros");
            return;
        }
        done(new ProxyHeader(1, new InetSocketAddress(IpLiterals.parse(fields[1]), sourcePort),
                new InetSocketAddress(IpLiterals.parse(fields[2]), destinationPort)));
    }

    /** Decimal 0–65535 without leading zeros; -1 otherwise. */
    private static int port(String text) {
        if (text.isEmpty() || text.length() > 5 || text.length() > 1 && text.charAt(0) == '0'
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int port = Integer.parseInt(text);
        return port <= 65_535 ? port : -1;
    }

    // ---- version 2: signature, version/command, family/transport, length, body -----------------------

    private void v2Prefix(byte b) {
        kept[count++] = b;
        if (count <= V2_SIGNATURE.length) {
            if (b != V2_SIGNATURE[count - 1]) {
                fail("not a PROXY protocol header");
            }
        } else if (count == 13) {
            if ((b & 0xF0) != 0x20) {
                fail("PROXY v2: version " + ((b & 0xF0) >> 4) + " (expected 2)");
            } else if (command() != COMMAND_LOCAL && command() != COMMAND_PROXY) {
                fail("PROXY v2: unknown command " + command() + " (expected 0 LOCAL or 1 PROXY)");
            }
        } else if (count == 14) {
            if (command() == COMMAND_PROXY && Arrays.stream(KNOWN_FAMILIES).noneMatch(f -> f == (b & 0xFF))) {
                fail(String.format("PROXY v2: unknown address family and transport 0x%02x", b & 0xFF));
            }
        } else if (count == V2_PREFIX_BYTES) {
            v2Length(((kept[14] & 0xFF) << 8) | (b & 0xFF));
        }
    }

    private int command() {
        return kept[12] & 0x0F;
    }

    private int family() {
        return (kept[13] & 0xF0) >> 4;
    }

    private void v2Length(int length) {
        if (length > MAX_V2_BODY_BYTES) {
            fail("PROXY v2: " + length + " bytes after the fixed header, more than " + MAX_V2_BODY_BYTES);
            return;
        }
        int needed = command() == COMMAND_LOCAL ? 0 : switch (family()) {
            case FAMILY_INET -> 12;
            case FAMILY_INET6 -> 36;
            case FAMILY_UNIX -> 216;
            default -> 0;
        };
        if (length < needed) {
            fail("PROXY v2: " + length + " bytes of addresses, the family needs " + needed);
            return;
        }
        bodyLength = length;
        addressBytes = family() == FAMILY_UNIX ? 0 : needed; // UNIX addresses are never used: skipped
        state = State.V2_BODY;
        if (length == 0) {
            v2Done();
        }
    }

    private void v2Body(ByteBuffer in) {
        int n = Math.min(bodyLength - bodyRead, in.remaining());
        int keep = Math.max(0, Math.min(n, addressBytes - bodyRead));
        if (keep > 0) {
            in.get(kept, V2_PREFIX_BYTES + bodyRead, keep);
        }
        in.position(in.position() + n - keep); // what follows the addresses: the TLVs, or UNIX addresses
        bodyRead += n;
        if (bodyRead == bodyLength) {
            v2Done();
        }
    }

    private void v2Done() {
        if (addressBytes == 0) {
            done(ProxyHeader.withoutAddresses(2));
            return;
        }
        int size = family() == FAMILY_INET ? 4 : 16;
        int ports = V2_PREFIX_BYTES + 2 * size;
        done(new ProxyHeader(2, new InetSocketAddress(address(V2_PREFIX_BYTES, size), unsigned16(ports)),
                new InetSocketAddress(address(V2_PREFIX_BYTES + size, size), unsigned16(ports + 2))));
    }

    private InetAddress address(int from, int size) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(kept, from, from + size));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }

    private int unsigned16(int at) {
        return ((kept[at] & 0xFF) << 8) | (kept[at + 1] & 0xFF);
    }

    private void done(ProxyHeader decoded) {
        header = decoded;
        state = State.DONE;
    }

    private void fail(String why) {
        error = why;
        state = State.FAILED;
    }
}
