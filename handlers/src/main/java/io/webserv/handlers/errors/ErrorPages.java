package io.webserv.handlers.errors;

import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Response;
import io.webserv.handlers.api.ResponseBody;
import io.webserv.handlers.files.MimeTypes;
import io.webserv.handlers.files.OffLoop;
import io.webserv.handlers.routing.VirtualHosts;
import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The configured error pages of SPEC §2: {@code error_pages} maps a status to a URI served from the same
 * server, the route's entries winning over the server's. The page goes out with the ERROR status
 * (never 200), the type of its file name and the fields the status needs ({@code Allow},
 * {@code Location}, {@code Content-Range}…); when there is no page to serve, the built-in one does.
 *
 * <p>A status without a configured page, or one that forbids content (304…), is answered at once, on
 * the calling thread. A configured page is read on the blocking executor ({@link ErrorPageFiles}) and
 * the response comes back on the event loop: the loop never touches the disk, and since the page is
 * only read, never dispatched, a page that is itself missing or failing cannot loop. One instance
 * serves a whole server and keeps no state per request.
 */
public final class ErrorPages {

    private final ErrorPageFiles files;

    /**
     * Creates the error pages of a server.
     *
     * @param mimeTypes gives a configured page its {@code Content-Type} from its file name
     */
    public ErrorPages(MimeTypes mimeTypes) {
        this.files = new ErrorPageFiles(mimeTypes);
    }

    /**
     * Answers an exchange with the error page for a status.
     *
     * @param exchange     the exchange to answer, on its event loop
     * @param status       the error status the response carries
     * @param extraHeaders fields the status needs; copied now
     */
    public void respond(Exchange exchange, HttpStatus status, HttpHeaders extraHeaders) {
        respond(exchange, status, extraHeaders, exchange::respond);
    }

    /**
     * Builds the error response for {@code status} and hands it to {@code send}, on the event loop:
     * at once for the built-in page, later for a configured one (not at all if the client leaves
     * meanwhile). The server uses this form to check, when the page is ready, that nothing else
     * answered in between.
     *
     * @param exchange     the exchange the page is for; its route and server choose the page
     * @param status       the error status the response carries
     * @param extraHeaders copied now: the caller may reuse it
     * @param send         receives the response, on the event loop
     */
    public void respond(Exchange exchange, HttpStatus status, HttpHeaders extraHeaders, Consumer<Response> send) {
        HttpHeaders fields = HttpHeaders.copyOf(extraHeaders);
        String uri = status.forbidsContent() ? null
                : pagesFor(exchange.route(), exchange.server(), exchange.request().target().path()).get(status.code());
        if (uri == null) {
            send.accept(BuiltInErrorPage.response(status, fields));
            return;
        }
        ServerConfig server = exchange.server();
        boolean started = OffLoop.run(exchange, () -> files.load(server, uri), Optional.<ErrorPageFiles.Page>empty(),
                page -> send.accept(page.map(p -> response(status, fields, p))
                        .orElseGet(() -> BuiltInErrorPage.response(status, fields))));
        if (!started) {
            send.accept(BuiltInErrorPage.response(status, fields)); // the server is stopping: no disk work
        }
    }

    /**
     * The route's merged pages when the request is on that route; the server's own when no route
     * matched (the exchange then carries a stand-in route whose path does not cover the request).
     */
    static Map<Integer, String> pagesFor(RouteConfig route, ServerConfig server, String path) {
        if (route != null && VirtualHosts.matches(route.path(), path)) {
            return route.errorPages();
        }
        return server.errorPages();
    }

    private static Response response(HttpStatus status, HttpHeaders fields, ErrorPageFiles.Page page) {
        HttpHeaders headers = HttpHeaders.copyOf(fields).set(HeaderNames.CONTENT_TYPE, page.contentType());
        return new Response(status, headers, new ResponseBody.Bytes(ByteBuffer.wrap(page.body())));
    }
}
