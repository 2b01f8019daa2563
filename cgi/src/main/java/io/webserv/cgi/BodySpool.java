package io.webserv.cgi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A chunked request body kept until its end, because a script must be told its CONTENT_LENGTH before
 * it starts (RFC 3875 §4.1.2). Small bodies stay in memory; from {@link #MEMORY_LIMIT} on, the body
 * goes to a temporary file (owner-only, deleted by {@link #close()}), so memory stays bounded whatever
 * {@code client_max_body_size} allows. Used by one thread.
 */
final class BodySpool implements AutoCloseable {

    static final int MEMORY_LIMIT = 64 * 1024;

    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;
    private long length;

    void write(byte[] chunk) throws IOException {
        if (file == null && memory.size() + chunk.length > MEMORY_LIMIT) {
            file = Files.createTempFile("webserv-cgi-", ".body");
            fileOut = Files.newOutputStream(file);
            memory.writeTo(fileOut);
            memory = null;
        }
        if (file == null) {
            memory.write(chunk);
        } else {
            fileOut.write(chunk);
        }
        length += chunk.length;
    }

    long length() {
        return length;
    }

    /** The whole body, once written. */
    InputStream open() throws IOException {
        if (file == null) {
            return new ByteArrayInputStream(memory.toByteArray());
        }
        fileOut.close();
        return Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            try {
                fileOut.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
