package io.webserv.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizesAndDurationsTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "1234, 1234",
        "8k, 8192",
        "8K, 8192",
        "1m, 1048576",
        "100M, 104857600",
        "2g, 2147483648",
        "007, 7",
        "8589934591g, 9223372035781033984",
    })
    void sizes(String text, long bytes) {
        assertThat(Sizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''            | not a number",
        "k             | not a number",
        "-1            | not a number",
        "+1            | not a number",
        "1.5m          | not a number",
        "1 k           | not a number",
        "1kb           | not a number",
        "1t            | not a number",
        "0x10          | not a number",
        "1_000         | not a number",
        "abc           | not a number",
        "8589934592g   | too large",
        "9223372036854775808 | too large",
    })
    void sizesRejected(String text, String reason) {
        assertThatThrownBy(() -> Sizes.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(reason);
    }

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "10s, PT10S",
        "10S, PT10S",
        "5m, PT5M",
        "1h, PT1H",
        "0s, PT0S",
        "90s, PT1M30S",
        "2562047h, PT2562047H",
    })
    void durations(String text, Duration duration) {
        assertThat(Durations.parse(text)).isEqualTo(duration);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "30         | missing unit",
        "''         | not a duration",
        "s          | not a number",
        "ms         | not a number",
        "-5s        | not a number",
        "1.5s       | not a number",
        "1m30s      | not a number",
        "5 s        | not a number",
        "10d        | not a duration",
        "10us       | not a number",
        "2562048h   | too large",
        "99999999999999999999s | too large",
    })
    void durationsRejected(String text, String reason) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(reason);
    }
}
