package io.webserv.handlers.upload;

import io.webserv.handlers.api.BodyReceiver;
import io.webserv.handlers.api.Exchange;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.multipart.MultipartEvent;
import io.webserv.http.multipart.MultipartLimits;
import io.webserv.http.multipart.MultipartParser;
import io.webserv.http.multipart.Part;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores every file part of a {@code multipart/form-data} body (SPEC §5), all or nothing.
 *
 * <p>Each slice of the body is copied into a buffer this upload owns, and the codec's pull parser runs
 * over it. Whenever a disk step is in flight (a full write buffer, a part's file being closed), parsing
 * stops where it is and the body is paused; it goes on when the step is done, and the body resumes once
 * the slice is consumed. So an upload holds one slice, one open file and its two write buffers,
 * whatever the body holds.
 *
 * <p>Each file part streams into its own temporary file ({@link UploadSink}), and nothing is published
 * before the whole body has arrived and parsed as valid: then every file gets its sanitised name (a
 * taken name a suffix, {@link Placement#placeNew}), in order, and the answer is 201. Any failure before
 * that (client gone, 408, 413, malformed body, disk error) deletes every temporary file of the upload;
 * a failure while publishing removes the files already published. A client that gets anything but 201
 * finds nothing of its upload stored. Form fields (parts without a file name) and file inputs left
 * empty ({@code filename=""}) are skipped; a body without any file → 400.
 */
final class MultipartUpload implements BodyReceiver, UploadSink.Listener {

    /** A file part whose content is all in its temporary file, not yet published. */
    record Received(Path temp, String name, long size) {
    }

    private final Exchange exchange;
    private final Path dir;
    private final MultipartParser parser;
    private final List<Received> received = new ArrayList<>();
    private ByteBuffer in = ByteBuffer.allocate(0);
    /** The file part being written; null between parts and in parts that are skipped. */
    private UploadSink sink;
    private String partName;
    /** A disk step is in flight: parsing stops and the body is paused. */
    private boolean waiting;
    private boolean closeDelimiterSeen;
    private boolean bodyEnded;
    /** Answered or failed: nothing more happens. */
    private boolean finished;

    private MultipartUpload(Exchange exchange, Path dir, byte[] boundary) {
        this.exchange = exchange;
        this.dir = dir;
        this.parser = new MultipartParser(boundary, MultipartLimits.DEFAULTS);
    }

    /** Receives the exchange's body, whose boundary is {@code boundary}, into {@code dir}. */
    static void start(Exchange exchange, Path dir, byte[] boundary) {
        exchange.receiveBody(new MultipartUpload(exchange, dir, boundary));
    }

    @Override
    public void onData(ByteBuffer data) {
        if (finished) {
            return;
        }
        in = append(in, data);
        drive();
    }

    @Override
    public void onEnd() {
        bodyEnded = true;
        drive();
    }

    @Override
    public void onError(HttpStatus status) {
        // The server answers (or the client is gone): only the files have to go.
        if (!finished) {
            finished = true;
            discard();
        }
    }

    @Override
    public void onReady() {
        stepDone();
    }

    @Override
    public void onFailed(IOException failure) {
        fail(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /** Parses what is buffered until a disk step has to finish first, the buffer is consumed, or the end. */
    private void drive() {
        while (!waiting && !finished) {
            if (closeDelimiterSeen) {
                in.position(in.limit()); // epilogue: discarded
                if (bodyEnded) {
                    publish();
                } else {
                    exchange.resumeBody();
                }
                return;
            }
            MultipartEvent event = parser.parse(in);
            switch (event) {
                case PART_HEADERS -> startPart(parser.part());
                case PART_CONTENT -> writeContent(parser.content());
                case PART_END -> endPart();
                case END -> closeDelimiterSeen = true;
                case ERROR -> fail(parser.error().status());
                case NEED_MORE_INPUT -> {
                    if (bodyEnded) {
                        parser.endOfInput(); // the body ended before its close delimiter
                        fail(parser.error().status());
                    } else {
                        exchange.resumeBody(); // may deliver the next slice at once, re-entering drive()
                        return;
                    }
                }
                default -> throw new IllegalStateException(event.name());
            }
        }
    }

    private void startPart(Part part) {
        if (part.isFile() && !part.filename().isEmpty()) {
            partName = FileNames.sanitise(part.filename());
            sink = UploadSink.open(dir, exchange.blockingExecutor(), exchange.eventLoop(), this);
        }
    }

    private void writeContent(ByteBuffer content) {
        if (sink != null) {
            sink.write(content);
            if (sink.isWriting()) {
                pause();
            }
        }
    }

    private void endPart() {
        if (sink == null) {
            return;
        }
        UploadSink done = sink;
        String name = partName;
        pause();
        done.complete(temp -> temp, temp -> {
            received.add(new Received(temp, name, done.size()));
            sink = null;
            stepDone();
        });
    }

    private void pause() {
        waiting = true;
        exchange.pauseBody();
    }

    private void stepDone() {
        if (!finished) {
            waiting = false;
            drive();
        }
    }

    /** The body is complete and valid: every file gets its final name, or none does. */
    private void publish() {
        waiting = true;
        if (received.isEmpty()) {
            fail(HttpStatus.BAD_REQUEST);
            return;
        }
        List<Received> files = List.copyOf(received);
        String routePath = exchange.route().path();
        OffLoop.run(exchange.blockingExecutor(), exchange.eventLoop(), () -> placeAll(files, routePath), stored -> {
            if (!finished) {
                finished = true;
                exchange.respond(UploadListingPage.created(stored));
            }
        }, failure -> fail(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    /**
     * Publishes every file, in order, as the route at {@code routePath} serves it; on the blocking
     * executor. On failure, removes the files it published and every temporary file, then throws.
     */
    static List<StoredFile> placeAll(List<Received> files, String routePath) throws IOException {
        List<StoredFile> stored = new ArrayList<>(files.size());
        List<Path> published = new ArrayList<>(files.size());
        try {
            for (Received file : files) {
                Path placed = Placement.placeNew(file.temp(), file.name());
                published.add(placed);
                stored.add(StoredFile.under(routePath, placed.getFileName().toString(), file.size()));
            }
            return stored;
        } catch (IOException | RuntimeException e) {
            published.forEach(Placement::deleteQuietly);
            files.forEach(file -> Placement.deleteQuietly(file.temp()));
            throw e;
        }
    }

    /** The upload cannot succeed: answer {@code status}, and remove every file it wrote. */
    private void fail(HttpStatus status) {
        if (!finished) {
            finished = true;
            discard();
            exchange.respondError(status);
        }
    }

    /** Deletes the temporary files: the one being written, and those of the parts already received. */
    private void discard() {
        if (sink != null) {
            sink.abort();
            sink = null;
        }
        if (!received.isEmpty()) {
            List<Path> temps = received.stream().map(Received::temp).toList();
            received.clear();
            OffLoop.run(exchange.blockingExecutor(), exchange.eventLoop(), () -> {
                temps.forEach(Placement::deleteQuietly);
                return null;
            }, done -> { }, failure -> temps.forEach(Placement::deleteQuietly)); // the pool is stopping: here, then
        }
    }

    /** {@code buffer}'s unread bytes followed by {@code data}'s, in {@code buffer} when they fit. */
    private static ByteBuffer append(ByteBuffer buffer, ByteBuffer data) {
        if (buffer.hasRemaining()) {
            // Not expected: drive() consumes each slice before resuming the body. Kept correct anyway.
            ByteBuffer joined = ByteBuffer.allocate(buffer.remaining() + data.remaining());
            return joined.put(buffer).put(data).flip();
        }
        ByteBuffer target = buffer.capacity() >= data.remaining() ? buffer.clear() : ByteBuffer.allocate(data.remaining());
        return target.put(data).flip();
    }
}
