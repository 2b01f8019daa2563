package io.webserv.net;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link BindOptions#reusePort()}: two reactors on one port, as two processes would be. */
class BindOptionsTest {

    @Test
    void twoReactorsWithReusePortShareOnePortAndBothServe() throws Exception {
        AtomicInteger firstServed = new AtomicInteger();
        AtomicInteger secondServed = new AtomicInteger();
        try (Reactor first = new Reactor(NetOptions.defaults()); Reactor second = new Reactor(NetOptions.defaults())) {
            BindOptions reuse = new BindOptions(true);
            InetSocketAddress address = first.bind(new InetSocketAddress("127.0.0.1", 0), reuse, endpoint -> {
                firstServed.incrementAndGet();
                return new LineEchoProtocol(endpoint);
            });
            assertThat(second.bind(address, reuse, endpoint -> {
                secondServed.incrementAndGet();
                return new LineEchoProtocol(endpoint);
            })).isEqualTo(address);
            first.start();
            second.start();

            for (int i = 0; i < 100; i++) { // the kernel picks a socket per connection, by a hash of its ports
                try (TestClient client = new TestClient(address)) {
                    client.send("hello " + i + "\n");
                    assertThat(client.readLine()).isEqualTo("echo: hello " + i);
                }
            }
            assertThat(firstServed.get() + secondServed.get()).isEqualTo(100);
            assertThat(firstServed.get()).as("connections the first reactor served").isPositive();
            assertThat(secondServed.get()).as("connections the second reactor served").isPositive();
        }
    }

    @Test
    void withoutReusePortTheSecondBindFails() throws Exception {
        try (Reactor first = new Reactor(NetOptions.defaults()); Reactor second = new Reactor(NetOptions.defaults())) {
            InetSocketAddress address = first.bind(new InetSocketAddress("127.0.0.1", 0), new BindOptions(true),
                    LineEchoProtocol::new);
            assertThatThrownBy(() -> second.bind(address, BindOptions.DEFAULTS, LineEchoProtocol::new))
                    .isInstanceOf(IOException.class).hasMessageContaining(address.toString());
        }
    }
}
