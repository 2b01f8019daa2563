package io.webserv.http.fuzz;

import io.webserv.http.parse.ParseResult;
import io.webserv.http.parse.ParserLimits;
import io.webserv.http.parse.RequestParser;
import io.webserv.http.testing.ParserTranscript;
import io.webserv.http.testing.Splits;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What must hold for the request parser on any bytes; shared by the fuzz targets that feed it. */
final class ParserInvariants {

    private static final byte[] VALID_REQUEST = "GET / HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private ParserInvariants() {
    }

    /** Checks every invariant; {@code step} is the size of the pieces compared with the whole input. */
    static void check(byte[] input, ParserLimits limits, int step) {
        ParserTranscript.Result whole = ParserTranscript.run(List.of(ByteBuffer.wrap(input)), limits);
        ParserTranscript.Result cut = ParserTranscript.run(Splits.every(input, step), limits);
        if (!whole.equals(cut)) {
            throw new AssertionError("verdict depends on the cut (step " + step + "): " + whole + " vs " + cut);
        }
        checkErrorsAreTerminal(input, limits);
    }

    /** The parser consumes what it is given or reports something, and never recovers from an error. */
    private static void checkErrorsAreTerminal(byte[] input, ParserLimits limits) {
        RequestParser parser = new RequestParser(limits);
        ByteBuffer in = ByteBuffer.wrap(input);
        for (int calls = 0; calls < input.length + 16; calls++) {
            ParseResult result = parser.parse(in);
            if (result == ParseResult.ERROR) {
                if (parser.parse(ByteBuffer.wrap(VALID_REQUEST)) != ParseResult.ERROR) {
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
