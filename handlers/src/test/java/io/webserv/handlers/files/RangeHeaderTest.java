package io.webserv.handlers.files;

import io.webserv.handlers.files.RangeHeader.Partial;
import io.webserv.handlers.files.RangeHeader.Unsatisfiable;
import io.webserv.handlers.files.RangeHeader.Whole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangeHeaderTest {

    private static final long LENGTH = 1000;

    private static ByteRange partial(String value, long length) {
        RangeHeader.Result result = RangeHeader.evaluate(value, length);
        assertThat(result).isInstanceOf(Partial.class);
        return ((Partial) result).range();
    }

    @ParameterizedTest
    @CsvSource({
        "'bytes=0-499',      0,   499",
        "'bytes=500-999',    500, 999",
        "'bytes=0-0',        0,   0",
        "'bytes=999-999',    999, 999",
        "'bytes=500-',       500, 999",
        "'bytes=0-',         0,   999",
        "'bytes=-1',         999, 999",
        "'bytes=-500',       500, 999",
        "'bytes=500-5000',   500, 999",
        "'bytes=-5000',      0,   999",
        "'bytes=-1000',      0,   999",
        "'BYTES=1-2',        1,   2",
        "'Bytes=1-2',        1,   2",
        "' bytes=1-2 ',      1,   2",
        "'bytes= 1-2',       1,   2",
        "'bytes=1-2 , ',     1,   2",
        "'bytes=,1-2',       1,   2",
        "'bytes=007-010',    7,   10",
    })
    void singleRangesInEveryForm(String value, long first, long last) {
        assertThat(partial(value, LENGTH)).isEqualTo(new ByteRange(first, last));
    }

    @Test
    void numbersBeyondALongSaturate() {
        assertThat(partial("bytes=10-99999999999999999999999", LENGTH)).isEqualTo(new ByteRange(10, 999));
        assertThat(partial("bytes=-99999999999999999999999", LENGTH)).isEqualTo(new ByteRange(0, 999));
        assertThat(partial("bytes=9223372036854775806-", Long.MAX_VALUE)).isEqualTo(
                new ByteRange(Long.MAX_VALUE - 1, Long.MAX_VALUE - 1));
        assertThat(RangeHeader.evaluate("bytes=99999999999999999999999-", LENGTH)).isInstanceOf(Unsatisfiable.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=5000-6000", "bytes=-0"})
    void rangesBeyondTheEndAreUnsatisfiable(String value) {
        assertThat(RangeHeader.evaluate(value, LENGTH)).isInstanceOf(Unsatisfiable.class);
    }

    @Test
    void anEmptyFileHasNoSatisfiableRange() {
        assertThat(RangeHeader.evaluate("bytes=0-0", 0)).isInstanceOf(Unsatisfiable.class);
        assertThat(RangeHeader.evaluate("bytes=0-", 0)).isInstanceOf(Unsatisfiable.class);
        // a suffix of nothing is nothing: the whole (empty) representation, as a 200
        assertThat(RangeHeader.evaluate("bytes=-5", 0)).isInstanceOf(Whole.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=5-2", "bytes=", "bytes=-", "bytes=a-b", "bytes=1-b", "bytes=+1-2", "bytes=-+2",
        "bytes=1 -2", "bytes=1- 2", "bytes=0x10-20", "bytes=1-2-3", "bytes 1-2", "bytes=1", "=1-2", "bytes=,",
        "bytes=--1", "bytes=1.5-2", "items=0-1", "bytesx=0-1", ""})
    void malformedOrForeignRangesAreIgnored(String value) {
        assertThat(RangeHeader.evaluate(value, LENGTH)).isInstanceOf(Whole.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,5-6", "bytes=0-1, 3-", "bytes=-1,-2", "bytes=0-0,0-0", "bytes=5000-,6000-"})
    void severalRangesAreServedWhole(String value) {
        assertThat(RangeHeader.evaluate(value, LENGTH)).isInstanceOf(Whole.class);
    }

    @Test
    void noFieldMeansWhole() {
        assertThat(RangeHeader.evaluate(null, LENGTH)).isInstanceOf(Whole.class);
    }

    @Test
    void contentRangeValues() {
        assertThat(new ByteRange(0, 499).contentRange(1000)).isEqualTo("bytes 0-499/1000");
        assertThat(new ByteRange(0, 499).length()).isEqualTo(500);
        assertThat(new ByteRange(7, 7).length()).isEqualTo(1);
        assertThat(ByteRange.unsatisfiedContentRange(1000)).isEqualTo("bytes */1000");
        assertThatThrownBy(() -> new ByteRange(5, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ByteRange(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
