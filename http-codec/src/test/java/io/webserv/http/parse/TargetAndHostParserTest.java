package io.webserv.http.parse;

import io.webserv.http.message.HostAndPort;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.RequestTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetAndHostParserTest {

    @Test
    void splitsPathAndQuery() {
        RequestTarget t = TargetParser.parse("/a%20b/c?x=1&y=%2F?z", HttpMethod.GET);

        assertThat(t.rawPath()).isEqualTo("/a%20b/c");
        assertThat(t.path()).isEqualTo("/a b/c");
        assertThat(t.rawQuery()).isEqualTo("x=1&y=%2F?z");
        assertThat(t.queryParameters().first("y")).isEqualTo("/?z");
    }

    @Test
    void distinguishesAnEmptyQueryFromNone() {
        assertThat(TargetParser.parse("/a?", HttpMethod.GET).rawQuery()).isEmpty();
        assertThat(TargetParser.parse("/a", HttpMethod.GET).rawQuery()).isNull();
        assertThat(TargetParser.parse("/a", HttpMethod.GET).queryOrEmpty()).isEmpty();
    }

    @Test
    void readsAbsoluteForm() {
        RequestTarget t = TargetParser.parse("HTTPS://[::1]:8443?q", HttpMethod.GET);

        assertThat(t.form()).isEqualTo(RequestTarget.Form.ABSOLUTE);
        assertThat(t.authority()).isEqualTo(new HostAndPort("[::1]", 8443));
        assertThat(t.path()).isEqualTo("/");
        assertThat(t.rawQuery()).isEqualTo("q");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "*x", "/a#frag", "/a b", "/a\"b", "/a<b", "/a{b", "/a\\b", "/a^b", "/%g0",
        "ftp://h/p", "http://user@h/p", "http:///p", "http://h:99999/", "example.com:443", "/a?b#c", "/a?%zz"})
    void refusesInvalidTargets(String raw) {
        assertThatThrownBy(() -> TargetParser.parse(raw, HttpMethod.GET)).isInstanceOf(HttpParseException.class);
    }

    @Test
    void acceptsTheAsteriskOnlyForOptions() {
        assertThat(TargetParser.parse("*", HttpMethod.OPTIONS).form()).isEqualTo(RequestTarget.Form.ASTERISK);
        assertThatThrownBy(() -> TargetParser.parse("*", HttpMethod.GET))
                .isInstanceOfSatisfying(HttpParseException.class, e -> assertThat(e.error()).isEqualTo(ParseError.TARGET_INVALID));
    }

    @Test
    void parsesHosts() {
        assertThat(HostParser.parse("Example.com")).isEqualTo(new HostAndPort("Example.com", -1));
        assertThat(HostParser.parse("example.com:80")).isEqualTo(new HostAndPort("example.com", 80));
        assertThat(HostParser.parse("127.0.0.1:8080")).isEqualTo(new HostAndPort("127.0.0.1", 8080));
        assertThat(HostParser.parse("[::1]")).isEqualTo(new HostAndPort("[::1]", -1));
        assertThat(HostParser.parse("[2001:db8::1]:65535")).isEqualTo(new HostAndPort("[2001:db8::1]", 65535));
        assertThat(HostParser.parse("h:")).isEqualTo(new HostAndPort("h", -1));
        assertThat(HostParser.parse("")).isEqualTo(new HostAndPort("", -1));
        assertThat(HostParser.parse("EXAMPLE.com").hostMatches("example.COM")).isTrue();
        assertThat(HostParser.parse("[::ffff:192.0.2.1]:1")).isEqualTo(new HostAndPort("[::ffff:192.0.2.1]", 1));
        assertThat(HostParser.parse("[1:2:3:4:5:6:7:8]").host()).isEqualTo("[1:2:3:4:5:6:7:8]");
        assertThat(HostParser.parse("[::]").host()).isEqualTo("[::]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "h:p", "h:1:2", "[::1", "[::1]x", "[::g]", "[]", "h:65536", "h:-1", "h:123456",
        "us@er", "%41", "h/p", "h\u00e9", ":80", ":", "[1]", "[:]", "[...]", "[1.2.3.4]", "[1::2::3]",
        "[1:2:3:4:5:6:7:8:9]", "[12345::]", "[::1.2.3.256]", "[v1.x]", "[1:2:3:4:5:6:7:8]x", "[g::1]", "[1::g]"})
    void refusesInvalidHosts(String value) {
        assertThatThrownBy(() -> HostParser.parse(value))
                .isInstanceOfSatisfying(HttpParseException.class, e -> assertThat(e.error()).isEqualTo(ParseError.HOST_INVALID));
    }
}
