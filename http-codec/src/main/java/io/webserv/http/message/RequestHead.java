package io.webserv.http.message;

/**
 * A parsed request head: request line, header fields and the body framing they imply
 * (RFC 9112 §6.3). Immutable; the headers are frozen.
 *
 * @param method        the method
 * @param target        the request-target
 * @param version       the version (a {@code HTTP/1.x} with x ≥ 2 arrives as HTTP/1.1)
 * @param headers       every field as received, in order
 * @param host          the authority the request is for: an absolute-form target's, else the Host
 *                      header's; null only for an HTTP/1.0 request without Host
 * @param contentLength the body length from Content-Length, 0 when there is no body, or -1 for chunked
 */
public record RequestHead(HttpMethod method, RequestTarget target, HttpVersion version, HttpHeaders headers,
                          HostAndPort host, long contentLength) {

    /** {@return whether the body is {@code Transfer-Encoding: chunked} (its length unknown)} */
    public boolean isChunked() {
        return contentLength < 0;
    }

    /** {@return whether a body follows the head: chunked, or a Content-Length above zero} */
    public boolean hasBody() {
        return contentLength != 0;
    }

    /**
     * Tells whether the client wants the connection kept after this exchange (RFC 9112 §9.3).
     *
     * @return for HTTP/1.1, true unless it says {@code Connection: close}; for HTTP/1.0, true only
     *     when it says {@code Connection: keep-alive}
     */
    public boolean keepAlive() {
        if (headers.containsToken(HeaderNames.CONNECTION, "close")) {
            return false;
        }
        return version == HttpVersion.HTTP_1_1 || headers.containsToken(HeaderNames.CONNECTION, "keep-alive");
    }

    /**
     * Tells whether the client waits for {@code 100 Continue} before sending its body
     * (RFC 9110 §10.1.1).
     *
     * @return true for {@code Expect: 100-continue} on a request with a body; false without a body,
     *     where the expectation means nothing
     */
    public boolean expectsContinue() {
        String expect = headers.get(HeaderNames.EXPECT);
        return expect != null && expect.trim().equalsIgnoreCase("100-continue") && hasBody();
    }
}
