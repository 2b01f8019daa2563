package io.webserv.handlers.api;

import java.io.Closeable;
import java.io.IOException;
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
     * {@code count} bytes of an open file from {@code position}, sent zero-copy. The server closes
     * {@code owner} once it no longer needs the file: sent, or not sent at all (HEAD, the client left).
     * The server reads the file at explicit positions only, so one channel may back many regions at once.
     *
     * @param file     the open file
     * @param position the first byte to send
     * @param count    how many bytes to send
     * @param owner    closed exactly once when the server is done with the region: the file itself, or
     *                 a share of a channel others use too (a descriptor cache)
     */
    record FileRegion(FileChannel file, long position, long count, Closeable owner) implements ResponseBody {

        /**
         * A region of a file the response owns: the server closes the file.
         *
         * @param file     the open file
         * @param position the first byte to send
         * @param count    how many bytes to send
         */
        public FileRegion(FileChannel file, long position, long count) {
            this(file, position, count, file);
        }

        @Override
        public long length() {
            return count;
        }

        /** Gives the file back unsent: closes {@link #owner()}. */
        public void release() {
            try {
                owner.close();
            } catch (IOException ignored) {
                // only read from: closing cannot lose data
            }
        }
    }

    /** A body produced piece by piece, for instance by a CGI process. */
    record Stream(StreamSource source, long length) implements ResponseBody {
    }
}
