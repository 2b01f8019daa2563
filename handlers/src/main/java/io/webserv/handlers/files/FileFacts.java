package io.webserv.handlers.files;

import io.webserv.http.syntax.HttpDates;

/**
 * What a response about one regular file says of it, derived once from its attributes: length, media
 * type and the validators ({@code ETag}, {@code Last-Modified}) that conditional and range requests
 * compare against.
 */
record FileFacts(long length, long modifiedMillis, String contentType, EntityTag etag, String etagValue,
                 String lastModified) {

    static FileFacts of(long length, long modifiedMillis, String contentType) {
        EntityTag etag = EntityTag.ofFile(length, modifiedMillis);
        // Both header values are formed here, once per cached file, not on every hit.
        return new FileFacts(length, modifiedMillis, contentType, etag, etag.toString(), HttpDates.format(modifiedMillis));
    }

    /** Whole seconds, the precision of {@code Last-Modified} and of {@code If-Modified-Since}. */
    long modifiedSeconds() {
        return Math.floorDiv(modifiedMillis, 1000);
    }
}
