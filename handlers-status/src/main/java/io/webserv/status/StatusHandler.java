package io.webserv.status;

import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.api.Response;
import io.webserv.handlers.spi.ServerStatistics;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.syntax.AddressRange;

import java.time.Clock;
import java.util.List;

/**
 * Answers with the server's counters, as text, or as JSON for {@code ?format=json}; 403 for a client
 * outside the allow-list. Never cached: each request reads the counters afresh.
 */
final class StatusHandler implements Handler {

    private final ServerStatistics statistics;
    private final List<AddressRange> allowed;
    private final Clock clock;

    StatusHandler(ServerStatistics statistics, List<AddressRange> allowed, Clock clock) {
        this.statistics = statistics;
        this.allowed = List.copyOf(allowed);
        this.clock = clock;
    }

    @Override
    public void handle(Exchange exchange) {
        if (allowed.stream().noneMatch(range -> range.contains(exchange.remoteAddress().getAddress()))) {
            exchange.respondError(HttpStatus.FORBIDDEN);
            return;
        }
        ServerStatistics.Snapshot snapshot = statistics.snapshot();
        boolean json = "json".equals(exchange.request().target().queryParameters().first("format"));
        Response response = json
                ? Response.text(HttpStatus.OK, "application/json", StatusPage.json(snapshot, clock.instant()))
                : Response.text(HttpStatus.OK, "text/plain; charset=utf-8", StatusPage.text(snapshot, clock.instant()));
        response.headers().add("Cache-Control", "no-store");
        exchange.respond(response);
    }
}
