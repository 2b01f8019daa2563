package io.webserv.http.message;

/**
 * The request-target of a request line (RFC 9112 §3.2) in its four forms.
 *
 * @param form      which of the four forms it was sent in
 * @param raw       as sent
 * @param rawPath   the path as sent, still percent-encoded ({@code "*"} for the asterisk form, the
 *                  authority for the authority form)
 * @param rawQuery  the query as sent without its {@code '?'}, or null when there was none
 * @param authority the host and port of an absolute-form target (which then overrides Host,
 *                  RFC 9112 §3.2.2), or null
 * @param path      the path percent-decoded (UTF-8) and normalised: no {@code .} or {@code ..}
 *                  segments, no empty segments, never above {@code /}; a trailing slash is kept
 */
public record RequestTarget(Form form, String raw, String rawPath, String rawQuery, HostAndPort authority, String path) {

    /** The four forms of RFC 9112 §3.2. */
    public enum Form {
        /** {@code /path?query}: the usual form. */
        ORIGIN,
        /** {@code http://host/path?query}: sent to proxies, accepted by servers. */
        ABSOLUTE,
        /** {@code host:port}: only for CONNECT. */
        AUTHORITY,
        /** {@code *}: only for a server-wide OPTIONS. */
        ASTERISK
    }

    /** {@return the query string without its {@code '?'}, or the empty string when there was none (as CGI wants it)} */
    public String queryOrEmpty() {
        return rawQuery == null ? "" : rawQuery;
    }

    /** {@return the query parameters, decoded as {@code application/x-www-form-urlencoded}} */
    public QueryParameters queryParameters() {
        return QueryParameters.parse(rawQuery);
    }
}
