package io.webserv.http.proxy;

import io.webserv.http.message.HttpHeaders;
import io.webserv.http.syntax.AddressRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxiesTest {

    private static final InetSocketAddress PROXY = address("10.0.0.2", 40000);
    private static final InetSocketAddress STRANGER = address("198.51.100.9", 50000);
    private static final TrustedProxies XFF = trusting(ForwardingHeader.X_FORWARDED_FOR, "10.0.0.0/8", "::1");
    private static final TrustedProxies FORWARDED = trusting(ForwardingHeader.FORWARDED, "10.0.0.0/8", "::1");

    /** The client is the right-most entry that is not a trusted proxy; what stands left of it is the client's to write. */
    @ParameterizedTest(name = "X-Forwarded-For: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "203.0.113.7 | 203.0.113.7:0",
            "203.0.113.7:4711 | 203.0.113.7:4711",
            "6.6.6.6, 203.0.113.7 | 203.0.113.7:0",
            "6.6.6.6, 203.0.113.7, 10.1.2.3 | 203.0.113.7:0",
            "6.6.6.6,203.0.113.7,10.1.2.3,10.9.9.9 | 203.0.113.7:0",
            "not-an-address, 203.0.113.7 | 203.0.113.7:0",
            "2001:db8::7 | [2001:db8::7]:0",
            "[2001:db8::7]:4711 | [2001:db8::7]:4711",
            "::ffff:203.0.113.7 | 203.0.113.7:0",
            "10.1.1.1, 10.2.2.2 | 10.1.1.1:0",
            "203.0.113.7, , 10.1.2.3 | 203.0.113.7:0",
            "unknown | 10.0.0.2:40000",
            "203.0.113.7, unknown | 10.0.0.2:40000",
            "203.0.113.7, 10.1.2.3:0 | 10.0.0.2:40000",
            "203.0.113.7 10.1.2.3 | 10.0.0.2:40000",
            "[2001:db8::7 | 10.0.0.2:40000",
            "300.1.1.1 | 10.0.0.2:40000",
            "'' | 10.0.0.2:40000"})
    void takesTheRightMostUntrustedXForwardedFor(String value, String client) {
        assertThat(XFF.client(PROXY, headers("X-Forwarded-For", value))).isEqualTo(parse(client));
    }

    @Test
    void readsEveryXForwardedForLineInOrder() {
        HttpHeaders headers = headers("X-Forwarded-For", "6.6.6.6, 203.0.113.7").add("x-forwarded-for", "10.1.2.3");
        assertThat(XFF.client(PROXY, headers)).isEqualTo(address("203.0.113.7", 0));
        HttpHeaders spoofed = headers("X-Forwarded-For", "10.1.2.3").add("X-Forwarded-For", "6.6.6.6");
        assertThat(XFF.client(PROXY, spoofed)).isEqualTo(address("6.6.6.6", 0));
    }

    @ParameterizedTest(name = "Forwarded: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "for=203.0.113.7 | 203.0.113.7:0",
            "For=203.0.113.7;proto=https;by=10.0.0.2 | 203.0.113.7:0",
            "for=\"203.0.113.7:4711\" | 203.0.113.7:4711",
            "for=\"[2001:db8::1]:4711\" | [2001:db8::1]:4711",
            "for=\"[2001:db8::1]\" | [2001:db8::1]:0",
            "for=\"[2001:db8::1]:_port\" | [2001:db8::1]:0",
            "for=6.6.6.6, for=203.0.113.7 | 203.0.113.7:0",
            "for=6.6.6.6,for=203.0.113.7;by=\"[::1]\", for=10.1.2.3 | 203.0.113.7:0",
            "for=203.0.113.7 ; proto=http , for=10.1.2.3 | 203.0.113.7:0",
            "proto=http;for=\"203.0.113.7\" | 203.0.113.7:0",
            "for=\"a\\\"b\", for=203.0.113.7 | 203.0.113.7:0",
            "for=unknown | 10.0.0.2:40000",
            "for=_hidden | 10.0.0.2:40000",
            "for=203.0.113.7, proto=http | 10.0.0.2:40000",
            "for=203.0.113.7;for=6.6.6.6 | 10.0.0.2:40000",
            "for=203.0.113.7:4711 | 10.0.0.2:40000",
            "for=2001:db8::1 | 10.0.0.2:40000",
            "for=\"203.0.113.7 | 10.0.0.2:40000",
            "for | 10.0.0.2:40000",
            "=203.0.113.7 | 10.0.0.2:40000"})
    void takesTheRightMostUntrustedForwardedFor(String value, String client) {
        assertThat(FORWARDED.client(PROXY, headers("Forwarded", value))).isEqualTo(parse(client));
    }

    /** A broken element anywhere breaks the field: its structure, not only one entry, cannot be trusted. */
    @Test
    void ignoresAForwardedFieldWithABrokenQuoteLeftOfTheClient() {
        assertThat(FORWARDED.client(PROXY, headers("Forwarded", "for=\"6.6.6.6, for=203.0.113.7"))).isEqualTo(PROXY);
    }

    @Test
    void ignoresTheHeaderOfAnUntrustedPeer() {
        assertThat(XFF.client(STRANGER, headers("X-Forwarded-For", "203.0.113.7"))).isEqualTo(STRANGER);
        assertThat(FORWARDED.client(STRANGER, headers("Forwarded", "for=203.0.113.7"))).isEqualTo(STRANGER);
    }

    @Test
    void readsOnlyTheConfiguredHeader() {
        assertThat(XFF.client(PROXY, headers("Forwarded", "for=203.0.113.7"))).isEqualTo(PROXY);
        assertThat(FORWARDED.client(PROXY, headers("X-Forwarded-For", "203.0.113.7"))).isEqualTo(PROXY);
    }

    @Test
    void trustsNobodyByDefault() {
        assertThat(TrustedProxies.NONE.client(PROXY, headers("X-Forwarded-For", "203.0.113.7"))).isEqualTo(PROXY);
        assertThat(TrustedProxies.NONE.trusts(PROXY.getAddress())).isFalse();
    }

    @Test
    void keepsThePeerWithoutAHeader() {
        assertThat(XFF.client(PROXY, new HttpHeaders())).isEqualTo(PROXY);
    }

    @Test
    void matchesAnIpv4PeerSeenAsIpv4MappedIpv6() throws Exception {
        InetSocketAddress mapped = new InetSocketAddress(InetAddress.getByAddress(new byte[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 0, 0, 2}), 40000);
        assertThat(XFF.client(mapped, headers("X-Forwarded-For", "203.0.113.7"))).isEqualTo(address("203.0.113.7", 0));
    }

    private static TrustedProxies trusting(ForwardingHeader header, String... ranges) {
        return new TrustedProxies(List.of(ranges).stream().map(AddressRange::parse).toList(), header);
    }

    private static HttpHeaders headers(String name, String value) {
        return new HttpHeaders().add(name, value);
    }

    private static InetSocketAddress parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        return address(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }

    private static InetSocketAddress address(String host, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
