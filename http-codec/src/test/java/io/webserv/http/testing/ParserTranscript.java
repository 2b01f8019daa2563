package io.webserv.http.testing;

import io.webserv.http.message.RequestHead;
import io.webserv.http.parse.ParseResult;
import io.webserv.http.parse.ParserLimits;
import io.webserv.http.parse.RequestParser;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link RequestParser} over a sequence of buffers and records what it reported, in a form that
 * does not depend on how the input was cut: one entry per message (its head and its whole body), and
 * the error if there was one. Two splits of the same input must give equal transcripts.
 */
public final class ParserTranscript {

    /** One parsed message: its head and its complete (de-chunked) body. */
    public record Message(RequestHead head, byte[] body, boolean complete) {
        public String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Message m && m.head.equals(head) && java.util.Arrays.equals(m.body, body) && m.complete == complete;
        }

        @Override
        public int hashCode() {
            return head.hashCode();
        }

        @Override
        public String toString() {
            return head.method() + " " + head.target().raw() + " " + head.version() + " " + head.headers()
                    + " body=" + bodyText() + (complete ? "" : " (incomplete)");
        }
    }

    public record Result(List<Message> messages, String error) {
    }

    private ParserTranscript() {
    }

    public static Result run(List<ByteBuffer> chunks) {
        return run(chunks, ParserLimits.DEFAULT);
    }

    public static Result run(List<ByteBuffer> chunks, ParserLimits limits) {
        RequestParser parser = new RequestParser(limits);
        List<Message> messages = new ArrayList<>();
        RequestHead head = null;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (ByteBuffer chunk : chunks) {
            ByteBuffer in = chunk.duplicate();
            while (true) {
                ParseResult result = parser.parse(in);
                switch (result) {
                    case HEAD -> {
                        head = parser.head();
                        body.reset();
                    }
                    case CONTENT -> {
                        ByteBuffer content = parser.content();
                        byte[] bytes = new byte[content.remaining()];
                        content.get(bytes);
                        body.write(bytes, 0, bytes.length);
                    }
                    case MESSAGE_COMPLETE -> {
                        messages.add(new Message(head, body.toByteArray(), true));
                        head = null;
                    }
                    case ERROR -> {
                        return new Result(messages, parser.error().name());
                    }
                    case NEED_MORE_INPUT -> {
                        if (in.hasRemaining()) {
                            throw new AssertionError("NEED_MORE_INPUT with " + in.remaining() + " bytes left");
                        }
                    }
                    default -> throw new AssertionError(result);
                }
                if (result == ParseResult.NEED_MORE_INPUT) {
                    break;
                }
            }
        }
        if (head != null) {
            messages.add(new Message(head, body.toByteArray(), false));
        }
        return new Result(messages, null);
    }
}
