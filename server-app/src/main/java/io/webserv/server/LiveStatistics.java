package io.webserv.server;

import io.webserv.handlers.spi.ServerStatistics;
import io.webserv.net.Reactor;
import io.webserv.server.http.ResponseCounters;

import java.time.Instant;

/** The server's counters for its modules: connections from the reactor, responses from the loops. */
final class LiveStatistics implements ServerStatistics {

    private final Instant startedAt = Instant.now();
    private final Reactor reactor;
    private final ResponseCounters responses;

    LiveStatistics(Reactor reactor, ResponseCounters responses) {
        this.reactor = reactor;
        this.responses = responses;
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(startedAt, reactor.openConnections(), reactor.acceptedConnections(), responses.requests(),
                responses.bytesSent(), responses.byStatus());
    }
}
