package io.webserv.http.multipart;

/**
 * The bounds a {@link MultipartParser} enforces before it buffers anything.
 *
 * @param maxPartHeaderBytes the largest header block of one part, its CRLFs included
 *                           ({@code MULTIPART_PART_HEADERS_TOO_LARGE} beyond)
 * @param maxParts           the most parts one body may hold ({@code BODY_TOO_LARGE} beyond: every part
 *                           costs a header block and, for an upload, a file)
 */
public record MultipartLimits(int maxPartHeaderBytes, int maxParts) {

    /** 8 KiB of headers per part, 1000 parts. */
    public static final MultipartLimits DEFAULTS = new MultipartLimits(8 * 1024, 1000);

    /**
     * Checks the limits.
     *
     * @param maxPartHeaderBytes the largest header block of one part, its CRLFs included
     * @param maxParts           the most parts one body may hold
     * @throws IllegalArgumentException when a limit is not positive
     */
    public MultipartLimits {
        if (maxPartHeaderBytes < 1) {
            throw new IllegalArgumentException("maxPartHeaderBytes must be positive: " + maxPartHeaderBytes);
        }
        if (maxParts < 1) {
            throw new IllegalArgumentException("maxParts must be positive: " + maxParts);
        }
    }
}
