package io.webserv.handlers.upload;

import io.webserv.handlers.api.BodyReceiver;
import io.webserv.handlers.api.Exchange;
import io.webserv.http.message.HttpStatus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Stores a request body as one file (SPEC §5): POST {@code route/NAME} creates NAME, or NAME with a
 * suffix when it is taken (201); PUT {@code route/NAME} creates (201) or replaces (200) NAME. The body
 * streams through an {@link UploadSink}, the request body paused while a write is in flight; the file
 * is published only once the whole body has arrived, so a body that fails (client gone, 408, 413 of a
 * chunked body, disk error) leaves nothing behind.
 */
final class RawUpload implements BodyReceiver, UploadSink.Listener {

    /** What publishing the complete file gave: its final path, and whether it was new. */
    private record Published(Path file, boolean created) {
    }

    private final Exchange exchange;
    private final String routePath;
    private final String name;
    private final boolean replace;
    private final UploadSink sink;
    private boolean finished;

    private RawUpload(Exchange exchange, Path dir, String name, boolean replace) {
        this.exchange = exchange;
        this.routePath = exchange.route().path();
        this.name = name;
        this.replace = replace;
        this.sink = UploadSink.open(dir, exchange.blockingExecutor(), exchange.eventLoop(), this);
    }

    /**
     * Receives the exchange's body into {@code dir} as {@code name}, already sanitised.
     *
     * @param replace PUT: replace a file of that name; POST: never replace, add a suffix instead
     */
    static void start(Exchange exchange, Path dir, String name, boolean replace) {
        exchange.receiveBody(new RawUpload(exchange, dir, name, replace));
    }

    @Override
    public void onData(ByteBuffer data) {
        if (finished) {
            return;
        }
        sink.write(data);
        if (sink.isWriting()) {
            exchange.pauseBody();
        }
    }

    @Override
    public void onReady() {
        if (!finished) {
            exchange.resumeBody();
        }
    }

    @Override
    public void onEnd() {
        if (finished) {
            return;
        }
        sink.complete(this::publish, this::answer);
    }

    /** On the blocking executor, with the complete temporary file. */
    private Published publish(Path temp) throws IOException {
        if (replace) {
            Path target = temp.resolveSibling(name);
            return new Published(target, Placement.replace(temp, target));
        }
        return new Published(Placement.placeNew(temp, name), true);
    }

    private void answer(Published published) {
        finished = true;
        StoredFile file = StoredFile.under(routePath, published.file().getFileName().toString(), sink.size());
        exchange.respond(published.created() ? UploadListingPage.created(List.of(file)) : UploadListingPage.replaced(file));
    }

    @Override
    public void onError(HttpStatus status) {
        // The server answers (or the client is gone): only the file has to go.
        finished = true;
        sink.abort();
    }

    @Override
    public void onFailed(IOException failure) {
        if (finished) {
            return;
        }
        finished = true;
        exchange.respondError(failure instanceof Placement.TargetIsDirectory
                ? HttpStatus.CONFLICT : HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
