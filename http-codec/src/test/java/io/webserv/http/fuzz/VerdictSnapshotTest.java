package io.webserv.http.fuzz;

import io.webserv.http.parse.ParseError;
import io.webserv.http.testing.ParserTranscript;
import io.webserv.http.testing.ParserTranscript.Message;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * A differential test over the fuzz corpora: the parser's verdict on every stored input (how many
 * messages, each one's method, body length and completeness, and the error with its status) is
 * recorded in {@code verdicts.txt}, and any change fails here. A change on purpose is re-recorded with
 * {@code mvn -pl http-codec test -Dtest=VerdictSnapshotTest -Dverdicts.update=true}, and the diff of
 * {@code verdicts.txt} shows a reviewer exactly which inputs now get another answer.
 */
class VerdictSnapshotTest {

    private static final Path FUZZ = Paths.get("src/test/resources/io/webserv/http/fuzz");
    private static final Path SNAPSHOT = FUZZ.resolve("verdicts.txt");
    private static final byte[] CHUNKED_HEAD = "POST /u HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void everyStoredInputKeepsItsVerdict() throws IOException {
        Map<String, String> now = new TreeMap<>();
        collect(now, "RequestParserFuzzTestInputs/anyBytes", new byte[0]);
        collect(now, "ChunkedBodyFuzzTestInputs/anyChunkedBody", CHUNKED_HEAD);
        if (Boolean.getBoolean("verdicts.update")) {
            Files.write(SNAPSHOT, now.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).toList());
            return;
        }
        Map<String, String> recorded = read();
        List<String> changes = new ArrayList<>();
        now.forEach((input, verdict) -> {
            String before = recorded.get(input);
            if (before == null) {
                changes.add("new input without a recorded verdict: " + input + " -> " + verdict);
            } else if (!before.equals(verdict)) {
                changes.add(input + ": was " + before + ", now " + verdict);
            }
        });
        recorded.keySet().stream().filter(input -> !now.containsKey(input))
                .forEach(input -> changes.add("recorded input is gone: " + input));
        if (!changes.isEmpty()) {
            fail(changes.size() + " verdicts changed (re-record with -Dverdicts.update=true if intended):\n"
                    + String.join("\n", changes));
        }
    }

    private static void collect(Map<String, String> verdicts, String folder, byte[] prefix) throws IOException {
        try (Stream<Path> files = Files.list(FUZZ.resolve(folder))) {
            for (Path file : files.sorted().toList()) {
                byte[] body = Files.readAllBytes(file);
                byte[] input = new byte[prefix.length + body.length];
                System.arraycopy(prefix, 0, input, 0, prefix.length);
                System.arraycopy(body, 0, input, prefix.length, body.length);
                verdicts.put(folder + "/" + file.getFileName(), verdict(input));
            }
        }
    }

    /** e.g. {@code GET:0 POST:12 | BAD_CHUNK_SIZE 400}, or {@code GET:0 POST:3(open)} when input ran out. */
    private static String verdict(byte[] input) {
        ParserTranscript.Result result = ParserTranscript.run(List.of(ByteBuffer.wrap(input)), RequestParserFuzzTest.SMALL);
        String messages = result.messages().stream().map(VerdictSnapshotTest::describe).collect(Collectors.joining(" "));
        String error = result.error() == null ? "" : " | " + result.error() + " " + ParseError.valueOf(result.error()).status().code();
        return (messages.isEmpty() ? "-" : messages) + error;
    }

    private static String describe(Message message) {
        return message.head().method() + ":" + message.body().length + (message.complete() ? "" : "(open)");
    }

    private static Map<String, String> read() {
        try {
            Map<String, String> recorded = new TreeMap<>();
            for (String line : Files.readAllLines(SNAPSHOT)) {
                int tab = line.indexOf('\t');
                recorded.put(line.substring(0, tab), line.substring(tab + 1));
            }
            return recorded;
        } catch (IOException e) {
            throw new UncheckedIOException("no " + SNAPSHOT + ": record it with -Dverdicts.update=true", e);
        }
    }
}
