package io.webserv.http.parse;

import io.webserv.http.message.HostAndPort;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.RequestTarget;
import io.webserv.http.syntax.HttpChars;

/**
 * Parses a request-target (RFC 9112 §3.2) into a {@link RequestTarget}: checks every character against
 * RFC 3986, splits path and query, and normalises the path with {@link PathNormalizer}.
 *
 * <p>Origin form for every method; absolute form ({@code http} or {@code https} only, without
 * userinfo) too; the asterisk form only for OPTIONS. A fragment is never sent by a conforming client
 * and is refused. The authority form belongs to CONNECT, which the request-line parser has already
 * answered with 501 before it gets here.
 */
public final class TargetParser {

    private TargetParser() {
    }

    /**
     * Parses and checks a request-target and normalises its path.
     *
     * @param raw the target as it appears in the request line
     * @param method the request's method, which decides whether the asterisk form is allowed
     * @return the target with its form, raw parts, authority (absolute form) and normalised path
     * @throws HttpParseException with {@link ParseError#TARGET_INVALID}, {@link ParseError#HOST_INVALID},
     *         {@link ParseError#PATH_INVALID} or {@link ParseError#PATH_OUTSIDE_ROOT}
     */
    public static RequestTarget parse(String raw, HttpMethod method) {
        if (raw.isEmpty()) {
            throw invalid("empty request-target");
        }
        char first = raw.charAt(0);
        if (first == '/') {
            return originForm(raw, raw, RequestTarget.Form.ORIGIN, null);
        }
        if (raw.equals("*")) {
            if (!method.equals(HttpMethod.OPTIONS)) {
                throw invalid("asterisk-form is only for OPTIONS");
            }
            return new RequestTarget(RequestTarget.Form.ASTERISK, raw, raw, null, null, "*");
        }
        return absoluteForm(raw);
    }

    private static RequestTarget absoluteForm(String raw) {
        int schemeEnd = raw.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : raw.substring(0, schemeEnd);
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            throw invalid("not an origin-form or http(s) absolute-form target");
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < raw.length() && "/?#".indexOf(raw.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = raw.substring(authorityStart, authorityEnd);
        if (authority.isEmpty() || authority.indexOf('@') >= 0) {
            throw invalid("absolute-form without host, or with userinfo");
        }
        HostAndPort host = HostParser.parse(authority);
        String rest = raw.substring(authorityEnd);
        // RFC 9112 §3.2.2: an empty path in absolute form means "/".
        String pathAndQuery = rest.isEmpty() || rest.charAt(0) == '?' ? "/" + rest : rest;
        return originForm(raw, pathAndQuery, RequestTarget.Form.ABSOLUTE, host);
    }

    private static RequestTarget originForm(String raw, String pathAndQuery, RequestTarget.Form form, HostAndPort authority) {
        int query = pathAndQuery.indexOf('?');
        int pathEnd = query < 0 ? pathAndQuery.length() : query;
        checkCharacters(pathAndQuery, 0, pathEnd, HttpChars.PCHAR, '/');
        String rawQuery = null;
        if (query >= 0) {
            checkCharacters(pathAndQuery, query + 1, pathAndQuery.length(), HttpChars.QUERY, '?');
            rawQuery = pathAndQuery.substring(query + 1);
        }
        String rawPath = pathAndQuery.substring(0, pathEnd);
        return new RequestTarget(form, raw, rawPath, rawQuery, authority, PathNormalizer.normalize(rawPath));
    }

    /** Every character in the class, or {@code also}, or a well-formed {@code %XX}. */
    private static void checkCharacters(String s, int from, int to, int charClass, char also) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || !HttpChars.isHex(s.charAt(i + 1)) || !HttpChars.isHex(s.charAt(i + 2))) {
                    throw invalid("malformed percent-encoding");
                }
                i += 2;
            } else if (c > 0x7F || c != also && !HttpChars.is(c, charClass)) {
                throw invalid("character not allowed in request-target");
            }
        }
    }

    private static HttpParseException invalid(String detail) {
        return new HttpParseException(ParseError.TARGET_INVALID, detail);
    }
}
