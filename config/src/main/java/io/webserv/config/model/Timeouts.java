package io.webserv.config.model;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * Every wait of the server has one of these as its limit (SPEC §2 {@code timeouts}, §7 "no request
 * hangs forever").
 *
 * @param header    request line and headers must have arrived within this → 408
 * @param body      longest idle gap while reading a body → 408
 * @param keepAlive idle persistent connection → closed silently
 * @param send      longest idle gap while the client does not read → closed
 * @param cgi       a CGI script must finish or keep producing output within this → 504
 * @param shutdown  how long in-flight responses may take after SIGTERM (zero: stop at once)
 * @param drain     how long the server goes on serving, its listeners open and its health checks
 *                  answering 503, between SIGTERM and the stop (zero: stop at once), so that a load
 *                  balancer notices before the listeners close
 */
public record Timeouts(Duration header, Duration body, Duration keepAlive, Duration send, Duration cgi,
                       Duration shutdown, Duration drain) {

    /** The values SPEC §2 shows (10s, 30s, 75s, 30s, 30s, 10s), and no drain (SPEC §1: stop at once). */
    public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(75), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ZERO);

    /**
     * Checks the durations.
     *
     * @param header    positive
     * @param body      positive
     * @param keepAlive positive
     * @param send      positive
     * @param cgi       positive
     * @param shutdown  zero or positive
     * @param drain     zero or positive
     * @throws IllegalArgumentException when a duration is out of range
     */
    public Timeouts {
        if (Stream.of(header, body, keepAlive, send, cgi).anyMatch(d -> d.isNegative() || d.isZero())
                || shutdown.isNegative() || drain.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive (shutdown and drain may be zero): " + this);
        }
    }
}
