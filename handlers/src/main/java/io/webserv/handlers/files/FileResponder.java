package io.webserv.handlers.files;

import io.webserv.handlers.api.Response;
import io.webserv.handlers.api.ResponseBody;
import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.RequestHead;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Answers a GET or HEAD for one regular file already known to lie under the root: validators,
 * preconditions, range, then the body — the file opened for a zero-copy region (on a blocking thread),
 * or the bytes {@link FileCache} holds (on the event loop).
 */
final class FileResponder {

    private FileResponder() {
    }

    /** The body of a 200 or 206: {@code count} bytes from {@code position}. */
    @FunctionalInterface
    interface BodySource {
        ResponseBody open(long position, long count) throws IOException;
    }

    /**
     * A regular file on disk, sent zero-copy.
     *
     * @param file        the real path of the file
     * @param attributes  its attributes, read just before
     * @param contentType its media type
     * @throws IOException when the file cannot be opened (the caller maps it to 403, 404 or 500)
     */
    static FileReply respondFromDisk(RequestHead request, Path file, BasicFileAttributes attributes, String contentType)
            throws IOException {
        if (!attributes.isRegularFile()) {
            return FileReply.error(HttpStatus.NOT_FOUND); // a FIFO or a device: never opened (nginx answers 404 too)
        }
        FileFacts facts = FileFacts.of(attributes.size(), attributes.lastModifiedTime().toMillis(), contentType);
        return respond(request, facts, (position, count) -> {
            // Opened even when empty, so that an unreadable file is a 403 whatever its size. The link check
            // on the last component closes the gap between checking the real path and opening it.
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            if (count == 0) {
                channel.close();
                return ResponseBody.EMPTY;
            }
            return new ResponseBody.FileRegion(channel, position, count);
        });
    }

    /**
     * Validators, preconditions, range, then the body from {@code source}: the same answer whether the
     * file is read from disk or from {@link FileCache}.
     *
     * @throws IOException when {@code source} cannot open the body
     */
    static FileReply respond(RequestHead request, FileFacts facts, BodySource source) throws IOException {
        long length = facts.length();
        long modifiedSecs = facts.modifiedSeconds();
        EntityTag etag = facts.etag();
        HttpHeaders headers = new HttpHeaders(5) // ETag, Last-Modified, Content-Type, Accept-Ranges, Content-Range
                .add(HeaderNames.ETAG, facts.etagValue())
                .add(HeaderNames.LAST_MODIFIED, facts.lastModified());

        Conditionals.Outcome outcome = Conditionals.evaluate(request.headers(), etag, modifiedSecs);
        if (outcome == Conditionals.Outcome.PRECONDITION_FAILED) {
            return FileReply.error(HttpStatus.PRECONDITION_FAILED);
        }
        if (outcome == Conditionals.Outcome.NOT_MODIFIED) {
            return new FileReply.Send(Response.empty(HttpStatus.NOT_MODIFIED, headers));
        }

        RangeHeader.Result range = rangeOf(request, etag, modifiedSecs, length);
        if (range instanceof RangeHeader.Unsatisfiable) {
            HttpHeaders fields = new HttpHeaders(1).add(HeaderNames.CONTENT_RANGE, ByteRange.unsatisfiedContentRange(length));
            return new FileReply.ErrorPage(HttpStatus.RANGE_NOT_SATISFIABLE, fields);
        }
        headers.add(HeaderNames.CONTENT_TYPE, facts.contentType()).add(HeaderNames.ACCEPT_RANGES, "bytes");
        HttpStatus status = HttpStatus.OK;
        long position = 0;
        long count = length;
        if (range instanceof RangeHeader.Partial partial) {
            status = HttpStatus.PARTIAL_CONTENT;
            position = partial.range().first();
            count = partial.range().length();
            headers.add(HeaderNames.CONTENT_RANGE, partial.range().contentRange(length));
        }
        return new FileReply.Send(new Response(status, headers, source.open(position, count)));
    }

    /** Range applies to GET only (RFC 9110 §14.2), sent once, and only if If-Range agrees. */
    private static RangeHeader.Result rangeOf(RequestHead request, EntityTag etag, long modifiedSecs, long length) {
        HttpHeaders fields = request.headers();
        boolean usable = request.method().equals(HttpMethod.GET) && fields.count(HeaderNames.RANGE) == 1
                && Conditionals.rangeApplies(fields, etag, modifiedSecs);
        return RangeHeader.evaluate(usable ? fields.get(HeaderNames.RANGE) : null, length);
    }
}
