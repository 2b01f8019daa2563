package io.webserv.cgi;

import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpHeaders;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment of a CGI script (RFC 3875 §4.1, SPEC §6), as a pure function of the request and the
 * script, so that every variable is unit-tested without a process.
 *
 * <p>Nothing of the server's own environment leaks in except {@code PATH} (scripts need to find
 * {@code env}, {@code sh}…). Header fields become {@code HTTP_*} variables with these exceptions:
 * <ul>
 *   <li>{@code Proxy} never (httpoxy: {@code HTTP_PROXY} would be read as a proxy setting);
 *   <li>{@code Content-Length} and {@code Content-Type} have their own variables, set only with a body;
 *   <li>{@code Transfer-Encoding}: the script reads a de-chunked body of {@code CONTENT_LENGTH} bytes;
 *   <li>{@code Proxy-Authorization}: credentials meant for a proxy, never for the script;
 *   <li>names with {@code _} or other characters that do not map one-to-one onto a variable name
 *       (nginx's {@code underscores_in_headers off}): {@code X_Forwarded_For} must not pass for
 *       {@code X-Forwarded-For}.
 * </ul>
 * Repeated fields are joined with {@code ", "} ({@code "; "} for {@code Cookie}, RFC 6265 §5.4).
 * {@code Authorization} is passed (as nginx and php-fpm setups do), deliberately beyond
 * RFC 3875 §4.1.18's SHOULD NOT: scripts that implement Basic authentication need it.
 */
final class CgiEnvironment {

    /** When the server itself has no PATH. */
    static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    private static final Set<String> NOT_PASSED = Set.of("proxy", "content-length", "content-type",
            "transfer-encoding", "proxy-authorization");

    private CgiEnvironment() {
    }

    /**
     * @param contentLength the body's real length (de-chunked), or -1 without a body
     * @param path          the server's {@code PATH}, or null
     */
    static Map<String, String> of(CgiRequest request, CgiScript script, long contentLength, String path) {
        Map<String, String> env = new TreeMap<>();
        env.put("PATH", path == null || path.isEmpty() ? DEFAULT_PATH : path);
        env.put("GATEWAY_INTERFACE", "CGI/1.1");
        env.put("SERVER_SOFTWARE", "webserv");
        env.put("SERVER_PROTOCOL", request.protocol());
        env.put("SERVER_NAME", request.serverName());
        env.put("SERVER_PORT", Integer.toString(request.serverPort()));
        env.put("REQUEST_METHOD", request.method());
        env.put("REQUEST_URI", request.requestUri());
        env.put("SCRIPT_NAME", script.scriptName());
        env.put("SCRIPT_FILENAME", script.file().toString());
        env.put("DOCUMENT_ROOT", request.route().root().toString());
        env.put("PATH_INFO", script.pathInfo());
        if (!script.pathInfo().isEmpty()) {
            env.put("PATH_TRANSLATED", withoutTrailingSlash(request.route().root().toString()) + script.pathInfo());
        }
        env.put("QUERY_STRING", request.query());
        env.put("REMOTE_ADDR", request.remoteAddress());
        // A client named by X-Forwarded-For has no known port: empty, as nginx's $remote_port is then
        env.put("REMOTE_PORT", request.remotePort() == 0 ? "" : Integer.toString(request.remotePort()));
        env.put("REDIRECT_STATUS", "200");
        if (contentLength >= 0) {
            env.put("CONTENT_LENGTH", Long.toString(contentLength));
            String type = request.headers().get(HeaderNames.CONTENT_TYPE);
            if (type != null) {
                env.put("CONTENT_TYPE", type);
            }
        }
        addHeaders(env, request.headers());
        return env;
    }

    private static void addHeaders(Map<String, String> env, HttpHeaders headers) {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String variable = variableName(name);
            if (variable == null || NOT_PASSED.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String separator = name.equalsIgnoreCase(HeaderNames.COOKIE) ? "; " : ", ";
            env.merge(variable, headers.value(i), (first, next) -> first + separator + next);
        }
    }

    /** {@code HTTP_} + the name upper-cased with {@code -} as {@code _}, or null when it cannot map cleanly. */
    static String variableName(String headerName) {
        StringBuilder variable = new StringBuilder(5 + headerName.length()).append("HTTP_");
        for (int i = 0; i < headerName.length(); i++) {
            char c = headerName.charAt(i);
            if (c >= 'a' && c <= 'z') {
                variable.append((char) (c - 'a' + 'A'));
            } else if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                variable.append(c);
            } else if (c == '-') {
                variable.append('_');
            } else {
                return null;
            }
        }
        return variable.toString();
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
