package io.webserv.cgi;

import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;

/**
 * The CGI header block of a script's output, as the server will answer it (RFC 3875 §6).
 *
 * @param status        the status to send ({@code Status:}, else 302 with a {@code Location}, else 200)
 * @param headers       the fields to send: the script's, without the CGI-only and hop-by-hop ones
 * @param contentLength the script's {@code Content-Length}, or -1 when it gave none
 * @param localRedirect the path of a local redirect (RFC 3875 §6.2.2), or null for a response to send
 */
record CgiResponseHead(HttpStatus status, HttpHeaders headers, long contentLength, String localRedirect) {

    boolean isLocalRedirect() {
        return localRedirect != null;
    }
}
