package io.webserv.handlers.delete;

import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.api.Response;
import io.webserv.handlers.files.FileLocator;
import io.webserv.handlers.files.OffLoop;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;

import java.nio.file.Path;
import java.util.Optional;

/**
 * DELETE on the exchange's route (SPEC §5): 204 when a file under the route's root was removed; 404
 * when there is none; 409 for a directory, with or without the trailing slash; 403 for anything
 * outside the root or that the server may not remove.
 *
 * <p>On the event loop it only maps the path ({@link FileLocator}, which refuses what could climb out:
 * 403); the file system work runs on the blocking executor ({@link FileDeleter}) and the status comes
 * back to the loop. Sits behind the method guard, which already answered other methods.
 */
public final class DeleteHandler implements Handler {

    /** Creates the handler; it holds no state, so one instance serves every route. */
    public DeleteHandler() {
        // stateless: one instance serves every route
    }

    @Override
    public void handle(Exchange exchange) {
        String path = exchange.request().target().path();
        Optional<Path> file = FileLocator.locate(exchange.route(), path);
        if (file.isEmpty()) {
            exchange.respondError(HttpStatus.FORBIDDEN);
            return;
        }
        if (!exchange.isOpen()) {
            return; // the client left before anything was removed: remove nothing
        }
        Path root = exchange.route().root();
        boolean directorySyntax = path.endsWith("/");
        boolean started = OffLoop.run(exchange, () -> FileDeleter.delete(root, file.get(), directorySyntax),
                HttpStatus.INTERNAL_SERVER_ERROR, status -> answer(exchange, status));
        if (!started) {
            exchange.respondError(HttpStatus.SERVICE_UNAVAILABLE); // the server is stopping
        }
    }

    private static void answer(Exchange exchange, HttpStatus status) {
        if (status.equals(HttpStatus.NO_CONTENT)) {
            exchange.respond(Response.empty(HttpStatus.NO_CONTENT, new HttpHeaders(0)));
        } else {
            exchange.respondError(status);
        }
    }
}
