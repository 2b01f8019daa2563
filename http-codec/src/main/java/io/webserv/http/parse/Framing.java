package io.webserv.http.parse;

import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HostAndPort;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpVersion;
import io.webserv.http.message.RequestTarget;

/**
 * The rules that decide a request's body length and host from its header fields (RFC 9112 §3.2, §6).
 * They are where request smuggling is stopped, so each ambiguity is refused, never guessed:
 * Content-Length with Transfer-Encoding, more than one Content-Length (even equal ones), a transfer
 * coding list whose last element is not a single {@code chunked}, more than one Host.
 */
final class Framing {

    private Framing() {
    }

    /**
     * The body length: a Content-Length, 0 for none, or -1 for chunked.
     *
     * @param contentLengths     how many Content-Length fields the head has (counted up to 2)
     * @param transferEncodings  how many Transfer-Encoding fields (counted up to 2)
     */
    static long bodyLength(HttpHeaders headers, int contentLengths, int transferEncodings, HttpVersion version) {
        boolean hasTransferEncoding = transferEncodings > 0;
        if (hasTransferEncoding) {
            if (contentLengths > 0) {
                throw new HttpParseException(ParseError.CONTENT_LENGTH_WITH_TRANSFER_ENCODING);
            }
            if (version == HttpVersion.HTTP_1_0) {
                throw new HttpParseException(ParseError.TRANSFER_ENCODING_IN_HTTP_1_0);
            }
            checkChunkedOnly(headers);
            return -1;
        }
        if (contentLengths > 1) {
            throw new HttpParseException(ParseError.CONTENT_LENGTH_DUPLICATE);
        }
        return contentLengths == 0 ? 0 : parseContentLength(headers.get(HeaderNames.CONTENT_LENGTH));
    }

    /**
     * Every Transfer-Encoding field together must list exactly {@code chunked}. Chunked not last, or
     * twice, leaves the length undeterminable (400, RFC 9112 §6.3); any other coding is one we do not
     * implement (501, RFC 9112 §6.1).
     */
    private static void checkChunkedOnly(HttpHeaders headers) {
        int codings = 0;
        int chunked = 0;
        boolean chunkedLast = false;
        boolean unknown = false;
        for (String field : headers.getAll(HeaderNames.TRANSFER_ENCODING)) {
            for (String element : field.split(",", -1)) {
                String coding = element.strip();
                if (coding.isEmpty()) {
                    continue; // RFC 9110 §5.6.1: empty list elements are ignored
                }
                if (!io.webserv.http.syntax.HttpChars.isToken(coding)) {
                    throw new HttpParseException(ParseError.TRANSFER_ENCODING_INVALID);
                }
                codings++;
                chunkedLast = coding.equalsIgnoreCase("chunked");
                chunked += chunkedLast ? 1 : 0;
                unknown |= !chunkedLast;
            }
        }
        if (codings == 0 || chunked > 1 || chunked == 1 && !chunkedLast) {
            throw new HttpParseException(ParseError.TRANSFER_ENCODING_INVALID);
        }
        if (unknown) {
            throw new HttpParseException(ParseError.TRANSFER_ENCODING_NOT_IMPLEMENTED);
        }
    }

    /**
     * 1*DIGIT and nothing else: no sign, no list, no spaces inside; at most {@link Long#MAX_VALUE}.
     * A large but valid length is not an error here: the body limit answers it with 413.
     */
    private static long parseContentLength(String value) {
        if (value.isEmpty()) {
            throw new HttpParseException(ParseError.CONTENT_LENGTH_INVALID);
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9' || length > (Long.MAX_VALUE - (c - '0')) / 10) {
                throw new HttpParseException(ParseError.CONTENT_LENGTH_INVALID);
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    /**
     * The authority the request is for. HTTP/1.1 needs exactly one Host (RFC 9112 §3.2); an
     * absolute-form target's authority overrides it (§3.2.2). Null for HTTP/1.0 without Host.
     */
    /** {@code value} parsed, through {@code cache} (may be null) so that a repeated Host costs nothing. */
    private static HostAndPort parseHost(String value, HeaderValueCache cache) {
        return cache != null ? cache.host(value) : HostParser.parse(value);
    }

    static HostAndPort host(HttpHeaders headers, int hosts, HttpVersion version, RequestTarget target,
                            HeaderValueCache cache) {
        if (hosts > 1) {
            throw new HttpParseException(ParseError.HOST_DUPLICATE);
        }
        if (hosts == 0 && version == HttpVersion.HTTP_1_1) {
            throw new HttpParseException(ParseError.HOST_MISSING);
        }
        HostAndPort fromHeader = hosts == 0 ? null : parseHost(headers.get(HeaderNames.HOST), cache);
        return target.authority() != null ? target.authority() : fromHeader;
    }
}
