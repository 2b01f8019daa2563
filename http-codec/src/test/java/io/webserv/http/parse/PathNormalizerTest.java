package io.webserv.http.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /                      | /
            /a/b                   | /a/b
            /a/b/                  | /a/b/
            //a///b                | /a/b
            /a/./b                 | /a/b
            /a/.                   | /a/
            /a/b/..                | /a/
            /a/b/../c              | /a/c
            /..a/b..               | /..a/b..
            /.hidden               | /.hidden
            /a/%2e%2E/b            | /b
            /%2e/x                 | /x
            /caf%C3%A9             | /café
            /a%20b                 | /a b
            /a%2eb                 | /a.b
            /a/..                  | /
            /...                   | /...
            """)
    void normalises(String raw, String expected) {
        assertThat(PathNormalizer.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/../etc/passwd", "/a/../..", "/a/../../b", "/%2e%2e/x", "/%2E%2E", "/./../x"})
    void refusesToClimbAboveTheRoot(String raw) {
        assertThatThrownBy(() -> PathNormalizer.normalize(raw))
                .isInstanceOfSatisfying(HttpParseException.class, e -> assertThat(e.error()).isEqualTo(ParseError.PATH_OUTSIDE_ROOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/a%00b", "/a%2fb", "/a%2F..%2Fb", "/..%5c..%5cwin.ini", "/%C0%AE%C0%AE/x", "/%c0%af", "/%FF", "/%E0%80%AF",
        "/%ED%A0%80", "/%", "/%4", "/%zz", "/a%0a", "/a%7F", "/a%252e%252e", "/caf\u00e9", "relative"})
    void refusesEncodingTricks(String raw) {
        // "%252e%252e" decodes once to the harmless name "%2e%2e": it must not be decoded twice.
        if (raw.equals("/a%252e%252e")) {
            assertThat(PathNormalizer.normalize(raw)).isEqualTo("/a%2e%2e");
            return;
        }
        assertThatThrownBy(() -> PathNormalizer.normalize(raw))
                .isInstanceOfSatisfying(HttpParseException.class, e -> assertThat(e.error()).isEqualTo(ParseError.PATH_INVALID));
    }
}
