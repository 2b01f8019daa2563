package io.webserv.it.upload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A {@code multipart/form-data} body as a browser sends it (RFC 7578), built part by part. */
final class MultipartBody {

    static final String BOUNDARY = "----WebservTestBoundary7MA4YWxkTrZu0gW";
    static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A file input's part; {@code filename} goes into the header as is (quotes are the caller's business). */
    MultipartBody file(String field, String filename, byte[] content) {
        out.writeBytes(fileHead(field, filename));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** The delimiter and header block that open a file part, for a body streamed by the caller. */
    static byte[] fileHead(String field, String filename) {
        return partHead("form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream");
    }

    /** What ends the last part's content and the body. */
    static byte[] closing() {
        return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A plain form field. */
    MultipartBody field(String name, String value) {
        out.writeBytes(partHead("form-data; name=\"" + name + "\""));
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** The body so far, closed with the close delimiter. */
    byte[] build() {
        return concat(out.toByteArray(), ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The body so far, without the close delimiter: a body cut short. */
    byte[] unfinished() {
        return out.toByteArray();
    }

    /** A POST request head for a body of {@code length} bytes. */
    static String postHead(String path, long length) {
        return "POST " + path + " HTTP/1.1\r\nHost: a\r\nContent-Type: " + CONTENT_TYPE
                + "\r\nContent-Length: " + length + "\r\n\r\n";
    }

    private static byte[] partHead(String disposition) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
