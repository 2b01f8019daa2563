package io.webserv.status;

import io.webserv.handlers.spi.ServerStatistics.Snapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusPageTest {

    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final Snapshot SNAPSHOT = new Snapshot(START, 3, 1200, 5321, 987654, Map.of(404, 21L, 200, 5300L));

    @Test
    void textHasOneCounterPerLineStatusesInOrder() {
        assertThat(StatusPage.text(SNAPSHOT, START.plusSeconds(90))).isEqualTo("""
                uptime_seconds: 90
                connections_open: 3
                connections_accepted: 1200
                requests: 5321
                bytes_sent: 987654
                responses_200: 5300
                responses_404: 21
                """);
    }

    @Test
    void jsonIsOneObject() {
        assertThat(StatusPage.json(SNAPSHOT, START.plusSeconds(90))).isEqualTo(
                "{\"uptime_seconds\":90,\"connections\":{\"open\":3,\"accepted\":1200},\"requests\":5321,"
                        + "\"bytes_sent\":987654,\"responses\":{\"200\":5300,\"404\":21}}\n");
    }
}
