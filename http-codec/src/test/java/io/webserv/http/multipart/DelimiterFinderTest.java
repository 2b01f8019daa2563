package io.webserv.http.multipart;

import static io.webserv.http.multipart.MultipartFeed.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.webserv.http.testing.Splits;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The delimiter search alone: data out equals data in, and every delimiter is found, for every split. */
class DelimiterFinderTest {

    /** Every data segment between delimiters, with the data after the last one, joined by "|". */
    private static String segments(List<ByteBuffer> chunks, boolean atBodyStart) {
        DelimiterFinder finder = new DelimiterFinder(bytes("bd"));
        if (atBodyStart) {
            finder.expectBodyStart();
        }
        List<String> segments = new ArrayList<>();
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        for (ByteBuffer chunk : chunks) {
            while (chunk.hasRemaining()) {
                boolean found = finder.find(chunk);
                assertThat(finder.held()).isLessThan(finder.length());
                ByteBuffer data = finder.data();
                while (data.hasRemaining()) {
                    segment.write(data.get());
                }
                if (found) {
                    segments.add(segment.toString(StandardCharsets.ISO_8859_1));
                    segment.reset();
                }
            }
        }
        // Bytes still held back at the end are data too: the stream ended before they could be a delimiter.
        segment.write(bytes("\r\n--bd"), 0, finder.held());
        segments.add(segment.toString(StandardCharsets.ISO_8859_1));
        return String.join("|", segments);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "",
            "plain",
            "\r\n--bd",
            "a\r\n--bd",
            "\r\n--bd\r\n--bd",
            "\r\r\n--bd\r",
            "\r\n-\r\n--\r\n--b\r\n--bd\r\n--bd--",
            "x\r\n--b",
            "--bd",
            "\r\n\r\n\r\n--b\r\r\n--bd\n--bd\r\n--b d",
    })
    void findsEveryDelimiterAndGivesBackAllData(String stream) {
        String expected = stream.replace("\r\n--bd", "|");

        for (Splits.Split split : Splits.exhaustive(bytes(stream))) {
            assertThat(segments(split.chunks(), false)).as("split %s", split).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--bd", "--bd\r\n--bd", "x--bd", "-\r\n--bd", "\r\n--bd", "\r--bd", "-", ""})
    void atBodyStartTheFirstDelimiterNeedsNoCrlf(String stream) {
        // The two phantom bytes of CRLF come back as data when the body does not start with "--bd".
        String expected = ("\r\n" + stream).replace("\r\n--bd", "|");

        for (Splits.Split split : Splits.exhaustive(bytes(stream))) {
            assertThat(segments(split.chunks(), true)).as("split %s", split).isEqualTo(expected);
        }
    }
}
