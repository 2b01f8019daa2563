package io.webserv.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A blocking socket client for tests; every read gives up after 5 s so that no test hangs. */
final class TestClient implements AutoCloseable {

    final Socket socket;
    final BufferedReader reader;
    final OutputStream out;

    TestClient(InetSocketAddress address) throws IOException {
        this(connect(address));
    }

    /** Wraps a socket connected already. */
    TestClient(Socket connected) throws IOException {
        socket = connected;
        socket.setSoTimeout(5_000);
        reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    private static Socket connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5_000);
        return socket;
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    String readLine() throws IOException {
        return reader.readLine();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
