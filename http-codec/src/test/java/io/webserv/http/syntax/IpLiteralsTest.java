package io.webserv.http.syntax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet4Address;
import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IpLiteralsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "192.0.2.10", "255.255.255.255", "10.0.0.0"})
    void acceptsDottedQuads(String text) throws Exception {
        assertThat(IpLiterals.isIpv4(text)).isTrue();
        assertThat(IpLiterals.parse(text)).isEqualTo(InetAddress.getByName(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.2.3", "1.2.3.4.5", "1.2.3.", ".1.2.3", "256.1.1.1", "01.2.3.4", "1.2.3.004",
        "1..2.3", "1.2.3.4 ", " 1.2.3.4", "a.b.c.d", "1.2.3.4/8", "0x7f.0.0.1", "1.2.3.\u0130", "\u0661.2.3.4"})
    void refusesWhatIsNotADottedQuad(String text) {
        assertThat(IpLiterals.isIpv4(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "2001:db8::1", "2001:db8:0:0:0:0:0:1", "fe80::1:2", "::ffff:192.0.2.1",
        "64:ff9b::192.0.2.1", "1:2:3:4:5:6:7:8", "1::", "FFFF::Abcd"})
    void acceptsIpv6Literals(String text) throws Exception {
        assertThat(IpLiterals.isIpv6(text)).isTrue();
        assertThat(IpLiterals.parse(text)).isEqualTo(InetAddress.getByName(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "g::1", "::1%eth0",
        "[::1]", "::256.1.1.1", "1.2.3.4", "::1 ", "1:2:3:4:5:6:7::8:9"})
    void refusesWhatIsNotAnIpv6Literal(String text) {
        assertThat(IpLiterals.isIpv6(text)).isFalse();
    }

    @Test
    void parsesWithoutLookingNamesUp() {
        assertThatIllegalArgumentException().isThrownBy(() -> IpLiterals.parse("localhost"));
        assertThatIllegalArgumentException().isThrownBy(() -> IpLiterals.parse("example.com"));
    }

    @Test
    void readsAnIpv4MappedLiteralAsIpv4() {
        assertThat(IpLiterals.parse("::ffff:10.0.0.1")).isInstanceOf(Inet4Address.class);
    }
}
