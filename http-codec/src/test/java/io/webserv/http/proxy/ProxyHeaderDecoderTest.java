package io.webserv.http.proxy;

import io.webserv.http.proxy.ProxyHeaderDecoder.Result;
import io.webserv.http.testing.Splits;
import io.webserv.http.testing.Splits.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyHeaderDecoderTest {

    /** What follows the header: the first request, which the decoder must leave where it is. */
    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    /** The outcome of feeding a whole input, split some way. */
    private record Fed(Result result, ProxyHeader header, String error, byte[] rest) {
    }

    static Stream<Arguments> validHeaders() throws Exception {
        return Stream.of(
                Arguments.of("v1 TCP4", ascii("PROXY TCP4 192.0.2.10 198.51.100.1 56324 443\r\n"),
                        header(1, "192.0.2.10", 56324, "198.51.100.1", 443)),
                Arguments.of("v1 TCP6", ascii("PROXY TCP6 2001:db8::7 2001:db8::1 4711 80\r\n"),
                        header(1, "2001:db8::7", 4711, "2001:db8::1", 80)),
                Arguments.of("v1 TCP6 IPv4-mapped", ascii("PROXY TCP6 ::ffff:192.0.2.1 ::1 1 65535\r\n"),
                        header(1, "192.0.2.1", 1, "::1", 65535)),
                Arguments.of("v1 ports 0", ascii("PROXY TCP4 10.0.0.1 10.0.0.2 0 0\r\n"),
                        header(1, "10.0.0.1", 0, "10.0.0.2", 0)),
                Arguments.of("v1 UNKNOWN", ascii("PROXY UNKNOWN\r\n"), new ProxyHeader(1, null, null)),
                Arguments.of("v1 UNKNOWN with ignored addresses", ascii("PROXY UNKNOWN ffff:f...f:ffff 1.2.3.4 65535 65535\r\n"),
                        new ProxyHeader(1, null, null)),
                Arguments.of("v1 longest line", ascii("PROXY TCP6 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff "
                        + "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535\r\n"),
                        header(1, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 65535, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 65535)),
                Arguments.of("v1 longest possible line, 107 bytes", ascii("PROXY UNKNOWN ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff "
                        + "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535\r\n"), new ProxyHeader(1, null, null)),
                Arguments.of("v2 TCP over IPv4", v2(0x21, 0x11, addresses("192.0.2.10", "198.51.100.1", 56324, 443), new byte[0]),
                        header(2, "192.0.2.10", 56324, "198.51.100.1", 443)),
                Arguments.of("v2 UDP over IPv4", v2(0x21, 0x12, addresses("192.0.2.10", "198.51.100.1", 1, 2), new byte[0]),
                        header(2, "192.0.2.10", 1, "198.51.100.1", 2)),
                Arguments.of("v2 TCP over IPv6", v2(0x21, 0x21, addresses("2001:db8::7", "2001:db8::1", 4711, 80), new byte[0]),
                        header(2, "2001:db8::7", 4711, "2001:db8::1", 80)),
                Arguments.of("v2 with TLVs skipped", v2(0x21, 0x11, addresses("192.0.2.10", "198.51.100.1", 56324, 443),
                        tlvs()), header(2, "192.0.2.10", 56324, "198.51.100.1", 443)),
                Arguments.of("v2 LOCAL keeps the peer", v2(0x20, 0x00, new byte[0], new byte[0]), new ProxyHeader(2, null, null)),
                Arguments.of("v2 LOCAL with an address block", v2(0x20, 0x11, addresses("192.0.2.10", "198.51.100.1", 1, 2), new byte[0]),
                        new ProxyHeader(2, null, null)),
                Arguments.of("v2 LOCAL with an unknown family", v2(0x20, 0x99, new byte[0], new byte[0]), new ProxyHeader(2, null, null)),
                Arguments.of("v2 UNSPEC keeps the peer", v2(0x21, 0x00, new byte[0], tlvs()), new ProxyHeader(2, null, null)),
                Arguments.of("v2 UNIX keeps the peer", v2(0x21, 0x31, new byte[216], new byte[0]), new ProxyHeader(2, null, null)),
                Arguments.of("v2 UNIX datagram keeps the peer", v2(0x21, 0x32, new byte[216], tlvs()), new ProxyHeader(2, null, null)),
                Arguments.of("v2 longest body", v2(0x21, 0x11, addresses("192.0.2.10", "198.51.100.1", 7, 8),
                        new byte[ProxyHeaderDecoder.MAX_V2_BODY_BYTES - 12]), header(2, "192.0.2.10", 7, "198.51.100.1", 8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validHeaders")
    void decodesEveryValidHeaderHoweverItIsSplit(String name, byte[] header, ProxyHeader expected) {
        byte[] input = concat(header, REQUEST);
        for (Split split : Splits.exhaustive(input)) {
            Fed fed = feed(split.chunks());
            assertThat(fed.result()).as("%s, %s", name, split).isEqualTo(Result.DONE);
            assertThat(fed.header()).as("%s, %s", name, split).isEqualTo(expected);
            assertThat(fed.rest()).as("bytes after the header, %s, %s", name, split).isEqualTo(REQUEST);
        }
    }

    static Stream<Arguments> malformedHeaders() throws Exception {
        byte[] inet4 = addresses("192.0.2.10", "198.51.100.1", 1, 2);
        return Stream.of(
                Arguments.of("an HTTP request", REQUEST),
                Arguments.of("garbage", new byte[] {0, 1, 2, 3}),
                Arguments.of("lower-case proxy", ascii("proxy TCP4 192.0.2.10 198.51.100.1 1 2\r\n")),
                Arguments.of("v1 no space after PROXY", ascii("PROXYTCP4 192.0.2.10 198.51.100.1 1 2\r\n")),
                Arguments.of("v1 unknown protocol", ascii("PROXY UDP4 192.0.2.10 198.51.100.1 1 2\r\n")),
                Arguments.of("v1 empty protocol", ascii("PROXY \r\n")),
                Arguments.of("v1 UNKNOWN glued", ascii("PROXY UNKNOWNX\r\n")),
                Arguments.of("v1 missing port", ascii("PROXY TCP4 192.0.2.10 198.51.100.1 1\r\n")),
                Arguments.of("v1 extra field", ascii("PROXY TCP4 192.0.2.10 198.51.100.1 1 2 3\r\n")),
                Arguments.of("v1 two spaces", ascii("PROXY TCP4  192.0.2.10 198.51.100.1 1 2\r\n")),
                Arguments.of("v1 trailing space", ascii("PROXY TCP4 192.0.2.10 198.51.100.1 1 2 \r\n")),
                Arguments.of("v1 IPv6 in TCP4", ascii("PROXY TCP4 2001:db8::7 198.51.100.1 1 2\r\n")),
                Arguments.of("v1 IPv4 in TCP6", ascii("PROXY TCP6 192.0.2.10 2001:db8::1 1 2\r\n")),
                Arguments.of("v1 bad IPv4", ascii("PROXY TCP4 192.0.2.256 198.51.100.1 1 2\r\n")),
                Arguments.of("v1 leading zero octet", ascii("PROXY TCP4 192.0.2.010 198.51.100.1 1 2\r\n")),
                Arguments.of("v1 host name", ascii("PROXY TCP4 localhost 198.51.100.1 1 2\r\n")),
                Arguments.of("v1 port too large", ascii("PROXY TCP4 192.0.2.10 198.51.100.1 65536 2\r\n")),
                Arguments.of("v1 port with leading zero", ascii("PROXY TCP4 192.0.2.10 198.51.100.1 01 2\r\n")),
                Arguments.of("v1 negative port", ascii("PROXY TCP4 192.0.2.10 198.51.100.1 -1 2\r\n")),
                Arguments.of("v1 LF without CR", ascii("PROXY TCP4 192.0.2.10 198.51.100.1 1 2\n")),
                Arguments.of("v1 CR without LF", ascii("PROXY TCP4 192.0.2.10 198.51.100.1 1 2\r\r\n")),
                Arguments.of("v1 control byte", ascii("PROXY TCP4 192.0.2.10\t198.51.100.1 1 2\r\n")),
                Arguments.of("v1 non-ASCII byte", concat(ascii("PROXY UNKNOWN "), new byte[] {(byte) 0xE9}, ascii("\r\n"))),
                Arguments.of("v1 line over 107 bytes", ascii("PROXY UNKNOWN " + "x".repeat(92) + "\r\n")),
                Arguments.of("v2 bad signature", concat(Arrays.copyOf(SIGNATURE, 11), new byte[] {0x0B, 0x21, 0x11, 0, 12}, inet4)),
                Arguments.of("v2 version 1", v2(0x11, 0x11, inet4, new byte[0])),
                Arguments.of("v2 version 3", v2(0x31, 0x11, inet4, new byte[0])),
                Arguments.of("v2 command 2", v2(0x22, 0x11, inet4, new byte[0])),
                Arguments.of("v2 family 4", v2(0x21, 0x41, inet4, new byte[0])),
                Arguments.of("v2 transport 3", v2(0x21, 0x13, inet4, new byte[0])),
                Arguments.of("v2 IPv4 without a transport", v2(0x21, 0x10, inet4, new byte[0])),
                Arguments.of("v2 IPv4 block too short", v2(0x21, 0x11, Arrays.copyOf(inet4, 11), new byte[0])),
                Arguments.of("v2 IPv6 block too short", v2(0x21, 0x21, new byte[35], new byte[0])),
                Arguments.of("v2 UNIX block too short", v2(0x21, 0x31, new byte[215], new byte[0])),
                Arguments.of("v2 body over the bound", v2(0x21, 0x11, inet4, new byte[ProxyHeaderDecoder.MAX_V2_BODY_BYTES - 11])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedHeaders")
    void refusesEveryMalformedHeaderHoweverItIsSplit(String name, byte[] input) {
        for (Split split : Splits.exhaustive(concat(input, REQUEST))) {
            Fed fed = feed(split.chunks());
            assertThat(fed.result()).as("%s, %s", name, split).isEqualTo(Result.ERROR);
            assertThat(fed.error()).as("%s, %s", name, split).isNotBlank();
        }
    }

    /** Without waiting for a timeout: the first byte that cannot start a header fails it. */
    @Test
    void failsAnHttpRequestAtItsFirstByte() {
        ProxyHeaderDecoder decoder = new ProxyHeaderDecoder();
        assertThat(decoder.decode(ByteBuffer.wrap(ascii("G")))).isEqualTo(Result.ERROR);
        assertThat(decoder.error()).isEqualTo("not a PROXY protocol header");
    }

    @Test
    void failsAV1LineAsSoonAsItPasses107Bytes() {
        ProxyHeaderDecoder decoder = new ProxyHeaderDecoder();
        byte[] line = ascii("PROXY UNKNOWN " + "x".repeat(200));
        for (int i = 0; i < line.length; i++) {
            Result result = decoder.decode(ByteBuffer.wrap(line, i, 1));
            if (i < ProxyHeaderDecoder.MAX_V1_BYTES - 1) {
                assertThat(result).as("after byte %d", i + 1).isEqualTo(Result.NEED_MORE_INPUT);
            } else {
                assertThat(result).as("after byte %d", i + 1).isEqualTo(Result.ERROR);
                assertThat(decoder.error()).contains("107");
                return;
            }
        }
    }

    @Test
    void failsAV2LengthOverTheBoundBeforeReadingTheBody() throws Exception {
        byte[] prefix = concat(SIGNATURE, new byte[] {0x21, 0x11, 0x10, 0x01}); // 4097 bytes announced
        ProxyHeaderDecoder decoder = new ProxyHeaderDecoder();
        assertThat(decoder.decode(ByteBuffer.wrap(prefix))).isEqualTo(Result.ERROR);
        assertThat(decoder.error()).contains("4097");
    }

    /** A header cut anywhere waits for the rest: it is never taken as complete, and never as wrong. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("validHeaders")
    void waitsForTheRestOfATruncatedHeader(String name, byte[] header, ProxyHeader expected) {
        for (int length = 0; length < header.length; length++) {
            ProxyHeaderDecoder decoder = new ProxyHeaderDecoder();
            ByteBuffer cut = ByteBuffer.wrap(header, 0, length);
            assertThat(decoder.decode(cut)).as("%s cut at %d", name, length).isEqualTo(Result.NEED_MORE_INPUT);
            assertThat(cut.hasRemaining()).isFalse();
        }
    }

    private static Fed feed(List<ByteBuffer> chunks) {
        ProxyHeaderDecoder decoder = new ProxyHeaderDecoder();
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        Result result = Result.NEED_MORE_INPUT;
        for (ByteBuffer chunk : chunks) {
            ByteBuffer in = chunk.duplicate();
            if (result == Result.NEED_MORE_INPUT) {
                result = decoder.decode(in);
            }
            if (result == Result.DONE) {
                byte[] left = new byte[in.remaining()];
                in.get(left);
                rest.writeBytes(left);
            }
        }
        return new Fed(result, result == Result.DONE ? decoder.header() : null,
                result == Result.ERROR ? decoder.error() : null, rest.toByteArray());
    }

    private static ProxyHeader header(int version, String source, int sourcePort, String destination, int destinationPort)
            throws Exception {
        return new ProxyHeader(version, new InetSocketAddress(InetAddress.getByName(source), sourcePort),
                new InetSocketAddress(InetAddress.getByName(destination), destinationPort));
    }

    private static byte[] v2(int versionCommand, int family, byte[] addresses, byte[] tlvs) {
        int length = addresses.length + tlvs.length;
        return concat(SIGNATURE, new byte[] {(byte) versionCommand, (byte) family, (byte) (length >> 8), (byte) length},
                addresses, tlvs);
    }

    /** A v2 address block: both addresses (4 or 16 bytes each, by their family), then both ports. */
    private static byte[] addresses(String source, String destination, int sourcePort, int destinationPort)
            throws Exception {
        return concat(InetAddress.getByName(source).getAddress(), InetAddress.getByName(destination).getAddress(),
                port(sourcePort), port(destinationPort));
    }

    /** An ALPN TLV (0x01, "h2") and a unique-id TLV (0x05, 16 bytes), as HAProxy sends them. */
    private static byte[] tlvs() {
        return concat(new byte[] {0x01, 0x00, 0x02, 'h', '2'}, new byte[] {0x05, 0x00, 0x10}, new byte[16]);
    }

    private static byte[] port(int port) {
        return new byte[] {(byte) (port >> 8), (byte) port};
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
