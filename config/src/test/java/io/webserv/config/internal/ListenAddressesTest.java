package io.webserv.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webserv.config.model.ListenAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListenAddressesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "8080               | null         | 8080",
        "1                  | null         | 1",
        "65535              | null         | 65535",
        "*:80               | null         | 80",
        "127.0.0.1:8081     | 127.0.0.1    | 8081",
        "0.0.0.0:80         | 0.0.0.0      | 80",
        "[::1]:8080         | ::1          | 8080",
        "[::]:8080          | ::           | 8080",
        "[::ffff:10.0.0.1]:1 | ::ffff:10.0.0.1 | 1",
        "LocalHost:8080     | localhost    | 8080",
        "www.example.com:80 | www.example.com | 80",
    })
    void accepted(String text, String host, int port) {
        assertThat(ListenAddresses.parse(text)).isEqualTo(new ListenAddress(host, port));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0                  | port must be from 1 to 65535",
        "65536              | port must be from 1 to 65535",
        "''                 | missing port",
        "127.0.0.1          | port is not a number",
        "127.0.0.1:         | missing port",
        "127.0.0.1:http     | port is not a number",
        ":80                | missing host before ':'",
        "::1:80             | an IPv6 address needs brackets, e.g. [::1]:8080",
        "[::1]              | missing port",
        "[]:80              | not an IPv6 address",
        "[nope]:80          | not an IPv6 address",
        "256.0.0.1:80       | not an IPv4 address",
        "1.2.3:80           | not an IPv4 address",
        "bad_name:80        | not a host name",
        "-a.example:80      | not a host name",
        "a..example:80      | not a host name",
    })
    void rejected(String text, String reason) {
        assertThatThrownBy(() -> ListenAddresses.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(reason);
    }
}
