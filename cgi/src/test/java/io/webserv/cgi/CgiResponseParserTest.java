package io.webserv.cgi;

import io.webserv.cgi.CgiResponseParser.InvalidResponseException;
import io.webserv.http.message.HttpStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CgiResponseParserTest {

    private static CgiResponseHead parse(String output) throws InvalidResponseException {
        byte[] bytes = output.getBytes(StandardCharsets.ISO_8859_1);
        int end = CgiResponseParser.endOfBlock(bytes, 0, bytes.length);
        assertThat(end).as("end of the header block").isPositive();
        return CgiResponseParser.parse(bytes, end);
    }

    @Test
    void aDocumentResponseIs200WithItsFields() throws Exception {
        CgiResponseHead head = parse("Content-Type: text/html\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\nbody");

        assertThat(head.status()).isEqualTo(HttpStatus.OK);
        assertThat(head.isLocalRedirect()).isFalse();
        assertThat(head.contentLength()).isEqualTo(-1);
        assertThat(head.headers().get("content-type")).isEqualTo("text/html");
        assertThat(head.headers().getAll("Set-Cookie")).containsExactly("a=1", "b=2");
    }

    @Test
    void statusSetsTheCodeAndReasonAndIsNotPassedOn() throws Exception {
        CgiResponseHead head = parse("Status: 201 Created\nContent-Type: text/plain\n\n");
        assertThat(head.status()).isEqualTo(new HttpStatus(201, "Created"));
        assertThat(head.headers().contains("Status")).isFalse();

        assertThat(parse("Status: 418\nContent-Type: text/plain\n\n").status().code()).isEqualTo(418);
        assertThat(parse("status: 404 Nope\n\n").status()).isEqualTo(new HttpStatus(404, "Nope"));
    }

    @Test
    void aLocalPathWithoutStatusIsALocalRedirect() throws Exception {
        CgiResponseHead head = parse("Location: /other/page.html?x=1\n\n");
        assertThat(head.isLocalRedirect()).isTrue();
        assertThat(head.localRedirect()).isEqualTo("/other/page.html?x=1");
    }

    @Test
    void anyOtherLocationWithoutStatusIs302() throws Exception {
        for (String location : new String[] {"http://example.com/", "//evil.example/x", "relative/path"}) {
            CgiResponseHead head = parse("Location: " + location + "\r\n\r\n");
            assertThat(head.isLocalRedirect()).as(location).isFalse();
            assertThat(head.status()).isEqualTo(HttpStatus.FOUND);
            assertThat(head.headers().get("Location")).isEqualTo(location);
        }
    }

    @Test
    void aLocationWithStatusKeepsTheStatus() throws Exception {
        CgiResponseHead head = parse("Status: 301 Moved Permanently\nLocation: /new\n\n");
        assertThat(head.isLocalRedirect()).isFalse();
        assertThat(head.status().code()).isEqualTo(301);
        assertThat(head.headers().get("Location")).isEqualTo("/new");
    }

    @Test
    void contentLengthBecomesTheLengthAndHopByHopFieldsAreDropped() throws Exception {
        CgiResponseHead head = parse("Content-Type: text/plain\nContent-Length: 12\nConnection: close\n"
                + "Transfer-Encoding: chunked\nKeep-Alive: 5\nX-Custom:  kept  \n\n");

        assertThat(head.contentLength()).isEqualTo(12);
        assertThat(head.headers().size()).isEqualTo(2);
        assertThat(head.headers().get("X-Custom")).isEqualTo("kept");
    }

    @Test
    void linesMayEndWithLfOrCrlfMixed() throws Exception {
        CgiResponseHead head = parse("Content-Type: a/b\r\nX-One: 1\nX-Two: 2\r\n\nrest");
        assertThat(head.headers().get("X-Two")).isEqualTo("2");
    }

    @Test
    void findsTheEndOfTheBlockAcrossReads() {
        byte[] bytes = "Content-Type: a/b\r\n\r\nbody".getBytes(StandardCharsets.ISO_8859_1);
        for (int split = 0; split <= bytes.length; split++) {
            int first = CgiResponseParser.endOfBlock(bytes, 0, split);
            int end = first >= 0 ? first : CgiResponseParser.endOfBlock(bytes, Math.max(0, split - 1), bytes.length);
            assertThat(end).as("split at %d", split).isEqualTo(21);
        }
        assertThat(CgiResponseParser.endOfBlock("A: b\n".getBytes(StandardCharsets.ISO_8859_1), 0, 5)).isEqualTo(-1);
        assertThat(CgiResponseParser.endOfBlock("\nbody".getBytes(StandardCharsets.ISO_8859_1), 0, 5)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\n",                                          // empty block
        "hello world\n\n",                             // not a field
        "X-Only: 1\n\n",                               // no CGI field at all
        "Content-Type : text/html\n\n",                // whitespace before the colon
        " Content-Type: text/html\n\n",                // obs-fold / leading space
        "Content-Type: text/html\nContent-Type: a/b\n\n",
        "Status: 99\nContent-Type: a/b\n\n",
        "Status: 100 Continue\nContent-Type: a/b\n\n",
        "Status: 600\nContent-Type: a/b\n\n",
        "Status: abc\nContent-Type: a/b\n\n",
        "Status: 2000\nContent-Type: a/b\n\n",
        "Status: 200\nStatus: 200\nContent-Type: a/b\n\n",
        "Location:\n\n",
        "Content-Type: a/b\nContent-Length: -1\n\n",
        "Content-Type: a/b\nContent-Length: 1\nContent-Length: 2\n\n",
        "Content-Type: a/b\nX-Bad: a\u0001b\n\n",
        "Content-Type: a/b\nX-Bad: a\rb\n\n",
        "Content-Type: a/b\nX Bad: 1\n\n",
    })
    void refusesMalformedBlocks(String output) {
        assertThatThrownBy(() -> parse(output)).isInstanceOf(InvalidResponseException.class);
    }

    @Test
    void obsTextInValuesPasses() throws Exception {
        assertThat(parse("Content-Type: text/plain\nX-Latin: caf\u00e9\n\n").headers().get("X-Latin")).isEqualTo("caf\u00e9");
    }
}
