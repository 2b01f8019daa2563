package io.webserv.config.internal;

import io.webserv.config.model.ListenAddress;
import io.webserv.config.model.ListenOptions;
import io.webserv.config.model.SharedSockets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Servers that share a socket ({@link SharedSockets}: virtual hosts on one address, every address of a
 * port that some server listens on whole) get one socket with one set of {@link ListenOptions}, so they
 * must write the same ones: a server cannot have PROXY protocol on a socket its neighbour does not.
 * Collected while the servers are bound, checked once all are.
 */
final class ListenAgreement {

    private record Written(ListenAddress address, ListenOptions options, Location at) {
    }

    private final List<Written> written = new ArrayList<>();

    void add(ListenAddress address, ListenOptions options, Location at) {
        written.add(new Written(address, options, at));
    }

    /** Reports each address whose options differ from the first written for its socket, naming both places. */
    void check(Problems problems) {
        SharedSockets sockets = SharedSockets.of(written.stream().map(Written::address).toList());
        Map<ListenAddress, Written> first = new HashMap<>();
        for (Written w : written) {
            ListenAddress socket = sockets.socketOf(w.address());
            Written earlier = first.putIfAbsent(socket, w);
            if (earlier != null && !earlier.options().equals(w.options())) {
                problems.at(w.at(), "listen " + w.address() + " (" + w.options() + ") shares the socket " + socket
                        + " with listen " + earlier.address() + " at " + earlier.at() + " (" + earlier.options()
                        + "): servers on one socket must set the same reuse_port and proxy_protocol");
            }
        }
    }
}
