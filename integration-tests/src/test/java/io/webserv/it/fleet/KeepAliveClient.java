package io.webserv.it.fleet;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One persistent HTTP/1.1 connection that sends GET requests one after the other and reads their
 * responses through a buffer (the load sends thousands). It never retries: a request either gets a
 * whole response or ends in a failure {@link Outcome}, and after a failure the connection is dead.
 */
final class KeepAliveClient implements AutoCloseable {

    /** A whole response: its status, its body, and whether the server closes the connection after it. */
    record Response(int status, String body, boolean closes) {
    }

    /** A request that did not get a whole response, and why. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Outcome outcome;

        Failure(Outcome outcome, IOException cause) {
            super(outcome + ": " + cause.getMessage(), cause);
            this.outcome = outcome;
        }

        Outcome outcome() {
            return outcome;
        }
    }

    private static final int MAX_LINE = 8 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private KeepAliveClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code address}; reads give up after {@code readTimeoutMillis}. */
    static KeepAliveClient connect(InetSocketAddress address, int readTimeoutMillis) throws Failure {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, readTimeoutMillis);
            socket.setSoTimeout(readTimeoutMillis);
            return new KeepAliveClient(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new Failure(Outcome.CONNECT_FAILED, e);
        }
    }

    /** Sends {@code GET target} and reads its response. */
    Response get(String target, String host) throws Failure {
        try {
            String request = "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new Failure(isReset(e) ? Outcome.RESET : Outcome.WRITE_FAILED, e);
        }
        boolean started = false;
        try {
            int first = in.read();
            if (first < 0) {
                throw new EOFException("connection closed before a response");
            }
            started = true;
            return readResponse((char) first + line());
        } catch (SocketTimeoutException e) {
            throw new Failure(Outcome.TIMEOUT, e);
        } catch (ProtocolException e) {
            throw new Failure(Outcome.MALFORMED, e);
        } catch (EOFException e) {
            throw new Failure(started ? Outcome.CLOSED_MID_RESPONSE : Outcome.CLOSED_BEFORE_RESPONSE, e);
        } catch (IOException e) {
            throw new Failure(isReset(e) ? Outcome.RESET : Outcome.IO_ERROR, e);
        }
    }

    private Response readResponse(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
            throw new ProtocolException("not a status line: " + statusLine);
        }
        long length = -1;
        boolean closes = parts[0].equals("HTTP/1.0");
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("not a header field: " + header);
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = contentLength(value);
                case "connection" -> closes = value.contains("close");
                case "transfer-encoding" -> throw new ProtocolException("a body in transfer coding " + value);
                default -> {
                    // not needed to read the response
                }
            }
        }
        byte[] body = length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
        if (length >= 0 && body.length < length) {
            throw new EOFException("connection closed after " + body.length + " of " + length + " body bytes");
        }
        return new Response(Integer.parseInt(parts[1]), new String(body, StandardCharsets.UTF_8), closes || length < 0);
    }

    private static long contentLength(String value) throws ProtocolException {
        if (!value.matches("\\d{1,9}")) {
            throw new ProtocolException("Content-Length: " + value);
        }
        return Long.parseLong(value);
    }

    /** A line without its CRLF; the end of the stream in it is an {@link EOFException}. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed mid-line");
            }
            if (line.size() == MAX_LINE) {
                throw new ProtocolException("a line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static boolean isReset(IOException e) {
        return e instanceof SocketException
                && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("reset");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do: it is being dropped
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }
}
