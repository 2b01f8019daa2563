package io.webserv.http.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webserv.http.parse.HttpParseException;
import io.webserv.http.parse.ParseError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A part's {@code Content-Disposition} (RFC 7578 §4.2, RFC 6266, RFC 8187). Header values reach it
 * already decoded, so these tests are on strings; the parser tests feed the same through every split.
 */
class ContentDispositionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "NULL", value = {
            "form-data; name=\"field\"                                       | field | NULL",
            "form-data; name=field                                           | field | NULL",
            "Form-Data; NAME=\"a\"; FileName=\"a.txt\"                        | a     | a.txt",
            "`form-data;name=\"a\";filename=\"\" `                           | a     | ``",
            "form-data; name=\"a\"; filename=\"x\\\"y\\\\z\"                  | a     | x\"y\\z",
            "form-data; name=\"a\"; filename=\"../../etc/passwd\"             | a     | ../../etc/passwd",
            "form-data; name=\"a\"; filename=\"a.txt\"; filename*=UTF-8''%E2%82%AC%20rates.txt | a | € rates.txt",
            "form-data; name=\"a\"; filename*=utf-8'en'na%C3%AFve.txt; filename=\"naive.txt\" | a | naïve.txt",
            "form-data; name=\"a\"; filename*=ISO-8859-1''%E9t%E9.txt        | a     | été.txt",
            "form-data; name=\"a\"; filename*=UTF-8''%2e%2E%2Fx              | a     | ../x",
            "form-data; name=\"a\";; filename=b;                             | a     | b",
    })
    void parses(String header, String name, String filename) {
        assertThat(ContentDisposition.parse(header)).isEqualTo(new ContentDisposition(name, filename));
    }

    @ParameterizedTest(name = "{0}")
    @NullSource
    @ValueSource(strings = {
            "",
            "attachment; name=\"a\"",
            "form-data",
            "form-data; filename=\"a.txt\"",
            "form-data; name=\"a\"; name=\"b\"",
            "form-data; name=\"a\"; NAME=\"a\"",
            "form-data; name=\"a",
            "form-data; name=a b",
            "form-data; name",
            "form-data; name=",
            "form-data; name =\"a\"",
            "form-data; name=\"a\" filename=\"b\"",
            "form-data; name=\"a\u0001\"",
            "form-data; name=\"a\"; filename*=UTF-16''a",
            "form-data; name=\"a\"; filename*=UTF-8'a",
            "form-data; name=\"a\"; filename*=a.txt",
            "form-data; name=\"a\"; filename*=UTF-8''%E2%82",
            "form-data; name=\"a\"; filename*=UTF-8''%G0",
            "form-data; name=\"a\"; filename*=UTF-8''%4",
            "form-data; name=\"a\"; filename*=UTF-8''a*b",
            "form-data; name=\"a\"; filename*=UTF-8'e_n'a",
    })
    void refuses(String header) {
        assertThatThrownBy(() -> ContentDisposition.parse(header))
                .isInstanceOfSatisfying(HttpParseException.class,
                        e -> assertThat(e.error()).isEqualTo(ParseError.MULTIPART_MALFORMED));
    }
}
