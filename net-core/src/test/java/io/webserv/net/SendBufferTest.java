package io.webserv.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

class SendBufferTest {

    @Test
    void autoFixesTheBufferForLoopbackPeersOnly() throws Exception {
        assertThat(SendBuffer.AUTO.appliesTo(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(SendBuffer.AUTO.appliesTo(InetAddress.getByName("::1"))).isTrue();
        assertThat(SendBuffer.AUTO.appliesTo(InetAddress.getByName("192.0.2.7"))).isFalse();
        assertThat(SendBuffer.KERNEL.appliesTo(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(SendBuffer.fixed(65536).appliesTo(InetAddress.getByName("192.0.2.7"))).isTrue();
    }

    @Test
    void anAcceptedChannelGetsTheSizeAndKernelLeavesItAlone() throws Exception {
        int untouched = acceptedSendBuffer(SendBuffer.KERNEL);
        int fixed = acceptedSendBuffer(SendBuffer.fixed(300 * 1024));
        // Linux reports twice the size asked for (its bookkeeping overhead); other kernels the size itself.
        assertThat(fixed).isIn(300 * 1024, 600 * 1024);
        assertThat(untouched).isNotIn(300 * 1024, 600 * 1024);
    }

    private static int acceptedSendBuffer(SendBuffer policy) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel client = SocketChannel.open(server.getLocalAddress());
             SocketChannel accepted = server.accept()) {
            policy.applyTo(accepted);
            return accepted.getOption(StandardSocketOptions.SO_SNDBUF);
        }
    }
}
