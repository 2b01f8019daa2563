package io.webserv.server.http;

import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.RequestHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line per response in the combined log format, through the SLF4J logger {@code webserv.access}
 * (server-app's Log4j2 configuration sends it to stdout, a file, or nowhere, asynchronously, so the
 * event loop never waits on it).
 */
public final class AccessLog {

    private static final Logger ACCESS = LoggerFactory.getLogger("webserv.access");
    /**
     * The most characters one logged field (request line, Referer, User-Agent) takes, escapes
     * included; the rest is cut and marked {@code ...}. Lines wait in the asynchronous appender's
     * queue (8192 of them, log4j2.xml) while their destination is slow, so their size is memory: uncut,
     * a client could make each line some 80 KB (a 16 KiB head of tabs, each logged as {@code \x09}).
     */
    static final int MAX_FIELD_CHARS = 2048;
    private static final String CUT = "...";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US);

    private final boolean enabled;

    public AccessLog(boolean enabled) {
        this.enabled = enabled && ACCESS.isInfoEnabled();
    }

    /** {@code request} is null when the request line itself could not be parsed. */
    void log(InetSocketAddress client, RequestHead request, int status, long bodyBytes) {
        if (!enabled) {
            return;
        }
        String requestLine = request == null ? "-"
                : request.method() + " " + request.target().raw() + " " + request.version();
        String referer = request == null ? null : request.headers().get(HeaderNames.REFERER);
        String agent = request == null ? null : request.headers().get(HeaderNames.USER_AGENT);
        ACCESS.info("{} - - [{}] \"{}\" {} {} \"{}\" \"{}\"",
                client == null ? "-" : client.getAddress().getHostAddress(),
                TIME.format(ZonedDateTime.now(ZoneOffset.UTC)),
                escape(requestLine), status, bodyBytes, escape(referer), escape(agent));
    }

    /**
     * Quotes and control bytes from the client must not forge log lines; a field longer than
     * {@link #MAX_FIELD_CHARS} is cut.
     */
    static String escape(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_FIELD_CHARS) + CUT.length());
        for (int i = 0; i < s.length(); i++) {
            if (out.length() >= MAX_FIELD_CHARS) {
                out.append(CUT);
                break;
            }
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
