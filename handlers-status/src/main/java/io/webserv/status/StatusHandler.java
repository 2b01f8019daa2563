package io.webserv.status;

import io.webserv.handlers.api.Exchange;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.api.Response;
import io.webserv.handlers.spi.ServerStatistics;
import io.webserv.handlers.spi.ServerStatistics.Snapshot;
import io.webserv.http.message.HttpStatus;

import java.time.Clock;
import java.time.Instant;

/**
 * The status route's views, for the clients of the allow-list (403 for others, on every view):
 *
 * <pre>
 *   {route}                 the dashboard (HTML)
 *   {route}?format=json     the JSON view the dashboard polls
 *   {route}?format=text     one counter per line
 *   {route}/metrics         Prometheus' text format
 * </pre>
 *
 * Any other path under the route is 404. Never cached: each request reads the counters afresh.
 */
final class StatusHandler implements Handler {

    static final String METRICS = "/metrics";

    private final ServerStatistics statistics;
    private final AllowList allowed;
    private final Clock clock;
    /** True for {@code handler: metrics}: every path of the route is the Prometheus view. */
    private final boolean metricsOnly;

    StatusHandler(ServerStatistics statistics, AllowList allowed, Clock clock, boolean metricsOnly) {
        this.statistics = statistics;
        this.allowed = allowed;
        this.clock = clock;
        this.metricsOnly = metricsOnly;
    }

    @Override
    public void handle(Exchange exchange) {
        if (!allowed.allows(exchange.remoteAddress().getAddress())) {
            exchange.respondError(HttpStatus.FORBIDDEN);
            return;
        }
        String view = metricsOnly ? METRICS : subPath(exchange);
        String format = exchange.request().target().queryParameters().first("format");
        Snapshot snapshot = statistics.snapshot();
        Instant now = clock.instant();
        Response response;
        if (view.equals(METRICS)) {
            response = Response.text(HttpStatus.OK, PrometheusText.CONTENT_TYPE, PrometheusText.of(snapshot, JvmMetrics.now()));
        } else if (!view.isEmpty() && !view.equals("/")) {
            exchange.respondError(HttpStatus.NOT_FOUND);
            return;
        } else if ("json".equals(format)) {
            response = Response.text(HttpStatus.OK, "application/json", StatusPage.json(snapshot, JvmMetrics.now(), now));
        } else if ("text".equals(format)) {
            response = Response.text(HttpStatus.OK, "text/plain; charset=utf-8", StatusPage.text(snapshot, now));
        } else {
            response = Response.text(HttpStatus.OK, "text/html; charset=utf-8", Dashboard.html(snapshot, JvmMetrics.now(), now));
        }
        response.headers().add("Cache-Control", "no-store");
        exchange.respond(response);
    }

    /** The request's path below the route's ({@code ""} for the route itself). */
    private static String subPath(Exchange exchange) {
        String path = exchange.request().target().path();
        String route = exchange.route().path();
        if (route.equals("/")) {
            return path;
        }
        return path.length() > route.length() ? path.substring(route.length()) : "";
    }
}
