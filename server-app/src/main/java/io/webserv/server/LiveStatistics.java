package io.webserv.server;

import io.webserv.cgi.CgiCounts;
import io.webserv.cgi.CgiHandler;
import io.webserv.handlers.spi.ServerStatistics;
import io.webserv.net.Reactor;
import io.webserv.server.http.HttpMetrics;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The server's counters for its modules, summed when asked: connections and bytes from the reactor's
 * loops, requests from the HTTP layer's loops, processes from the CGI handler.
 */
final class LiveStatistics implements ServerStatistics {

    private final Instant startedAt = Instant.now();
    private final Reactor reactor;
    private final HttpMetrics http;
    private final CgiHandler cgi;

    LiveStatistics(Reactor reactor, HttpMetrics http, CgiHandler cgi) {
        this.reactor = reactor;
        this.http = http;
        this.cgi = cgi;
    }

    @Override
    public Snapshot snapshot() {
        CgiCounts processes = cgi.counts();
        Map<String, Long> timeouts = new HashMap<>(http.timeouts());
        timeouts.put("cgi", processes.timeouts());
        return new Snapshot(startedAt,
                new Connections(reactor.openConnections(), reactor.acceptedConnections(), reactor.rejectedConnections()),
                new Traffic(reactor.bytesRead(), reactor.bytesWritten(), http.responseBodyBytes()),
                new Requests(http.requestsByMethodAndClass(), http.responsesByStatus()),
                http.duration(), timeouts, http.parseErrorsByStatus(),
                new Cgi(processes.running(), processes.spawned(), processes.killed()));
    }
}
