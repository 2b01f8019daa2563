package io.webserv.handlers.upload;

import io.webserv.config.model.RouteConfig;
import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Handler;
import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.RequestHead;
import io.webserv.http.multipart.MultipartParser;
import io.webserv.http.parse.HttpParseException;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Stores request bodies in the route's {@code upload_dir} (SPEC §5), for POST and PUT:
 * <ul>
 *   <li>POST {@code multipart/form-data}, to the route or below it: every file part, under the file
 *       name its part gives ({@link MultipartUpload}) → 201;</li>
 *   <li>POST any other body to {@code route/NAME}: the body as NAME, sanitised ({@link FileNames}), a
 *       taken name getting a suffix ({@link RawUpload}) → 201;</li>
 *   <li>PUT {@code route/NAME}: the body as NAME, created (201) or replaced (200). PUT names its
 *       resource, so a NAME that sanitising would change is refused (400) rather than stored elsewhere.</li>
 * </ul>
 * Refused before a byte of the body is read, hence without {@code 100 Continue}: a body without
 * Content-Length that is not chunked (411, SPEC §3); a multipart type without a valid boundary, and a
 * plain body sent to the route itself or to a path ending in {@code /}, which name no file (400). A
 * body over {@code client_max_body_size} never gets here: the server answers 413 first.
 *
 * <p>On the event loop it only looks at the request head; the file system work runs on the exchange's
 * blocking executor, one step at a time per upload ({@link UploadSink}). Stateless: one instance serves
 * every route that has an upload directory.
 */
public final class UploadHandler implements Handler {

    private static final String ALLOW = "POST, PUT";
    private static final String FORM_DATA = "multipart/form-data";

    @Override
    public void handle(Exchange exchange) {
        RequestHead request = exchange.request();
        boolean put = request.method().equals(HttpMethod.PUT);
        if (!put && !request.method().equals(HttpMethod.POST)) {
            // MethodGuard normally stops other methods first; this keeps the handler correct on its own.
            exchange.respondError(HttpStatus.METHOD_NOT_ALLOWED, new HttpHeaders(1).add(HeaderNames.ALLOW, ALLOW));
            return;
        }
        RouteConfig route = exchange.route();
        Path dir = route.uploadDir().orElseThrow(
                () -> new IllegalStateException("upload handler on route " + route.path() + " without upload_dir"));
        if (!request.isChunked() && !request.headers().contains(HeaderNames.CONTENT_LENGTH)) {
            exchange.respondError(HttpStatus.LENGTH_REQUIRED);
            return;
        }
        String contentType = request.headers().get(HeaderNames.CONTENT_TYPE);
        if (!put && isFormData(contentType)) {
            byte[] boundary;
            try {
                boundary = MultipartParser.boundaryOf(contentType);
            } catch (HttpParseException e) {
                exchange.respondError(HttpStatus.BAD_REQUEST);
                return;
            }
            MultipartUpload.start(exchange, dir, boundary);
            return;
        }
        String requested = pathBelow(route.path(), request.target().path());
        String name = FileNames.sanitise(requested);
        if (requested.isEmpty() || requested.endsWith("/") || put && !name.equals(requested)) {
            exchange.respondError(HttpStatus.BAD_REQUEST);
            return;
        }
        RawUpload.start(exchange, dir, name, put);
    }

    /** Whether the media type (RFC 9110 §8.3.1, case-insensitive) is {@code multipart/form-data}. */
    static boolean isFormData(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT).equals(FORM_DATA);
    }

    /**
     * The part of the decoded, normalised {@code path} below {@code routePath}, without its leading
     * slash: {@code ""} for the route itself, {@code a/b} for {@code /route/a/b}.
     */
    static String pathBelow(String routePath, String path) {
        String prefix = routePath.endsWith("/") ? routePath : routePath + "/";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : "";
    }
}
