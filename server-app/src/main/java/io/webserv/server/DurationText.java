package io.webserv.server;

import java.time.Duration;

/** A duration as the configuration file writes it, for log lines: {@code 10s}, {@code 1500ms}. */
final class DurationText {

    private DurationText() {
    }

    static String of(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
