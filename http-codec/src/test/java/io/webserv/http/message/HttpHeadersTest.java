package io.webserv.http.message;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpHeadersTest {

    @Test
    void looksUpNamesCaseInsensitivelyAndKeepsOrderAndDuplicates() {
        HttpHeaders h = new HttpHeaders(1).add("Accept", "a").add("X-Y", "1").add("accept", "b");

        assertThat(h.get("ACCEPT")).isEqualTo("a");
        assertThat(h.getAll("accept")).containsExactly("a", "b");
        assertThat(h.count("Accept")).isEqualTo(2);
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.name(2)).isEqualTo("accept");
        assertThat(h.get("missing")).isNull();
        assertThat(h.getAll("missing")).isEmpty();
    }

    @Test
    void setReplacesEveryFieldOfTheName() {
        HttpHeaders h = new HttpHeaders().add("A", "1").add("B", "2").add("a", "3");

        h.set("a", "4");

        assertThat(h.getAll("A")).containsExactly("4");
        assertThat(h.name(0)).isEqualTo("B");
        assertThat(h.remove("nope")).isFalse();
    }

    @Test
    void findsTokensInCommaSeparatedLists() {
        HttpHeaders h = new HttpHeaders().add("Connection", "Upgrade ,\tKeep-Alive").add("Connection", "x");

        assertThat(h.containsToken("connection", "keep-alive")).isTrue();
        assertThat(h.containsToken("connection", "x")).isTrue();
        assertThat(h.containsToken("connection", "keep")).isFalse();
        assertThat(h.containsToken("connection", "close")).isFalse();
    }

    @Test
    void isReadOnlyOnceFrozen() {
        HttpHeaders h = new HttpHeaders().add("A", "1").freeze();

        assertThatThrownBy(() -> h.add("B", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> h.remove("A")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(HttpHeaders.copyOf(h).add("B", "2").size()).isEqualTo(2);
    }

    @Test
    void mapsCommonNamesOntoCanonicalConstantsWithoutConfusingNonLetters() {
        byte[] lower = "content-length".getBytes(StandardCharsets.US_ASCII);
        assertThat(HeaderNames.canonical(lower, 0, lower.length)).isSameAs(HeaderNames.CONTENT_LENGTH);
        // '\r' | 0x20 == '-': a byte that is not a letter must match exactly.
        byte[] tricky = "content\rlength".getBytes(StandardCharsets.US_ASCII);
        assertThat(HeaderNames.canonical(tricky, 0, tricky.length)).isEqualTo("content\rlength");
        byte[] custom = "X-Mine".getBytes(StandardCharsets.US_ASCII);
        assertThat(HeaderNames.canonical(custom, 0, custom.length)).isEqualTo("X-Mine");
    }

    @Test
    void knowsStandardMethodsAndStatuses() {
        assertThat(HttpMethod.of("GET")).isSameAs(HttpMethod.GET);
        assertThat(HttpMethod.of("get").isStandard()).isFalse();
        assertThatThrownBy(() -> HttpMethod.of("G T")).isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpStatus.of(404)).isSameAs(HttpStatus.NOT_FOUND);
        assertThat(HttpStatus.of(599).reason()).isEmpty();
        assertThat(HttpStatus.NOT_MODIFIED.forbidsContent()).isTrue();
        assertThat(HttpStatus.OK.forbidsContent()).isFalse();
    }

    @Test
    void decodesQueryParameters() {
        QueryParameters q = QueryParameters.parse("a=1&b=x+y&a=2&&c&d=%E2%82%AC&e=%zz");

        assertThat(q.all("a")).containsExactly("1", "2");
        assertThat(q.first("b")).isEqualTo("x y");
        assertThat(q.first("c")).isEmpty();
        assertThat(q.first("d")).isEqualTo("€");
        assertThat(q.first("e")).isEqualTo("%zz");
        assertThat(q.names()).containsExactly("a", "b", "c", "d", "e");
        assertThat(QueryParameters.parse(null).size()).isZero();
    }
}
