package io.webserv.it.attack;

import io.webserv.it.support.RawClient;
import io.webserv.it.support.RawClient.RawResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Request smuggling: every framing a front end and a back end could read differently is refused with
 * its status and the connection closed, so the request hidden behind it is never answered. Each
 * attack carries a smuggled {@code GET /a.txt} after it; exactly one response may come back.
 */
class SmugglingTest {

    @RegisterExtension
    static final AttackedServer SERVER = new AttackedServer();

    private static final String SMUGGLED = "GET /a.txt HTTP/1.1\r\nHost: a\r\n\r\n";

    static Stream<Arguments> attacks() {
        return Stream.of(
                // Content-Length against Transfer-Encoding (RFC 9112 §6.3: a request with both is refused)
                arguments("CL.TE", post("Content-Length: 6\r\nTransfer-Encoding: chunked\r\n") + "0\r\n\r\nG", 400),
                arguments("TE.CL", post("Transfer-Encoding: chunked\r\nContent-Length: 3\r\n") + "8\r\nSMUGGLED\r\n0\r\n\r\n", 400),
                arguments("TE.CL in HTTP/1.0", "POST /uploads/x HTTP/1.0\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
                        + "Content-Length: 5\r\n\r\n0\r\n\r\n", 400),
                arguments("TE in HTTP/1.0", "POST /uploads/x HTTP/1.0\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                // duplicate and obfuscated Transfer-Encoding
                arguments("TE twice", post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n") + "0\r\n\r\n", 400),
                // chunked not last: the length cannot be known (RFC 9112 §6.3) → 400, not 501
                arguments("TE chunked then identity", post("Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n") + "0\r\n\r\n", 400),
                arguments("TE: chunked, identity", post("Transfer-Encoding: chunked, identity\r\n") + "0\r\n\r\n", 400),
                arguments("TE: identity, chunked", post("Transfer-Encoding: identity, chunked\r\n") + "0\r\n\r\n", 501),
                arguments("TE: chunked, chunked", post("Transfer-Encoding: chunked, chunked\r\n") + "0\r\n\r\n", 400),
                arguments("TE: xchunked", post("Transfer-Encoding: xchunked\r\n") + "0\r\n\r\n", 501),
                arguments("TE: quoted", post("Transfer-Encoding: \"chunked\"\r\n") + "0\r\n\r\n", 400),
                arguments("TE: chunked;param", post("Transfer-Encoding: chunked;q=1\r\n") + "0\r\n\r\n", 400),
                arguments("TE: vertical tab", post("Transfer-Encoding:\u000bchunked\r\n") + "0\r\n\r\n", 400),
                arguments("TE: space before colon", post("Transfer-Encoding : chunked\r\n") + "0\r\n\r\n", 400),
                arguments("TE: folded", post("X-A: b\r\nTransfer-Encoding:\r\n chunked\r\n") + "0\r\n\r\n", 400),
                arguments("TE: leading space on the first field", "POST /uploads/x HTTP/1.1\r\n Transfer-Encoding: chunked\r\nHost: a\r\n\r\n0\r\n\r\n", 400),
                arguments("TE: empty", post("Transfer-Encoding: \r\n") + "0\r\n\r\n", 400),
                // Content-Length variants
                arguments("CL: two values", post("Content-Length: 5, 6\r\n") + "hello!", 400),
                arguments("CL: twice, different", post("Content-Length: 5\r\nContent-Length: 6\r\n") + "hello!", 400),
                arguments("CL: sign", post("Content-Length: +5\r\n") + "hello", 400),
                arguments("CL: hex", post("Content-Length: 0x5\r\n") + "hello", 400),
                arguments("CL: inner space", post("Content-Length: 5 5\r\n") + "hello", 400),
                arguments("CL: beyond the body limit", post("Content-Length: 99999999999\r\n"), 413),
                arguments("CL: beyond 64 bits", post("Content-Length: 99999999999999999999999\r\n"), 400),
                // chunk framing
                arguments("chunk size beyond 64 bits", post("Transfer-Encoding: chunked\r\n") + "10000000000000001\r\nx\r\n0\r\n\r\n", 400),
                arguments("chunk size beyond the body limit", post("Transfer-Encoding: chunked\r\n") + "fffffff\r\nx", 413),
                arguments("chunk size negative", post("Transfer-Encoding: chunked\r\n") + "-5\r\nhello\r\n0\r\n\r\n", 400),
                arguments("chunk size 0x", post("Transfer-Encoding: chunked\r\n") + "0x5\r\nhello\r\n0\r\n\r\n", 400),
                arguments("chunk size leading space", post("Transfer-Encoding: chunked\r\n") + " 5\r\nhello\r\n0\r\n\r\n", 400),
                arguments("chunk lines LF only", post("Transfer-Encoding: chunked\r\n") + "5\nhello\n0\n\n", 400),
                arguments("chunk data overruns its size", post("Transfer-Encoding: chunked\r\n") + "3\r\nhello\r\n0\r\n\r\n", 400),
                arguments("chunk extension with bare LF", post("Transfer-Encoding: chunked\r\n") + "5;a\nhello\r\n0\r\n\r\n", 400),
                arguments("chunk extension with NUL", post("Transfer-Encoding: chunked\r\n") + "5;a=\0\r\nhello\r\n0\r\n\r\n", 400),
                arguments("last chunk without its CRLF", post("Transfer-Encoding: chunked\r\n") + "0\r\nX", 400),
                // header names and NUL anywhere
                arguments("space in a header name", post("Transfer Encoding: chunked\r\n") + "0\r\n\r\n", 400),
                arguments("control byte in a header name", "GET /a.txt HTTP/1.1\r\nHost: a\r\nX-\u0001A: b\r\n\r\n", 400),
                arguments("NUL in a header name", "GET /a.txt HTTP/1.1\r\nHost: a\r\nX\0A: b\r\n\r\n", 400),
                arguments("NUL in a header value", "GET /a.txt HTTP/1.1\r\nHost: a\r\nX-A: b\0c\r\n\r\n", 400),
                arguments("NUL in the method", "G\0ET /a.txt HTTP/1.1\r\nHost: a\r\n\r\n", 400),
                arguments("NUL in the target", "GET /a\0.txt HTTP/1.1\r\nHost: a\r\n\r\n", 400),
                arguments("NUL in the version", "GET /a.txt HTTP/1.1\0\r\nHost: a\r\n\r\n", 400),
                arguments("NUL in the Host", "GET /a.txt HTTP/1.1\r\nHost: a\0b\r\n\r\n", 400),
                arguments("bare LF line endings", "GET /a.txt HTTP/1.1\nHost: a\n\n", 400),
                arguments("bare CR in a value", "GET /a.txt HTTP/1.1\r\nHost: a\r\nX-A: b\rTransfer-Encoding: chunked\r\n\r\n", 400));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("attacks")
    void isRefusedAndNothingBehindItIsAnswered(String name, String attack, int status) throws Exception {
        try (RawClient client = new RawClient(SERVER.address())) {
            RawResponse response = client.send(attack + SMUGGLED).read();

            assertThat(response.status()).as(name).isEqualTo(status);
            assertThat(response.header("connection")).isEqualToIgnoringCase("close");
            String rest = new String(client.rest(), StandardCharsets.ISO_8859_1);
            assertThat(rest).as("no second response on the connection").doesNotContain("HTTP/1.1");
        }
        SERVER.assertAlive();
    }

    /** A POST to the upload route, whose body limit is 20m, with {@code fields} after Host. */
    private static String post(String fields) {
        return "POST /uploads/x HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n";
    }
}
