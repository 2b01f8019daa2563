package io.webserv.http.parse;

import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpVersion;
import io.webserv.http.message.RequestTarget;
import io.webserv.http.syntax.HttpChars;

import java.nio.charset.StandardCharsets;

/**
 * {@code method SP request-target SP HTTP-version} (RFC 9112 §3), parsed from one line's bytes.
 * Exactly one space between the parts; nothing else is accepted as a separator.
 */
record RequestLine(HttpMethod method, RequestTarget target, HttpVersion version) {

    private static final int VERSION_LENGTH = "HTTP/1.1".length();

    static RequestLine parse(byte[] buf, int start, int end) {
        int methodEnd = start;
        while (methodEnd < end && buf[methodEnd] != ' ') {
            if (!HttpChars.isToken(buf[methodEnd])) {
                throw new HttpParseException(ParseError.METHOD_INVALID);
            }
            methodEnd++;
        }
        int targetStart = methodEnd + 1;
        int targetEnd = targetStart;
        while (targetEnd < end && buf[targetEnd] != ' ') {
            targetEnd++;
        }
        if (methodEnd == start || methodEnd == end || targetEnd == targetStart || targetEnd == end) {
            throw new HttpParseException(ParseError.REQUEST_LINE_MALFORMED);
        }
        HttpVersion version = parseVersion(buf, targetEnd + 1, end);
        HttpMethod method = HttpMethod.of(buf, start, methodEnd - start);
        if (method.equals(HttpMethod.CONNECT)) {
            throw new HttpParseException(ParseError.CONNECT_NOT_SUPPORTED);
        }
        // TargetParser checks every character against RFC 3986 (no controls, DEL or obs-text).
        String rawTarget = new String(buf, targetStart, targetEnd - targetStart, StandardCharsets.ISO_8859_1);
        return new RequestLine(method, TargetParser.parse(rawTarget, method), version);
    }

    /** {@code HTTP/} DIGIT {@code .} DIGIT, nothing more (RFC 9112 §2.3). */
    private static HttpVersion parseVersion(byte[] buf, int start, int end) {
        if (end - start != VERSION_LENGTH || buf[start] != 'H' || buf[start + 1] != 'T' || buf[start + 2] != 'T'
                || buf[start + 3] != 'P' || buf[start + 4] != '/' || !HttpChars.isDigit(buf[start + 5])
                || buf[start + 6] != '.' || !HttpChars.isDigit(buf[start + 7])) {
            throw new HttpParseException(ParseError.VERSION_MALFORMED);
        }
        if (buf[start + 5] != '1') {
            throw new HttpParseException(ParseError.VERSION_NOT_SUPPORTED);
        }
        return buf[start + 7] == '0' ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    }
}
