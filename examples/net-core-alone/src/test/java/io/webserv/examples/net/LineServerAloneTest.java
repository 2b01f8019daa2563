package io.webserv.examples.net;

import io.webserv.net.NetOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The example server on an ephemeral port, spoken to over real sockets. Every read has a timeout. */
class LineServerAloneTest {

    /** What {@link Client#expect} reads when the server has closed the connection. */
    private static final String END_OF_STREAM = null;
    private static final Duration IDLE = Duration.ofSeconds(30);

    private LineServerAlone server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private InetSocketAddress start(Duration idleTimeout) throws IOException {
        server = LineServerAlone.start(new InetSocketAddress("127.0.0.1", 0), NetOptions.defaults().withWorkers(2), idleTimeout);
        return server.address();
    }

    @Test
    void setThenGetOnOneConnection() throws IOException {
        try (Client client = new Client(start(IDLE))) {
            client.send("SET greeting hello there\n").expect("OK");
            client.send("GET greeting\r\n").expect("VALUE hello there");
            client.send("GET nothing\n").expect("NOT_FOUND");
        }
    }

    @Test
    void connectionsOnDifferentLoopsShareTheStore() throws IOException {
        InetSocketAddress address = start(IDLE);
        try (Client first = new Client(address); Client second = new Client(address)) {
            first.send("SET k v1\n").expect("OK");
            second.send("GET k\n").expect("VALUE v1");
        }
    }

    @Test
    void linesMaySpanWritesAndOneWriteMayHoldSeveralLines() throws IOException {
        try (Client client = new Client(start(IDLE))) {
            client.send("SET a 1\nSET b 2\nGE").expect("OK", "OK");
            client.send("T b\n").expect("VALUE 2");
        }
    }

    @Test
    void answersAnUnknownCommandAndGoesOn() throws IOException {
        try (Client client = new Client(start(IDLE))) {
            client.send("DANCE\nSET x\nget x\n").expect("ERROR unknown command", "ERROR unknown command", "NOT_FOUND");
        }
    }

    @Test
    void quitSaysByeAndCloses() throws IOException {
        try (Client client = new Client(start(IDLE))) {
            client.send("QUIT\nGET ignored\n").expect("BYE", END_OF_STREAM);
        }
    }

    @Test
    void refusesALineTooLongEvenBeforeItEnds() throws IOException {
        try (Client client = new Client(start(IDLE))) {
            client.send("SET k " + "x".repeat(LineServerAlone.MAX_LINE_BYTES)) // no line end yet
                    .expect("ERROR line too long", END_OF_STREAM);
        }
    }

    @Test
    void acceptsALineOfExactlyTheLimitWithCrlf() throws IOException {
        try (Client client = new Client(start(IDLE))) {
            String value = "x".repeat(LineServerAlone.MAX_LINE_BYTES - "SET k ".length());
            client.send("SET k " + value + "\r\nGET k\n").expect("OK", "VALUE " + value);
        }
    }

    @Test
    void closesAnIdleConnection() throws IOException {
        try (Client client = new Client(start(Duration.ofMillis(200)))) {
            client.expect("BYE idle", END_OF_STREAM);
        }
    }

    @Test
    void commandLineBindsTheGivenPort() throws IOException {
        server = LineServerAlone.run("0");
        assertThat(server.address().getPort()).isPositive();
        try (Client client = new Client(server.address())) {
            client.send("GET k\n").expect("NOT_FOUND");
        }
    }

    @Test
    void commandLineWantsOnePort() {
        assertThatThrownBy(() -> LineServerAlone.run()).hasMessageContaining("usage");
        assertThatThrownBy(() -> LineServerAlone.run("http")).hasMessageContaining("usage");
        assertThatThrownBy(() -> LineServerAlone.run("70000")).hasMessageContaining("usage");
    }

    /** A blocking client whose every read gives up after 5 s, so that a broken server fails the test. */
    private static final class Client implements AutoCloseable {

        private final Socket socket = new Socket();
        private final BufferedReader in;
        private final OutputStream out;

        Client(InetSocketAddress address) throws IOException {
            socket.connect(address, 5_000);
            socket.setSoTimeout(5_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        Client send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        }

        /**
         * Reads one line per expected answer and compares ({@link #END_OF_STREAM} for a closed
         * connection). A server that stays silent fails the test with a SocketTimeoutException after 5 s.
         */
        void expect(String... lines) throws IOException {
            for (String line : lines) {
                assertThat(in.readLine()).isEqualTo(line);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
