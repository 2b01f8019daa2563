package io.webserv.handlers.routing;

import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.http.message.HostAndPort;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.RequestHead;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The servers reachable through one listening socket, and their routes.
 *
 * <p>A request goes to the first server whose {@code server_names} holds its host (case-insensitive,
 * port ignored), else to the first server listed for that address (SPEC §2). Within the server, the
 * longest route path that matches on a segment boundary wins: {@code /kapouet} takes {@code /kapouet}
 * and {@code /kapouet/x}, never {@code /kapouetx}. Handler chains are built once, here.
 */
public final class VirtualHosts {

    /** A server, the local addresses it accepts (null: any), and its routes longest first. */
    private record Site(ServerConfig server, Set<InetAddress> localAddresses, List<Routed> routesLongestFirst, Routed notFound) {
    }

    private final List<Site> sites = new ArrayList<>();

    /**
     * @param servers in configuration order; the first is the default
     * @param localAddresses for each server, the local addresses it listens on through this socket (null
     *                       for every one: the usual case); a wildcard socket shared with servers bound to
     *                       one address uses it
     * @param handlers       builds each route's handler chain, once, here
     * @throws IllegalArgumentException when {@code servers} is empty
     */
    public VirtualHosts(List<ServerConfig> servers, List<Set<InetAddress>> localAddresses, RouteHandlerFactory handlers) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a listening socket without servers");
        }
        for (int i = 0; i < servers.size(); i++) {
            ServerConfig server = servers.get(i);
            List<Routed> routes = new ArrayList<>();
            for (RouteConfig route : server.routes()) {
                routes.add(new Routed(server, route, handlers.create(server, route)));
            }
            routes.sort(Comparator.comparingInt((Routed r) -> r.route().path().length()).reversed());
            RouteConfig fallback = routes.isEmpty() ? null : routes.get(routes.size() - 1).route();
            Routed notFound = new Routed(server, fallback, exchange -> exchange.respondError(HttpStatus.NOT_FOUND));
            sites.add(new Site(server, localAddresses == null ? null : localAddresses.get(i), List.copyOf(routes), notFound));
        }
    }

    /**
     * Picks the server by local address and Host, then its longest matching route.
     *
     * @param local   the local address the request came in on
     * @param request the parsed request head: its host and normalised path count
     * @return the server, route and handler chain; never null: when no route matches, a handler that
     *     answers 404 with the server's error pages
     */
    public Routed route(InetSocketAddress local, RequestHead request) {
        Site site = siteFor(local, request.host());
        String path = request.target().path();
        for (Routed routed : site.routesLongestFirst) {
            if (matches(routed.route().path(), path)) {
                return routed;
            }
        }
        return site.notFound;
    }

    private Site siteFor(InetSocketAddress local, HostAndPort host) {
        // "example.com." is the same name, fully qualified (nginx drops the dot too).
        String name = host == null ? null : host.host().endsWith(".") ? host.host().substring(0, host.host().length() - 1) : host.host();
        Site fallback = null;
        for (Site site : sites) {
            if (site.localAddresses != null && !site.localAddresses.contains(local.getAddress())) {
                continue;
            }
            if (fallback == null) {
                fallback = site;
            }
            if (name != null && isNamed(site, name)) {
                return site;
            }
        }
        return fallback != null ? fallback : sites.get(0);
    }

    /** A loop, not a stream: this runs for every request (a stream cost ~250 bytes of garbage each). */
    private static boolean isNamed(Site site, String name) {
        for (String serverName : site.server.serverNames()) {
            if (serverName.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Matches a route path as a prefix on segment boundaries.
     *
     * @param routePath the route's {@code path}, e.g. {@code /kapouet}
     * @param path      the normalised request path; {@code "*"} (OPTIONS *) belongs to the route {@code /}
     * @return whether the route serves the path: {@code /kapouet} serves {@code /kapouet} and
     *     {@code /kapouet/x}, never {@code /kapouetx}
     */
    public static boolean matches(String routePath, String path) {
        if (routePath.equals("/")) {
            return true;
        }
        return path.startsWith(routePath) && (path.length() == routePath.length() || path.charAt(routePath.length()) == '/');
    }
}
