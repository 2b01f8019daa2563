package io.webserv.http.parse;

/**
 * How much a {@link RequestParser} accepts before it refuses. Every limit is checked before the bytes
 * are buffered, so a client can never make the parser hold more than these.
 *
 * @param maxRequestLineBytes request line without its CRLF; over → 414 (SPEC: {@code limits.uri_bytes})
 * @param maxHeadBytes        request line and header fields with their CRLFs; over → 431
 *                            (SPEC: {@code limits.header_bytes})
 * @param maxHeaderCount      number of header fields; over → 431
 * @param maxChunkLineBytes   a chunk-size line with its extensions; over → 400
 * @param maxTrailerBytes     the trailer section of a chunked body; over → 431
 * @param maxBodyBytes        body size for every message, 0 for no limit; over → 413. A server that
 *                            knows the route sets a per-message limit with {@link RequestParser#limitBody(long)}.
 */
public record ParserLimits(int maxRequestLineBytes, int maxHeadBytes, int maxHeaderCount, int maxChunkLineBytes,
                           int maxTrailerBytes, long maxBodyBytes) {

    /** 8 KiB request line, 16 KiB head, 100 fields, 4 KiB chunk lines, 16 KiB trailers, 1 MiB body (SPEC §2). */
    public static final ParserLimits DEFAULT = new ParserLimits(8192, 16384, 100, 4096, 16384, 1 << 20);

    /**
     * Checks the limits.
     *
     * @param maxRequestLineBytes request line without its CRLF (414 beyond)
     * @param maxHeadBytes        request line and header fields with their CRLFs (431 beyond)
     * @param maxHeaderCount      number of header fields (431 beyond)
     * @param maxChunkLineBytes   a chunk-size line with its extensions (400 beyond)
     * @param maxTrailerBytes     the trailer section of a chunked body (431 beyond)
     * @param maxBodyBytes        body size for every message, 0 for no limit (413 beyond)
     * @throws IllegalArgumentException when a limit is too small to parse any valid request
     */
    public ParserLimits {
        if (maxRequestLineBytes < 16 || maxHeadBytes < 16 || maxHeaderCount < 1 || maxChunkLineBytes < 3
                || maxTrailerBytes < 2 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("limits too small: " + this);
        }
    }

    /**
     * Returns these limits with another request-line limit.
     *
     * @param bytes the longest request line accepted, without its CRLF
     * @return a copy with {@code maxRequestLineBytes} replaced
     */
    public ParserLimits withMaxRequestLineBytes(int bytes) {
        return new ParserLimits(bytes, maxHeadBytes, maxHeaderCount, maxChunkLineBytes, maxTrailerBytes, maxBodyBytes);
    }

    /**
     * Returns these limits with another head limit.
     *
     * @param bytes the longest head accepted, request line and fields with their CRLFs
     * @return a copy with {@code maxHeadBytes} replaced
     */
    public ParserLimits withMaxHeadBytes(int bytes) {
        return new ParserLimits(maxRequestLineBytes, bytes, maxHeaderCount, maxChunkLineBytes, maxTrailerBytes, maxBodyBytes);
    }

    /**
     * Returns these limits with another default body limit.
     *
     * @param bytes the largest body accepted, 0 for no limit
     * @return a copy with {@code maxBodyBytes} replaced
     */
    public ParserLimits withMaxBodyBytes(long bytes) {
        return new ParserLimits(maxRequestLineBytes, maxHeadBytes, maxHeaderCount, maxChunkLineBytes, maxTrailerBytes, bytes);
    }
}
