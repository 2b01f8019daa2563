package io.webserv.http.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import io.webserv.http.testing.Splits;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds a body to a {@link MultipartParser} in the chunks of a split and records what comes out, with
 * the content of each part joined, so that every split of one input can be compared.
 *
 * <p>On the way it checks the parser's contract at every event: NEED_MORE_INPUT only once a chunk is
 * consumed, content never empty and never outside a part, no more than a delimiter held back, nothing
 * after END or ERROR. And once a chunk is consumed, it overwrites the chunk's bytes: a parser that kept
 * a reference to them instead of holding back its own copy would then produce wrong content.
 */
final class MultipartFeed {

    /** One part as the parser reported it; content in ISO-8859-1 so that every byte shows. */
    record ParsedPart(String name, String filename, String contentType, String headers, String content, boolean ended) {
    }

    /** Everything a run produced: the parts, then "END" or the error's name. */
    record Result(List<ParsedPart> parts, String outcome) {
    }

    /** Told at each NEED_MORE_INPUT how many bytes went in and how many content bytes came out. */
    interface Progress {
        void atNeedMoreInput(long bytesFed, long contentEmitted);
    }

    private final MultipartParser parser;
    private final List<ParsedPart> parts = new ArrayList<>();
    private ByteArrayOutputStream content;
    private Part current;
    private long fed;
    private long emitted;

    private MultipartFeed(MultipartParser parser) {
        this.parser = parser;
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Runs {@code body} through every split of {@link Splits#of}, asserts they agree, returns the result. */
    static Result parse(String boundary, String body) {
        return parse(boundary, MultipartLimits.DEFAULTS, Splits.of(bytes(body)));
    }

    /** The same over the given splits (e.g. {@link Splits#exhaustive}). */
    static Result parse(String boundary, MultipartLimits limits, List<Splits.Split> splits) {
        Result first = null;
        for (Splits.Split split : splits) {
            Result result = run(new MultipartParser(bytes(boundary), limits), split.chunks(), null);
            if (first == null) {
                first = result;
            } else {
                assertThat(result).as("split %s", split).isEqualTo(first);
            }
        }
        return first;
    }

    /** One run over one list of chunks. */
    static Result run(MultipartParser parser, List<ByteBuffer> chunks, Progress progress) {
        return new MultipartFeed(parser).feed(chunks, progress);
    }

    private Result feed(List<ByteBuffer> chunks, Progress progress) {
        for (ByteBuffer chunk : chunks) {
            fed += chunk.remaining();
            MultipartEvent event;
            while ((event = parser.parse(chunk)) != MultipartEvent.NEED_MORE_INPUT) {
                if (event == MultipartEvent.END || event == MultipartEvent.ERROR) {
                    return finish(event, chunk);
                }
                record(event);
            }
            assertThat(chunk.hasRemaining()).as("NEED_MORE_INPUT left input").isFalse();
            scribble(chunk);
            if (progress != null) {
                progress.atNeedMoreInput(fed, emitted);
            }
        }
        return finish(parser.endOfInput(), ByteBuffer.allocate(0));
    }

    private void record(MultipartEvent event) {
        assertThat(parser.heldBack()).as("held back").isLessThan(parser.delimiterLength());
        switch (event) {
            case PART_HEADERS -> {
                assertThat(current).as("PART_HEADERS inside a part").isNull();
                current = parser.part();
                assertThat(current.headers().isFrozen()).isTrue();
                content = new ByteArrayOutputStream();
            }
            case PART_CONTENT -> {
                ByteBuffer slice = parser.content();
                assertThat(current).as("content outside a part").isNotNull();
                assertThat(slice.isReadOnly()).isTrue();
                assertThat(slice.remaining()).as("empty content").isPositive();
                emitted += slice.remaining();
                while (slice.hasRemaining()) {
                    content.write(slice.get());
                }
            }
            case PART_END -> {
                assertThat(current).as("PART_END outside a part").isNotNull();
                closePart(true);
            }
            default -> throw new AssertionError("unexpected " + event);
        }
    }

    private Result finish(MultipartEvent terminal, ByteBuffer chunk) {
        if (current != null) {
            closePart(false);
        }
        String outcome;
        if (terminal == MultipartEvent.END) {
            assertThat(chunk.hasRemaining()).as("epilogue not consumed").isFalse();
            assertThat(parser.endOfInput()).isEqualTo(MultipartEvent.END);
            outcome = "END";
        } else {
            assertThat(terminal).isEqualTo(MultipartEvent.ERROR);
            outcome = parser.error().name();
        }
        // Terminal states stay terminal, whatever comes after.
        assertThat(parser.parse(ByteBuffer.wrap(bytes("\r\n--x\r\n")))).isEqualTo(terminal);
        return new Result(List.copyOf(parts), outcome);
    }

    private void closePart(boolean ended) {
        parts.add(new ParsedPart(current.name(), current.filename(), current.contentType(),
                current.headers().toString(), content.toString(StandardCharsets.ISO_8859_1), ended));
        current = null;
    }

    private static void scribble(ByteBuffer chunk) {
        for (int i = 0; i < chunk.limit(); i++) {
            chunk.put(i, (byte) '\r');
        }
    }
}
