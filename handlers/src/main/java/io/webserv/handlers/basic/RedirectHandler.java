package io.webserv.handlers.basic;

import io.webserv.config.model.Redirect;
import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.api.Response;
import io.webserv.handlers.api.ResponseBody;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A route's {@code redirect}: the configured status, {@code Location}, and a short HTML body with the link. */
public final class RedirectHandler implements Handler {

    private final HttpStatus status;
    private final String location;
    private final byte[] body;

    /**
     * Creates the handler; the HTML body is built once, here.
     *
     * @param redirect the route's status and {@code Location}
     */
    public RedirectHandler(Redirect redirect) {
        this.status = HttpStatus.of(redirect.status());
        this.location = redirect.location();
        String href = Html.escape(location);
        this.body = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + status + "</title></head>\n"
                + "<body><h1>" + status + "</h1><p><a href=\"" + href + "\">" + href + "</a></p></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(Exchange exchange) {
        HttpHeaders headers = new HttpHeaders().add("Location", location).add("Content-Type", "text/html; charset=utf-8");
        exchange.respond(new Response(status, headers, new ResponseBody.Bytes(ByteBuffer.wrap(body))));
    }
}
