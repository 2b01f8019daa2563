package io.webserv.http.parse;

import io.webserv.http.testing.Splits;
import io.webserv.http.testing.Splits.Split;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The request corpus of {@code src/test/resources/corpus/malformed-requests.txt} (format in the README
 * beside it), plus a few cases too large to write there. However a request is cut into buffers, a
 * malformed one must end in its {@link ParseError} without the parser throwing, without a
 * {@link ParseResult#HEAD} for an invalid head, and with every later call answering ERROR again; a
 * valid neighbour must reach {@link ParseResult#MESSAGE_COMPLETE}.
 */
class MalformedRequestCorpusTest {

    private static final String CORPUS = "malformed-requests.txt";
    private static final String VALID = "COMPLETE";
    private static final String KNOWN_BUG = "KNOWN_BUG";
    /** Shorter requests are also cut in two at every index. */
    private static final int EXHAUSTIVE_BELOW = 200;
    /** Fed after an ERROR: a failed parser must not start over on a well-formed request. */
    private static final String NEXT_REQUEST = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    /** Errors the request parser never reports: they belong to the multipart parser and the router. */
    private static final Set<ParseError> NOT_FROM_REQUEST_PARSER = EnumSet.of(ParseError.LENGTH_REQUIRED,
            ParseError.MULTIPART_BOUNDARY_INVALID, ParseError.MULTIPART_MALFORMED,
            ParseError.MULTIPART_PART_HEADERS_TOO_LARGE);

    /**
     * One request and its expected verdict.
     *
     * @param name     where it comes from and what it is, for the report
     * @param error    the expected error, or null for a valid neighbour
     * @param heads    how many HEADs come before the error (or how many messages a valid input holds)
     * @param knownBug the parser disagrees today: skipped while it fails, a failure once it passes
     */
    record Case(String name, int status, ParseError error, int heads, ParserLimits limits, boolean knownBug,
                byte[] request) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> corpus() {
        List<String> lines = readCorpus();
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.startsWith("#")) {
                cases.add(parseLine(line, CORPUS + ":" + (i + 1)));
            }
        }
        return cases.stream();
    }

    /** The limits at their defaults: requests of many kilobytes, each on both sides of its limit. */
    static Stream<Case> generated() {
        String requestLine = "GET / HTTP/1.1\r\nHost: a\r\n";
        String chunked = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
        // "GET /" + path + " HTTP/1.1" is 14 bytes plus the path.
        String longestPath = "/" + "p".repeat(8192 - 14);
        // Request line, Host and the final CRLF take 27 bytes; "X-Fill: " and its CRLF 10 more.
        String fillToLimit = "X-Fill: " + "v".repeat(16384 - 27 - 10) + "\r\n";
        String fields99 = fields(99);
        String trailer = "X-Trailer: " + "t".repeat(1000) + "\r\n";
        return Stream.of(
                generated("414 request line of 8193 bytes", ParseError.REQUEST_LINE_TOO_LONG, 0,
                        "GET " + longestPath + "p HTTP/1.1\r\nHost: a\r\n\r\n"),
                generated("valid request line of 8192 bytes", null, 1,
                        "GET " + longestPath + " HTTP/1.1\r\nHost: a\r\n\r\n"),
                generated("431 head of 16385 bytes", ParseError.HEAD_TOO_LARGE, 0,
                        requestLine + "X-Fill: v" + fillToLimit.substring(8) + "\r\n"),
                generated("valid head of 16384 bytes", null, 1, requestLine + fillToLimit + "\r\n"),
                generated("431 head of 20 KiB never ending", ParseError.HEAD_TOO_LARGE, 0,
                        requestLine + ("X-Fill: " + "v".repeat(1014) + "\r\n").repeat(20)),
                generated("431 Host and 100 more fields", ParseError.HEAD_TOO_LARGE, 0,
                        requestLine + fields99 + "X-Last: 1\r\n\r\n"),
                generated("valid Host and 99 more fields", null, 1, requestLine + fields99 + "\r\n"),
                generated("400 chunk-size line of 4097 bytes", ParseError.CHUNK_LINE_TOO_LONG, 1,
                        chunked + "5;" + "e".repeat(4095) + "\r\nhello\r\n0\r\n\r\n"),
                generated("valid chunk-size line of 4096 bytes", null, 1,
                        chunked + "5;" + "e".repeat(4094) + "\r\nhello\r\n0\r\n\r\n"),
                generated("431 trailer section of 17 KiB", ParseError.TRAILERS_TOO_LARGE, 1,
                        chunked + "0\r\n" + trailer.repeat(17) + "\r\n"),
                generated("valid trailer section of 15 KiB", null, 1, chunked + "0\r\n" + trailer.repeat(15) + "\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"corpus", "generated"})
    void everySplitGivesTheExpectedVerdict(Case c) {
        if (!c.knownBug()) {
            checkEverySplit(c);
            return;
        }
        try {
            checkEverySplit(c);
        } catch (AssertionError e) {
            Assumptions.abort(KNOWN_BUG + ": " + e.getMessage());
        }
        fail("%s now passes: remove its %s marker", c.name(), KNOWN_BUG);
    }

    @Test
    void corpusCoversEveryErrorOfTheRequestParser() {
        List<Case> cases = corpus().collect(Collectors.toList());
        Set<ParseError> covered = cases.stream().map(Case::error).filter(e -> e != null)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ParseError.class)));
        Set<ParseError> expected = EnumSet.complementOf(EnumSet.copyOf(NOT_FROM_REQUEST_PARSER));

        assertThat(covered).containsAll(expected);
        assertThat(cases.stream().filter(c -> c.error() != null).count()).isGreaterThanOrEqualTo(80);
        assertThat(cases.stream().filter(c -> c.error() == null).count()).isGreaterThanOrEqualTo(15);
    }

    private static void checkEverySplit(Case c) {
        List<Split> splits = c.request().length < EXHAUSTIVE_BELOW ? Splits.exhaustive(c.request()) : Splits.of(c.request());
        for (Split split : splits) {
            RequestParser parser = new RequestParser(c.limits());
            List<ParseResult> reports = feed(parser, split.chunks());
            String as = c.name() + " [" + split.name() + ", reports " + reports + "]";
            if (c.error() == null) {
                assertThat(parser.error()).as(as).isNull();
                assertThat(reports).as(as).isEqualTo(Collections.nCopies(c.heads(), List.of(ParseResult.HEAD,
                        ParseResult.MESSAGE_COMPLETE)).stream().flatMap(List::stream).collect(Collectors.toList()));
                assertThat(parser.isMidMessage()).as(as).isFalse();
            } else {
                assertThat(parser.error()).as(as).isEqualTo(c.error());
                assertThat(parser.error().status().code()).as(as).isEqualTo(c.status());
                assertThat(reports.stream().filter(r -> r == ParseResult.HEAD).count())
                        .as("%s: HEADs before the error", as).isEqualTo(c.heads());
            }
        }
    }

    /**
     * Feeds every chunk, calling {@link RequestParser#parse} until it asks for more input, and checks the
     * contract of each answer on the way. After an ERROR, checks that the parser stays failed.
     *
     * @return the answers other than CONTENT and NEED_MORE_INPUT, in order
     */
    private static List<ParseResult> feed(RequestParser parser, List<ByteBuffer> chunks) {
        List<ParseResult> reports = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            ByteBuffer in = chunks.get(i).duplicate();
            // Each answer but HEAD and MESSAGE_COMPLETE consumes a byte; two of those need a byte between them.
            int callsLeft = 3 * in.remaining() + 3;
            ParseResult result;
            do {
                assertThat(callsLeft--).as("parse() makes no progress; reports %s", reports).isPositive();
                result = parse(parser, in);
                switch (result) {
                    case NEED_MORE_INPUT -> assertThat(in.hasRemaining()).as("NEED_MORE_INPUT with bytes left").isFalse();
                    case CONTENT -> assertThat(parser.content().hasRemaining()).as("empty CONTENT").isTrue();
                    case HEAD -> assertThat(parser.head()).as("HEAD without a head").isNotNull();
                    default -> { }
                }
                if (result != ParseResult.CONTENT && result != ParseResult.NEED_MORE_INPUT) {
                    reports.add(result);
                }
            } while (result != ParseResult.NEED_MORE_INPUT && result != ParseResult.ERROR);
            if (result == ParseResult.ERROR) {
                assertStaysFailed(parser, in, chunks.subList(i + 1, chunks.size()));
                break;
            }
        }
        return reports;
    }

    private static void assertStaysFailed(RequestParser parser, ByteBuffer rest, List<ByteBuffer> laterChunks) {
        ParseError error = parser.error();
        assertThat(error).as("ERROR without an error()").isNotNull();
        assertThat(parser.hasFailed()).isTrue();
        List<ByteBuffer> more = new ArrayList<>();
        more.add(rest);
        laterChunks.forEach(chunk -> more.add(chunk.duplicate()));
        more.add(ByteBuffer.wrap(NEXT_REQUEST.getBytes(StandardCharsets.ISO_8859_1)));
        more.add(ByteBuffer.allocate(0));
        for (ByteBuffer in : more) {
            assertThat(parse(parser, in)).as("a call after ERROR").isEqualTo(ParseResult.ERROR);
            assertThat(parser.error()).as("the error after ERROR").isSameAs(error);
        }
    }

    private static ParseResult parse(RequestParser parser, ByteBuffer in) {
        try {
            return parser.parse(in);
        } catch (RuntimeException e) {
            return fail("parse() threw instead of answering ERROR", e);
        }
    }

    private static Case generated(String description, ParseError error, int heads, String request) {
        return new Case("generated: " + description, error == null ? 200 : error.status().code(), error, heads,
                ParserLimits.DEFAULT, false, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String fields(int count) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < count; i++) {
            fields.append("X-Field-").append(i).append(": ").append(i).append("\r\n");
        }
        return fields.toString();
    }

    // ---- the corpus file -----------------------------------------------------------------------------

    private static List<String> readCorpus() {
        try (InputStream in = MalformedRequestCorpusTest.class.getResourceAsStream("/corpus/" + CORPUS)) {
            if (in == null) {
                throw new IllegalStateException("corpus not on the test class path: " + CORPUS);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code STATUS VERDICT [OPTION ...] | REQUEST}; a mistake in the file fails loudly, with its line. */
    private static Case parseLine(String line, String where) {
        int bar = line.indexOf(" | ");
        String[] words = bar < 0 ? new String[0] : line.substring(0, bar).trim().split("\\s+");
        if (words.length < 2) {
            throw new IllegalArgumentException(where + ": expected STATUS VERDICT [OPTION ...] | REQUEST");
        }
        ParseError error = words[1].equals(VALID) ? null : ParseError.valueOf(words[1]);
        int status = Integer.parseInt(words[0]);
        if (status != (error == null ? 200 : error.status().code())) {
            throw new IllegalArgumentException(where + ": " + words[1] + " does not answer " + status);
        }
        int heads = error == null ? 1 : 0;
        ParserLimits limits = ParserLimits.DEFAULT;
        boolean knownBug = false;
        for (int i = 2; i < words.length; i++) {
            String option = words[i];
            int eq = option.indexOf('=');
            if (option.equals(KNOWN_BUG)) {
                knownBug = true;
            } else if (eq < 0) {
                throw new IllegalArgumentException(where + ": unknown option " + option);
            } else if (option.startsWith("heads=")) {
                heads = Integer.parseInt(option.substring(eq + 1));
            } else {
                limits = withLimit(limits, option.substring(0, eq), Long.parseLong(option.substring(eq + 1)), where);
            }
        }
        String request = line.substring(bar + 3);
        String name = where + ": " + String.join(" ", words) + " | " + request;
        return new Case(name, status, error, heads, limits, knownBug, unescape(request, where));
    }

    private static ParserLimits withLimit(ParserLimits l, String option, long value, String where) {
        if (option.equals("maxbody")) {
            return l.withMaxBodyBytes(value);
        }
        int n = Math.toIntExact(value);
        return switch (option) {
            case "line" -> l.withMaxRequestLineBytes(n);
            case "head" -> l.withMaxHeadBytes(n);
            case "fields" -> new ParserLimits(l.maxRequestLineBytes(), l.maxHeadBytes(), n, l.maxChunkLineBytes(),
                    l.maxTrailerBytes(), l.maxBodyBytes());
            case "chunkline" -> new ParserLimits(l.maxRequestLineBytes(), l.maxHeadBytes(), l.maxHeaderCount(), n,
                    l.maxTrailerBytes(), l.maxBodyBytes());
            case "trailers" -> new ParserLimits(l.maxRequestLineBytes(), l.maxHeadBytes(), l.maxHeaderCount(),
                    l.maxChunkLineBytes(), n, l.maxBodyBytes());
            default -> throw new IllegalArgumentException(where + ": unknown option " + option);
        };
    }

    /** Printable ASCII as is; {@code \r \n \t \0 \xHH \\} for the rest. */
    private static byte[] unescape(String text, String where) {
        if (text.isEmpty() || text.startsWith(" ") || text.endsWith(" ")) {
            throw new IllegalArgumentException(where + ": empty request, or a space to write as \\x20 at an end");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(where + ": a raw byte " + (int) c + "; write it as an escape");
            }
            if (c != '\\') {
                bytes.write(c);
                continue;
            }
            char escape = ++i < text.length() ? text.charAt(i) : ' ';
            switch (escape) {
                case 'r' -> bytes.write('\r');
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case '0' -> bytes.write(0);
                case '\\' -> bytes.write('\\');
                case 'x' -> {
                    if (i + 3 > text.length()) {
                        throw new IllegalArgumentException(where + ": \\x needs two hex digits");
                    }
                    bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                    i += 2;
                }
                default -> throw new IllegalArgumentException(where + ": unknown escape \\" + escape);
            }
        }
        return bytes.toByteArray();
    }
}
