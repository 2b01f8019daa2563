package io.webserv.http.syntax;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpDatesTest {

    private static final long NOV_6_1994 = 784111777L;

    @Test
    void formatsImfFixdate() {
        assertThat(HttpDates.format(NOV_6_1994 * 1000 + 999)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    @Test
    void parsesAllThreeFormsOfRfc9110() {
        assertThat(HttpDates.parseEpochSecond("Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(NOV_6_1994);
        assertThat(HttpDates.parseEpochSecond("Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo(NOV_6_1994);
        assertThat(HttpDates.parseEpochSecond("Sun Nov  6 08:49:37 1994")).isEqualTo(NOV_6_1994);
    }

    @Test
    void rejectsWhatIsNotADate() {
        assertThat(HttpDates.parseEpochSecond("yesterday")).isEqualTo(-1);
        assertThat(HttpDates.parseEpochSecond("Mon, 06 Nov 1994 08:49:37 GMT")).isEqualTo(-1);
        assertThat(HttpDates.parseEpochSecond("Sun, 06 Nov 1994 08:49:37 CET")).isEqualTo(-1);
    }

    @Test
    void classifiesCharacters() {
        assertThat(HttpChars.isToken('!')).isTrue();
        assertThat(HttpChars.isToken('(')).isFalse();
        assertThat(HttpChars.isFieldValue('\t')).isTrue();
        assertThat(HttpChars.isFieldValue(0xE9)).isTrue();
        assertThat(HttpChars.isFieldValue(0x7F)).isFalse();
        assertThat(HttpChars.isFieldValue('\r')).isFalse();
        assertThat(HttpChars.hexValue('F')).isEqualTo(15);
        assertThat(HttpChars.hexValue('g')).isEqualTo(-1);
    }
}
