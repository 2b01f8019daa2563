package io.webserv.http.syntax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AddressRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "127.0.0.0/8, 127.0.0.1, true",
            "127.0.0.0/8, 127.255.3.4, true",
            "127.0.0.0/8, 128.0.0.1, false",
            "10.1.0.0/16, 10.1.200.7, true",
            "10.1.0.0/16, 10.2.0.1, false",
            "192.168.1.128/25, 192.168.1.129, true",
            "192.168.1.128/25, 192.168.1.127, false",
            "192.168.1.5, 192.168.1.5, true",
            "192.168.1.5, 192.168.1.6, false",
            "0.0.0.0/0, 8.8.8.8, true",
            "0.0.0.0/0, ::1, false",
            "::1, ::1, true",
            "::1, 127.0.0.1, false",
            "fd00::/8, fd12:3456::1, true",
            "fd00::/8, fe80::1, false",
            "10.0.0.0/8, ::ffff:10.9.8.7, true",
            "10.0.0.0/8, ::ffff:11.9.8.7, false"})
    void matchesAddressesByPrefix(String range, String address, boolean contained) throws Exception {
        assertThat(AddressRange.parse(range).contains(InetAddress.getByName(address))).isEqualTo(contained);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "10.0.0", "10.0.0.0/33", "::1/129", "10.0.0.0/x", "10.0.0.0/-1", "", "1.2.3.4.5"})
    void refusesWhatIsNotALiteralAddressOrBlock(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse(text)).withMessageContaining("'" + text + "'");
    }

    @Test
    void equalsARangeThatHoldsTheSameAddresses() {
        assertThat(AddressRange.parse("10.1.0.0/8")).isEqualTo(AddressRange.parse("10.0.0.0/8"))
                .hasSameHashCodeAs(AddressRange.parse("10.0.0.0/8"));
        assertThat(AddressRange.parse("10.0.0.0/8")).isNotEqualTo(AddressRange.parse("10.0.0.0/16"));
        assertThat(AddressRange.parse("10.1.0.0/8").contains(InetAddress.getLoopbackAddress())).isFalse();
        assertThat(AddressRange.parse("10.1.0.0/8")).hasToString("10.1.0.0/8");
    }
}
