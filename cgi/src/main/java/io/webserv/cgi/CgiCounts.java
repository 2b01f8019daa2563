package io.webserv.cgi;

/**
 * What a {@link CgiHandler}'s scripts did, for the server's metrics.
 *
 * @param running  processes running now (started, not yet reaped)
 * @param spawned  processes started since the start
 * @param killed   processes killed while still alive: timed out, client gone, or the server stopping
 * @param timeouts runs whose script made no progress within {@code timeouts.cgi} (answered 504 if
 *                 nothing was sent yet)
 */
public record CgiCounts(long running, long spawned, long killed, long timeouts) {
}
