package io.webserv.http.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.webserv.http.multipart.MultipartEvent;
import io.webserv.http.multipart.MultipartLimits;
import io.webserv.http.multipart.MultipartParser;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the multipart parser (boundary {@code xyz}): no exception escapes, it
 * never stalls, and the parts' content does not depend on how the body was cut. Stored inputs run in
 * every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class MultipartParserFuzzTest {

    private static final byte[] BOUNDARY = "xyz".getBytes(StandardCharsets.US_ASCII);

    @FuzzTest(maxDuration = "10m")
    void anyBody(byte[] body) {
        int step = body.length == 0 ? 1 : 1 + (body[0] & 0x1F);
        String whole = transcript(body, body.length == 0 ? 1 : body.length);
        String cut = transcript(body, step);
        if (!whole.equals(cut)) {
            throw new AssertionError("multipart verdict depends on the cut (step " + step + ")");
        }
    }

    /** Events and content, in a form independent of the cut. */
    private static String transcript(byte[] body, int step) {
        MultipartParser parser = new MultipartParser(BOUNDARY, new MultipartLimits(512, 16));
        StringBuilder events = new StringBuilder();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int i = 0; i <= body.length; i += step) {
            ByteBuffer in = ByteBuffer.wrap(body, Math.min(i, body.length), Math.min(step, Math.max(0, body.length - i))).slice();
            int guard = 0;
            while (true) {
                if (++guard > 4 * step + 64) {
                    throw new AssertionError("the multipart parser stalled");
                }
                MultipartEvent event = parser.parse(in);
                if (event == MultipartEvent.NEED_MORE_INPUT) {
                    if (in.hasRemaining()) {
                        throw new AssertionError("NEED_MORE_INPUT with bytes left");
                    }
                    break;
                }
                if (event == MultipartEvent.PART_CONTENT) {
                    ByteBuffer data = parser.content();
                    byte[] bytes = new byte[data.remaining()];
                    data.get(bytes);
                    content.writeBytes(bytes);
                    continue;
                }
                events.append(event).append(content.size()).append(';');
                if (event == MultipartEvent.ERROR) {
                    return events.append(parser.error()).toString();
                }
                if (event == MultipartEvent.END) {
                    return events.toString() + content.size();
                }
            }
        }
        return events.append(parser.endOfInput()).toString();
    }
}
