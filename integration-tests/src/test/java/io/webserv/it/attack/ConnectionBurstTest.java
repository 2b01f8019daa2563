package io.webserv.it.attack;

import io.webserv.it.support.ProcFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of connections: 20,000 opened in ten waves of 2,000 held at once, each wave then dropped
 * (half with a reset, half with an orderly close, a third of them after a partial request). The server
 * must serve a client in the middle of every wave and end with no connection and no descriptor left.
 */
class ConnectionBurstTest {

    @RegisterExtension
    static final AttackedServer SERVER = new AttackedServer();

    private static final int WAVES = 10;
    private static final int PER_WAVE = 2_000;
    private static final byte[] PARTIAL = "GET /a.txt HTTP/1.1\r\nHo".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void twentyThousandConnectionsOpenedAndDropped() throws Exception {
        int descriptors = ProcFs.openFileDescriptors();
        int opened = 0;
        for (int wave = 0; wave < WAVES; wave++) {
            List<Socket> held = new ArrayList<>(PER_WAVE);
            try {
                for (int i = 0; i < PER_WAVE; i++) {
                    Socket socket = new Socket();
                    socket.connect(SERVER.address(), 5_000);
                    held.add(socket);
                    if (i % 3 == 0) {
                        socket.getOutputStream().write(PARTIAL);
                    }
                }
                opened += held.size();
                SERVER.assertAlive();
            } finally {
                drop(held);
            }
        }
        assertThat(opened).isEqualTo(WAVES * PER_WAVE);
        SERVER.assertNoConnectionLeft();
        SERVER.assertDescriptorsBackTo(descriptors);
        SERVER.assertAlive();
    }

    private static void drop(List<Socket> sockets) throws IOException {
        for (int i = 0; i < sockets.size(); i++) {
            Socket socket = sockets.get(i);
            if (i % 2 == 0) {
                socket.setSoLinger(true, 0); // a reset
            }
            socket.close();
        }
    }
}
