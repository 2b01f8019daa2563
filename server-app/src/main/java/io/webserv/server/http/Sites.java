package io.webserv.server.http;

import io.webserv.handlers.errors.ErrorPages;
import io.webserv.handlers.routing.VirtualHosts;

/**
 * What one listening socket serves under one configuration: its servers and routes, and the error
 * pages (whose content types come from that configuration's {@code mime_types}). A request keeps the
 * {@code Sites} it started with to its end, local redirects included, whatever a reload puts in the
 * socket's {@link SiteTable} meanwhile.
 *
 * @param hosts      the servers reachable through the socket, and their route handlers
 * @param errorPages the configured error pages, with the built-in ones as fallback
 */
public record Sites(VirtualHosts hosts, ErrorPages errorPages) {
}
