package io.webserv.handlers.files;

/**
 * A satisfiable byte range of a representation, both ends included (RFC 9110 §14.1.2).
 *
 * @param first offset of the first byte
 * @param last  offset of the last byte, at least {@code first}
 */
public record ByteRange(long first, long last) {

    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("invalid byte range " + first + "-" + last);
        }
    }

    /** How many bytes it covers. */
    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value of a 206 response (RFC 9110 §14.4): {@code bytes first-last/complete}. */
    public String contentRange(long completeLength) {
        return "bytes " + first + "-" + last + "/" + completeLength;
    }

    /** The {@code Content-Range} value of a 416 response: {@code bytes *}{@code /complete}. */
    public static String unsatisfiedContentRange(long completeLength) {
        return "bytes */" + completeLength;
    }
}
