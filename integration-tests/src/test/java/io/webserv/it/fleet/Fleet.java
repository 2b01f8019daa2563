package io.webserv.it.fleet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * HAProxy on loopback in front of two webserv processes ({@code web1}, {@code web2}), as
 * docs/deployment.md draws a fleet, started and checked healthy. {@link #close()} stops them all.
 */
final class Fleet implements AutoCloseable {

    /** HAProxy's first checks: rise × inter, and time for a loaded machine. */
    private static final Duration HEALTHY = Duration.ofSeconds(10);

    private final List<WebservNode> nodes;
    private final HaProxy haproxy;

    private Fleet(List<WebservNode> nodes, HaProxy haproxy) {
        this.nodes = nodes;
        this.haproxy = haproxy;
    }

    /** Starts both processes (at the same time), then HAProxy, and waits until HAProxy sees both up. */
    static Fleet start(Path dir) throws IOException, InterruptedException {
        List<WebservNode> nodes = new ArrayList<>();
        HaProxy haproxy = null;
        try {
            for (String name : HaProxy.SERVERS) {
                nodes.add(WebservNode.start(dir, name));
            }
            for (WebservNode node : nodes) {
                node.awaitListening();
            }
            haproxy = HaProxy.start(dir, nodes.stream().map(WebservNode::address).toList());
            for (String name : HaProxy.SERVERS) {
                if (!haproxy.awaitStatus(name, "UP", HEALTHY)) {
                    throw new IllegalStateException("HAProxy does not see " + name + " up:\n" + haproxy.logTail(40));
                }
            }
            return new Fleet(nodes, haproxy);
        } catch (IOException | InterruptedException | RuntimeException e) {
            new Fleet(nodes, haproxy).close();
            throw e;
        }
    }

    WebservNode node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    HaProxy haproxy() {
        return haproxy;
    }

    /** Each server as HAProxy sees it now, one per line. */
    String haproxyView() throws InterruptedException {
        try {
            return haproxy.servers().stream().map(ServerState::describe).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(HAProxy's statistics unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (haproxy != null) {
            haproxy.close();
        }
        for (WebservNode node : nodes) {
            node.close();
        }
    }
}
