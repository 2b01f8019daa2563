package io.webserv.net;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/**
 * How {@link Reactor#bind(java.net.InetSocketAddress, BindOptions, ConnectionHandlerFactory)} sets up a
 * listening socket, before it binds.
 *
 * @param reusePort {@code SO_REUSEPORT}: other sockets that set it too, in this process or another of
 *                  the same user, may bind the same address and port; Linux then spreads new
 *                  connections among them by a hash of each connection's addresses and ports. Binding
 *                  fails where the platform lacks the option.
 */
public record BindOptions(boolean reusePort) {

    /** A plain listening socket: the address is this socket's alone. */
    public static final BindOptions DEFAULTS = new BindOptions(false);

    /** Sets the options on a channel that is not bound yet. */
    void applyTo(ServerSocketChannel channel) throws IOException {
        if (reusePort) {
            if (!channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                throw new IOException("SO_REUSEPORT is not supported on this platform");
            }
            channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        }
    }
}
