package io.webserv.http.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the chunked body decoder: the input is what follows a valid head that
 * says {@code Transfer-Encoding: chunked}, so every execution reaches the chunk-size lines,
 * extensions, data, CRLFs and trailers rather than dying in the request line. Same invariants as
 * {@link RequestParserFuzzTest}; stored inputs run in every build,
 * {@code JAZZER_FUZZ=1 mvn -pl http-codec test -Dtest=ChunkedBodyFuzzTest} fuzzes.
 */
class ChunkedBodyFuzzTest {

    private static final byte[] HEAD = "POST /u HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @FuzzTest(maxDuration = "10m")
    void anyChunkedBody(byte[] body) {
        byte[] input = new byte[HEAD.length + body.length];
        System.arraycopy(HEAD, 0, input, 0, HEAD.length);
        System.arraycopy(body, 0, input, HEAD.length, body.length);
        // The body's first byte picks the cut, and the cuts land inside the body.
        int step = body.length == 0 ? 1 : 1 + (body[0] & 0x0F);
        ParserInvariants.check(input, RequestParserFuzzTest.SMALL, step);
    }
}
