package io.webserv.http.multipart;

import io.webserv.http.message.HttpHeaders;
import java.util.Objects;

/**
 * One part of a {@code multipart/form-data} body, as its header block describes it.
 *
 * @param headers     every header field of the part, frozen
 * @param name        the form field's name, from {@code Content-Disposition} (RFC 7578 §4.2)
 * @param filename    the file name as sent and decoded ({@code filename*} preferred over
 *                    {@code filename}), not sanitised; null when the part is not a file, and empty when
 *                    a browser sends a file input with no file chosen
 * @param contentType the part's {@code Content-Type}, or {@code text/plain} when it has none (RFC 7578 §4.4)
 */
public record Part(HttpHeaders headers, String name, String filename, String contentType) {

    /** The media type a part without {@code Content-Type} has (RFC 7578 §4.4). */
    public static final String DEFAULT_CONTENT_TYPE = "text/plain";

    /**
     * Creates a part.
     *
     * @param headers     every header field of the part
     * @param name        the form field's name
     * @param filename    the file name as sent, or null when the part is not a file
     * @param contentType the part's media type
     * @throws NullPointerException when {@code headers}, {@code name} or {@code contentType} is null
     */
    public Part {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
    }

    /** {@return whether the part carries a file, that is, whether it has a file name} */
    public boolean isFile() {
        return filename != null;
    }
}
