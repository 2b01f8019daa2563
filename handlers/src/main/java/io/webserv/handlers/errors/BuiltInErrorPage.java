package io.webserv.handlers.errors;

import io.webserv.handlers.api.Response;
import io.webserv.handlers.api.ResponseBody;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The page served for an error status when no error page is configured: a small HTML document that
 * names the status and nothing else (no request data is echoed back).
 */
public final class BuiltInErrorPage {

    private BuiltInErrorPage() {
    }

    /**
     * Renders the page.
     *
     * @param status the error status, named in the title and heading
     * @return a small HTML document, the same for every request with this status
     */
    public static String html(HttpStatus status) {
        String title = status.toString();
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head>\n"
                + "<body><h1>" + title + "</h1><hr><p>webserv</p></body></html>\n";
    }

    /**
     * Builds the full response: the page with its type, plus the fields the status needs.
     *
     * @param status       the error status
     * @param extraHeaders fields such as {@code Allow} or {@code Location}; copied
     * @return the response; without a body for statuses that forbid one (1xx, 204, 304)
     */
    public static Response response(HttpStatus status, HttpHeaders extraHeaders) {
        HttpHeaders headers = HttpHeaders.copyOf(extraHeaders);
        if (status.forbidsContent()) {
            return new Response(status, headers, ResponseBody.EMPTY);
        }
        headers.set("Content-Type", "text/html; charset=utf-8");
        ByteBuffer body = ByteBuffer.wrap(html(status).getBytes(StandardCharsets.UTF_8));
        return new Response(status, headers, new ResponseBody.Bytes(body));
    }
}
