package io.webserv.http.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.webserv.http.parse.ParseResult;
import io.webserv.http.parse.ParserLimits;
import io.webserv.http.parse.RequestParser;
import io.webserv.http.testing.ParserTranscript;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the request parser. In a normal build this runs the stored inputs in
 * {@code src/test/resources/io/webserv/http/fuzz/RequestParserFuzzTestInputs/} as regression tests;
 * {@code JAZZER_FUZZ=1 mvn -pl http-codec test -Dtest=RequestParserFuzzTest} fuzzes for real.
 *
 * <p>What must hold for any bytes: no exception escapes, the parser never stalls (it consumes what
 * it is given or reports something), an error is terminal, and the verdict does not depend on how
 * the input was cut.
 */
class RequestParserFuzzTest {

    private static final ParserLimits SMALL = ParserLimits.DEFAULT.withMaxRequestLineBytes(256).withMaxHeadBytes(1024)
            .withMaxBodyBytes(4096);

    @FuzzTest(maxDuration = "10m")
    void anyBytes(byte[] input) {
        ParserTranscript.Result whole = ParserTranscript.run(List.of(ByteBuffer.wrap(input)), SMALL);
        // The first byte picks a cut pattern, so the fuzzer explores splits too.
        int step = input.length == 0 ? 1 : 1 + (input[0] & 0x0F);
        ParserTranscript.Result cut = ParserTranscript.run(pieces(input, step), SMALL);
        if (!whole.equals(cut)) {
            throw new AssertionError("verdict depends on the cut (step " + step + "): " + whole + " vs " + cut);
        }
        checkErrorsAreTerminal(input);
    }

    private static List<ByteBuffer> pieces(byte[] input, int step) {
        List<ByteBuffer> pieces = new ArrayList<>();
        for (int i = 0; i < input.length; i += step) {
            pieces.add(ByteBuffer.wrap(input, i, Math.min(step, input.length - i)).slice());
        }
        return pieces;
    }

    private static void checkErrorsAreTerminal(byte[] input) {
        RequestParser parser = new RequestParser(SMALL);
        ByteBuffer in = ByteBuffer.wrap(input);
        for (int calls = 0; calls < input.length + 16; calls++) {
            ParseResult result = parser.parse(in);
            if (result == ParseResult.ERROR) {
                if (parser.parse(ByteBuffer.wrap("GET / HTTP/1.1\r\nHost: a\r\n\r\n".getBytes())) != ParseResult.ERROR) {
                    throw new AssertionError("the parser recovered from " + parser.error());
                }
                return;
            }
            if (result == ParseResult.NEED_MORE_INPUT) {
                if (in.hasRemaining()) {
                    throw new AssertionError("NEED_MORE_INPUT with bytes left");
                }
                return;
            }
        }
        throw new AssertionError("the parser stalled: no progress after " + (input.length + 16) + " calls");
    }
}
