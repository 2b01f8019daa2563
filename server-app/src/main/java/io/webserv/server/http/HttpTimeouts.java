package io.webserv.server.http;

import java.time.Duration;

/**
 * The waits of an HTTP connection (SPEC §2 {@code timeouts}), in nanoseconds.
 *
 * @param header    the whole head must arrive within this, from its first byte (or from the connection's start)
 * @param body      the longest gap between two pieces of a body
 * @param keepAlive how long an idle persistent connection is kept
 * @param send      the longest gap without progress while the client is not reading
 */
public record HttpTimeouts(long header, long body, long keepAlive, long send) {

    public static HttpTimeouts of(Duration header, Duration body, Duration keepAlive, Duration send) {
        return new HttpTimeouts(header.toNanos(), body.toNanos(), keepAlive.toNanos(), send.toNanos());
    }
}
