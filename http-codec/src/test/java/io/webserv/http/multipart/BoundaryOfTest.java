package io.webserv.http.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webserv.http.parse.HttpParseException;
import io.webserv.http.parse.ParseError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link MultipartParser#boundaryOf}: the Content-Type header value in, the boundary out (RFC 2046 §5.1.1). */
class BoundaryOfTest {

    private static final String SEVENTY = "0123456789012345678901234567890123456789012345678901234567890123456789";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW | ----WebKitFormBoundary7MA4YWxkTrZu0gW",
            "Multipart/Form-Data;BOUNDARY=abc                                  | abc",
            "`multipart/form-data ;\tboundary=abc ; charset=utf-8 `              | abc",
            "multipart/form-data; charset=utf-8; boundary=\"abc\"              | abc",
            "multipart/form-data; boundary=\"a b'()+_,-./:=?z\"                | a b'()+_,-./:=?z",
            "multipart/form-data; boundary=\"a\\bc\"                           | abc",
    })
    void accepts(String contentType, String boundary) {
        assertThat(new String(MultipartParser.boundaryOf(contentType), StandardCharsets.US_ASCII)).isEqualTo(boundary);
    }

    @ParameterizedTest(name = "{0}")
    @NullSource
    @ValueSource(strings = {
            "",
            "multipart/form-data",
            "multipart/form-data;",
            "multipart/form-data; charset=utf-8",
            "multipart/mixed; boundary=abc",
            "text/plain; boundary=abc",
            "multipart/form-data-x; boundary=abc",
            "multipart/form-data; boundary=",
            "multipart/form-data; boundary=\"\"",
            "multipart/form-data; boundary=" + SEVENTY + "0",
            "multipart/form-data; boundary=\"abc \"",
            "multipart/form-data; boundary=ab#c",
            "multipart/form-data; boundary=\"ab%c\"",
            "multipart/form-data; boundary=\"ab\u00e9\"",
            "multipart/form-data; boundary=\"ab\u0100\"",
            "multipart/form-data; boundary=abc; boundary=abc",
            "multipart/form-data; Boundary=abc; boundary=abd",
            "multipart/form-data; boundary = abc",
            "multipart/form-data; boundary=\"abc",
            "multipart/form-data; boundary=abc x",
            "multipart/form-data boundary=abc",
    })
    void refuses(String contentType) {
        assertThatThrownBy(() -> MultipartParser.boundaryOf(contentType))
                .isInstanceOfSatisfying(HttpParseException.class,
                        e -> assertThat(e.error()).isEqualTo(ParseError.MULTIPART_BOUNDARY_INVALID));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {1, 69, 70})
    void acceptsEveryLengthFromOneToSeventy(int length) {
        String boundary = SEVENTY.substring(0, length);

        assertThat(MultipartParser.boundaryOf("multipart/form-data; boundary=" + boundary))
                .isEqualTo(boundary.getBytes(StandardCharsets.US_ASCII));
    }
}
