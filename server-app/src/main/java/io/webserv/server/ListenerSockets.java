package io.webserv.server;

import io.webserv.config.model.ListenOptions;
import io.webserv.net.BindOptions;
import io.webserv.net.ConnectionHandlerFactory;
import io.webserv.net.Reactor;
import io.webserv.server.http.SiteTable;
import io.webserv.server.http.Sites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The listening sockets of a server and what each one serves, brought in line with a configuration at
 * start-up and on every reload by {@link #switchTo}: a socket whose address stays keeps its channel
 * (no moment without a listener) and gets the new {@link Sites} in its {@link SiteTable}; a new address
 * is bound; a dropped one is closed, its connections going on. Port 0 (tests, in code only) is a new
 * socket every time: the port it got cannot be asked for again.
 */
final class ListenerSockets {

    private static final Logger log = LoggerFactory.getLogger(ListenerSockets.class);

    /**
     * A socket a configuration asks for.
     *
     * @param address     where to bind, as {@link ListenPlan} resolved it
     * @param options     {@code reuse_port} and {@code proxy_protocol}
     * @param sites       what it serves under this configuration
     * @param serverNames the names of its servers, for the start-up lines
     */
    record Planned(InetSocketAddress address, ListenOptions options, Sites sites, List<String> serverNames) {
    }

    /**
     * What {@link #switchTo} did to the listeners.
     *
     * @param added   addresses bound now
     * @param removed addresses closed now
     */
    record Changes(List<InetSocketAddress> added, List<InetSocketAddress> removed) {
    }

    /** A socket bound for {@code planned}, at {@code address} (its real port), serving what {@code table} holds. */
    private record Bound(InetSocketAddress planned, ListenOptions options, InetSocketAddress address, SiteTable table,
                         List<String> serverNames) {
    }

    private final Reactor reactor;
    private final BiFunction<SiteTable, ListenOptions, ConnectionHandlerFactory> protocol;
    /** Replaced whole by {@link #switchTo} (one thread at a time); read by any thread. */
    private volatile List<Bound> bound = List.of();

    /** @param protocol the handler factory of a socket, given the table its connections read and its options */
    ListenerSockets(Reactor reactor, BiFunction<SiteTable, ListenOptions, ConnectionHandlerFactory> protocol) {
        this.reactor = reactor;
        this.protocol = protocol;
    }

    /**
     * Makes the sockets those of {@code planned}, in its order. Binds the new addresses first: when one
     * fails, the ones bound for this call are closed again and nothing else has changed. Only then does
     * every kept socket switch to its new sites and are the dropped sockets closed. Callers take turns.
     *
     * @throws IOException when a new address cannot be bound; the message names it
     */
    Changes switchTo(List<Planned> planned) throws IOException {
        List<Bound> unmatched = new ArrayList<>(bound);
        List<Bound> next = new ArrayList<>();
        List<Bound> opened = new ArrayList<>();
        List<Sites> keptSites = new ArrayList<>();
        try {
            for (Planned socket : planned) {
                Bound kept = takeMatching(unmatched, socket.address());
                if (kept != null) {
                    if (!kept.options().equals(socket.options())) {
                        // The socket is kept so that accepting never stops; its options are the socket's own.
                        log.warn("the listen options of {} changed ({} -> {}) but need a restart: keeping {}",
                                show(kept.address()), kept.options(), socket.options(), kept.options());
                    }
                    next.add(new Bound(kept.planned(), kept.options(), kept.address(), kept.table(), socket.serverNames()));
                    keptSites.add(socket.sites());
                } else {
                    SiteTable table = new SiteTable(socket.sites());
                    InetSocketAddress address = reactor.bind(socket.address(), new BindOptions(socket.options().reusePort()),
                            protocol.apply(table, socket.options()));
                    Bound fresh = new Bound(socket.address(), socket.options(), address, table, socket.serverNames());
                    opened.add(fresh);
                    next.add(fresh);
                    keptSites.add(null);
                }
            }
        } catch (IOException | RuntimeException e) {
            opened.forEach(this::close);
            throw e;
        }
        for (int i = 0; i < next.size(); i++) {
            if (keptSites.get(i) != null) {
                next.get(i).table().replace(keptSites.get(i));
            }
        }
        unmatched.forEach(this::close);
        bound = List.copyOf(next);
        return new Changes(opened.stream().map(Bound::address).toList(), unmatched.stream().map(Bound::address).toList());
    }

    /** The sockets serving now, in configuration order. */
    List<WebServer.Listener> listeners() {
        return bound.stream().map(b -> new WebServer.Listener(b.address(), b.serverNames())).toList();
    }

    /** {@code host:port} of a bound address, an IPv6 host in brackets without its scope. */
    static String show(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host.replaceFirst("%.*$", "") + "]";
        }
        return host + ":" + address.getPort();
    }

    private static Bound takeMatching(List<Bound> candidates, InetSocketAddress planned) {
        if (planned.getPort() == 0) {
            return null;
        }
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).planned().equals(planned)) {
                return candidates.remove(i);
            }
        }
        return null;
    }

    private void close(Bound socket) {
        try {
            reactor.unbind(socket.address());
        } catch (IOException e) {
            log.warn("could not close the listener on {}: {}", show(socket.address()), e.toString());
        }
    }
}
