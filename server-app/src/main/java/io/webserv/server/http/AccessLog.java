package io.webserv.server.http;

import io.webserv.config.model.ServerConfig;
import io.webserv.http.message.RequestHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;

/**
 * One line per response, in the configured format, through the SLF4J logger {@code webserv.access}.
 * The line is made on the event loop (a few microseconds of CPU, every field cut at
 * {@link LogText#MAX_FIELD_CHARS}); server-app's Log4j2 configuration hands it to an asynchronous
 * appender whose bounded queue drops a line rather than wait when its thread falls behind a slow disk
 * or terminal, so the loop never waits on the log's destination.
 */
public final class AccessLog {

    private static final Logger ACCESS = LoggerFactory.getLogger("webserv.access");

    private final boolean enabled;
    private final AccessLineFormat format;

    private AccessLog(boolean enabled, AccessLineFormat format) {
        this.enabled = enabled && ACCESS.isInfoEnabled();
        this.format = format;
    }

    /**
     * The log {@code access_log} asks for (its destination is Log4j2's business: see Main).
     *
     * @param config the configuration's {@code access_log}
     * @return a log that writes nothing when it is {@code off}
     */
    public static AccessLog of(io.webserv.config.model.AccessLog config) {
        return new AccessLog(config.kind() != io.webserv.config.model.AccessLog.Kind.OFF,
                AccessLineFormat.of(config.format()));
    }

    /**
     * @param request    null when the request line itself could not be parsed
     * @param server     the server that answered, null when the request reached none
     * @param durationNanos from the request's first byte read to the response's last byte queued
     */
    void log(InetSocketAddress client, RequestHead request, ServerConfig server, int status, long bodyBytes,
             long durationNanos) {
        if (!enabled) {
            return;
        }
        AccessEntry entry = new AccessEntry(client, request, server, status, bodyBytes,
                durationNanos, System.currentTimeMillis());
        ACCESS.info("{}", format.format(entry));
    }
}
