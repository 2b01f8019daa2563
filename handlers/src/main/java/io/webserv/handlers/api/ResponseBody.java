package io.webserv.handlers.api;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** The three kinds of response body: bytes in memory, a region of a file, or a stream fed later. */
public sealed interface ResponseBody {

    /** No body: zero bytes. */
    ResponseBody EMPTY = new Bytes(ByteBuffer.allocate(0));

    /** {@return the body's length, or -1 when it is not known in advance (then it is sent chunked)} */
    long length();

    /** Bytes already in memory. */
    record Bytes(ByteBuffer data) implements ResponseBody {
        @Override
        public long length() {
            return data.remaining();
        }
    }

    /**
     * {@code count} bytes of an open file from {@code position}, sent zero-copy. The server closes the
     * file when done (or when the body is not sent at all, as for HEAD).
     */
    record FileRegion(FileChannel file, long position, long count) implements ResponseBody {
        @Override
        public long length() {
            return count;
        }
    }

    /** A body produced piece by piece, for instance by a CGI process. */
    record Stream(StreamSource source, long length) implements ResponseBody {
    }
}
