package io.webserv.handlers.files;

/**
 * A satisfiable byte range of a representation, both ends included (RFC 9110 §14.1.2).
 *
 * @param first offset of the first byte
 * @param last  offset of the last byte, at least {@code first}
 */
public record ByteRange(long first, long last) {

    /**
     * Checks the range.
     *
     * @param first offset of the first byte, 0 or more
     * @param last  offset of the last byte, at least {@code first}
     * @throws IllegalArgumentException when the range is empty or negative
     */
    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("invalid byte range " + first + "-" + last);
        }
    }

    /** {@return how many bytes it covers} */
    public long length() {
        return last - first + 1;
    }

    /**
     * Formats the {@code Content-Range} value of a 206 response (RFC 9110 §14.4).
     *
     * @param completeLength the size of the whole representation
     * @return {@code bytes first-last/complete}
     */
    public String contentRange(long completeLength) {
        return "bytes " + first + "-" + last + "/" + completeLength;
    }

    /**
     * Formats the {@code Content-Range} value of a 416 response.
     *
     * @param completeLength the size of the whole representation
     * @return {@code bytes *}{@code /complete}
     */
    public static String unsatisfiedContentRange(long completeLength) {
        return "bytes */" + completeLength;
    }
}
