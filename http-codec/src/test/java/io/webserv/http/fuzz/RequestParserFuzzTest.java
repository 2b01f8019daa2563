package io.webserv.http.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.webserv.http.parse.ParserLimits;

/**
 * Coverage-guided fuzzing of the request parser. In a normal build this runs the stored inputs in
 * {@code src/test/resources/io/webserv/http/fuzz/RequestParserFuzzTestInputs/} as regression tests;
 * {@code JAZZER_FUZZ=1 mvn -pl http-codec test -Dtest=RequestParserFuzzTest} fuzzes for real.
 *
 * <p>What must hold for any bytes ({@link ParserInvariants}): no exception escapes, the parser never
 * stalls (it consumes what it is given or reports something), an error is terminal, and the verdict
 * does not depend on how the input was cut.
 */
class RequestParserFuzzTest {

    static final ParserLimits SMALL = ParserLimits.DEFAULT.withMaxRequestLineBytes(256).withMaxHeadBytes(1024)
            .withMaxBodyBytes(4096);

    @FuzzTest(maxDuration = "10m")
    void anyBytes(byte[] input) {
        // The first byte picks a cut pattern, so the fuzzer explores splits too.
        int step = input.length == 0 ? 1 : 1 + (input[0] & 0x0F);
        ParserInvariants.check(input, SMALL, step);
    }
}
