package io.webserv.server.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.webserv.server.http.AccessEntries.CLIENT;
import static io.webserv.server.http.AccessEntries.TIME;
import static io.webserv.server.http.AccessEntries.entry;
import static io.webserv.server.http.AccessEntries.head;
import static io.webserv.server.http.AccessEntries.server;
import static org.assertj.core.api.Assertions.assertThat;

/** The JSON format: every field, valid JSON whatever the client sent (each line read back with Jackson). */
class JsonLineTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final JsonLine format = new JsonLine();

    private static JsonNode parse(String line) throws Exception {
        assertThat(line).doesNotContain("\n", "\r").matches("\\p{ASCII}*");
        return JSON.readTree(line);
    }

    @Test
    void writesEveryFieldInItsOrder() throws Exception {
        String line = format.format(entry(head("GET /a?b=c HTTP/1.1\r\nHost: WWW.Example.com.:8080\r\n"
                + "Referer: http://r/\r\nUser-Agent: probe/1\r\n\r\n"), server("example.com", "www.example.com")));

        assertThat(line).isEqualTo("{\"time\":\"2026-11-25T10:15:30.042Z\",\"client\":\"203.0.113.7\",\"method\":\"GET\","
                + "\"target\":\"/a?b=c\",\"protocol\":\"HTTP/1.1\",\"status\":200,\"bytes\":5,\"duration_ms\":1.234,"
                + "\"user_agent\":\"probe/1\",\"referer\":\"http://r/\",\"server\":\"www.example.com\"}");
        JsonNode node = parse(line);
        assertThat(node.get("duration_ms").decimalValue()).isEqualByComparingTo("1.234");
        assertThat(node.get("status").intValue()).isEqualTo(200);
    }

    @Test
    void whatIsUnknownIsNull() throws Exception {
        JsonNode unparsed = parse(format.format(new AccessEntry(null, null, null, 400, 0, 0, TIME)));
        assertThat(unparsed.get("client").isNull()).isTrue();
        for (String key : List.of("method", "target", "protocol", "user_agent", "referer", "server")) {
            assertThat(unparsed.get(key).isNull()).as(key).isTrue();
        }
        assertThat(unparsed.get("duration_ms").decimalValue()).isEqualByComparingTo("0");
        assertThat(unparsed.size()).isEqualTo(11);
    }

    @Test
    void theServerIsTheNameTheHostMatchedElseTheFirstName() throws Exception {
        assertThat(parse(format.format(entry(head("GET / HTTP/1.1\r\nHost: other.test\r\n\r\n"),
                server("example.com", "www.example.com")))).get("server").textValue()).isEqualTo("example.com");
        assertThat(parse(format.format(entry(head("GET / HTTP/1.1\r\nHost: other.test\r\n\r\n"), server())))
                .get("server").isNull()).isTrue();
    }

    @Test
    void hostileClientTextStaysInsideItsString() throws Exception {
        // Tab, quotes, backslashes and bytes outside ASCII are what the codec lets into a header value.
        String agent = "x\"},\"status\":999,\"a\":{\"\t\\\\u0000\\\"\u00ff\u00c3\u00a9\u00e2\u0082\u00ac\u00f0\u009f\u0098\u0080";
        JsonNode node = parse(format.format(entry(head("GET /%22q HTTP/1.1\r\nHost: x\r\nUser-Agent: " + agent
                + "\r\nReferer: \u00c3\r\n\r\n"), server("x"))));

        assertThat(node.get("status").intValue()).isEqualTo(200);
        assertThat(node.get("user_agent").textValue())
                .isEqualTo("x\"},\"status\":999,\"a\":{\"\t\\\\u0000\\\"\uFFFDé€😀");
        assertThat(node.get("referer").textValue()).isEqualTo("\uFFFD");
        assertThat(node.get("target").textValue()).isEqualTo("/%22q");
    }

    @Test
    void everyControlCharacterIsEscaped() throws Exception {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        controls.append('\u007f').append('\u2028').append('\u202e');
        StringBuilder out = new StringBuilder();
        JsonLine.appendString(out, controls.toString());

        assertThat(out.toString()).startsWith("\"\\u0000\\u0001").contains("\\t", "\\n", "\\r", "\\u001f", "\\u007f");
        assertThat(JSON.readTree(out.toString()).textValue()).isEqualTo(controls.toString());
    }

    @Test
    void validUtf8IsDecodedAndEveryOtherByteIsOneReplacementCharacter() throws Exception {
        String[][] cases = {
                {"\u00c3\u00a9", "é"},                          // 2 bytes
                {"\u00e2\u0082\u00ac", "€"},                    // 3 bytes
                {"\u00f0\u009f\u0098\u0080", "😀"},             // 4 bytes: a surrogate pair
                {"\u00c0\u00af", "\uFFFD\uFFFD"},               // overlong '/'
                {"\u00e0\u0080\u00af", "\uFFFD\uFFFD\uFFFD"},   // overlong, 3 bytes
                {"\u00ed\u00a0\u0080", "\uFFFD\uFFFD\uFFFD"},   // an encoded surrogate
                {"\u00f4\u0090\u0080\u0080", "\uFFFD\uFFFD\uFFFD\uFFFD"}, // beyond U+10FFFF
                {"\u00e2\u0082", "\uFFFD\uFFFD"},               // cut short at the end
                {"\u00e2(", "\uFFFD("},                         // cut short by ASCII
                {"\u0080", "\uFFFD"},                           // a continuation byte alone
                {"\u00ff", "\uFFFD"},
        };
        for (String[] c : cases) {
            StringBuilder out = new StringBuilder();
            JsonLine.appendString(out, c[0]);
            assertThat(out.toString()).matches("\\p{ASCII}*");
            assertThat(JSON.readTree(out.toString()).textValue()).as(out.toString()).isEqualTo(c[1]);
        }
    }

    /** Random bytes: always valid JSON, and the text between replacements is what a UTF-8 decoder reads. */
    @Test
    void randomBytesAlwaysMakeValidJson() throws Exception {
        Random random = new Random(13);
        for (int round = 0; round < 5_000; round++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            if (round % 2 == 0) { // half of them mostly valid UTF-8
                String text = randomText(random);
                bytes = text.getBytes(StandardCharsets.UTF_8);
                StringBuilder out = new StringBuilder();
                JsonLine.appendString(out, new String(bytes, StandardCharsets.ISO_8859_1));
                assertThat(JSON.readTree(out.toString()).textValue()).isEqualTo(text);
                continue;
            }
            StringBuilder out = new StringBuilder();
            JsonLine.appendString(out, new String(bytes, StandardCharsets.ISO_8859_1));
            String read = JSON.readTree(out.toString()).textValue();
            assertThat(read.replace("\uFFFD", ""))
                    .isEqualTo(new String(bytes, StandardCharsets.UTF_8).replace("\uFFFD", ""));
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(60);
        for (int i = 0; i < n; i++) {
            int cp;
            do {
                cp = random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(Character.MAX_CODE_POINT + 1);
            } while (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
            text.appendCodePoint(cp);
        }
        return text.toString();
    }

    @Test
    void aLongFieldIsCutAsInTheCombinedFormat() throws Exception {
        List<String> values = new ArrayList<>(List.of("\u0001".repeat(16 * 1024), "\u00ff".repeat(16 * 1024),
                "u".repeat(16 * 1024)));
        for (String value : values) {
            StringBuilder out = new StringBuilder();
            JsonLine.appendString(out, value);
            assertThat(out.length()).isLessThanOrEqualTo(LogText.MAX_FIELD_CHARS + 12 + LogText.CUT.length() + 2);
            assertThat(JSON.readTree(out.toString()).textValue()).endsWith(LogText.CUT);
        }
        StringBuilder exact = new StringBuilder();
        JsonLine.appendString(exact, "u".repeat(LogText.MAX_FIELD_CHARS));
        assertThat(exact).hasSize(LogText.MAX_FIELD_CHARS + 2);
    }

    @Test
    void theClientIsItsAddressAlone() throws Exception {
        assertThat(parse(format.format(entry(head("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), server())))
                .get("client").textValue()).isEqualTo(CLIENT.getAddress().getHostAddress());
    }
}
