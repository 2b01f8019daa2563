package io.webserv.examples.net;

import io.webserv.net.ConnectionHandler;
import io.webserv.net.Endpoint;
import io.webserv.net.NetOptions;
import io.webserv.net.Reactor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny key-value store spoken line by line, served by webserv's reactor ({@code net-core}) alone: no
 * HTTP, no other webserv module. It shows everything a protocol on net-core needs: a factory that creates
 * one handler per connection, {@code onRead} that consumes whole lines and leaves a partial one for
 * later, writes, a bound on what a client may make us buffer, an idle deadline, and a close that first
 * sends what is queued.
 *
 * <pre>
 *   SET key value   →  OK              (the value is the rest of the line, spaces included)
 *   GET key         →  VALUE value  or  NOT_FOUND
 *   QUIT            →  BYE, then the server closes the connection
 *   anything else   →  ERROR unknown command
 * </pre>
 *
 * Lines end with LF or CRLF. A line longer than {@value #MAX_LINE_BYTES} bytes gets
 * {@code ERROR line too long} and the connection is closed; so does a connection idle for the idle
 * timeout (with {@code BYE idle}).
 *
 * <p>Run it: {@code java -jar examples/net-core-alone/target/net-core-alone.jar 7000}, then
 * {@code printf 'SET a 1\nGET a\nQUIT\n' | nc 127.0.0.1 7000}.
 */
public final class LineServerAlone implements AutoCloseable {

    /** The longest line accepted, without its line end. Must stay below the reactor's read buffer size. */
    public static final int MAX_LINE_BYTES = 1024;

    /** How long a connection may stay silent before it is closed, unless {@link #start} is told otherwise. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    /** The data, shared by every connection. Connections run on several event loops: hence concurrent. */
    private final Map<String, String> store = new ConcurrentHashMap<>();
    private final long idleNanos;
    private final Reactor reactor;
    private final InetSocketAddress address;

    private LineServerAlone(InetSocketAddress address, NetOptions options, Duration idleTimeout) throws IOException {
        if (options.bufferSize() < MAX_LINE_BYTES + 2) {
            // A partial line stays in the read buffer until its end arrives; a full buffer stops reading.
            throw new IllegalArgumentException("the read buffer must hold a whole line: " + options.bufferSize());
        }
        this.idleNanos = idleTimeout.toNanos();
        this.reactor = new Reactor(options);
        try {
            // The factory runs on the event loop of each accepted connection: one Session per connection.
            this.address = reactor.bind(address, Session::new);
        } catch (IOException | RuntimeException e) {
            reactor.close();
            throw e;
        }
        reactor.start();
    }

    /**
     * Starts serving.
     *
     * @param address     where to listen; port 0 picks a free one (see {@link #address()})
     * @param options     the reactor's options: number of event loops, buffer size, limits
     * @param idleTimeout how long a connection may stay silent
     * @return the running server; {@link #close()} stops it
     * @throws IOException when the address cannot be bound
     */
    public static LineServerAlone start(InetSocketAddress address, NetOptions options, Duration idleTimeout)
            throws IOException {
        return new LineServerAlone(address, options, idleTimeout);
    }

    /**
     * Starts the server as the command line asks: {@code LineServerAlone <port>}, on 127.0.0.1 with two
     * event loops.
     *
     * @param args one argument, the port (0 for any free one)
     * @return the running server
     * @throws IllegalArgumentException when the arguments are not one port number
     * @throws IOException when the port cannot be bound
     */
    public static LineServerAlone run(String... args) throws IOException {
        int port;
        try {
            port = args.length == 1 ? Integer.parseInt(args[0]) : -1;
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("usage: LineServerAlone <port>");
        }
        return start(new InetSocketAddress("127.0.0.1", port), NetOptions.defaults().withWorkers(2), DEFAULT_IDLE_TIMEOUT);
    }

    public static void main(String[] args) throws IOException {
        LineServerAlone server;
        try {
            server = run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // The event loop threads keep the JVM alive after main returns; Ctrl-C closes them.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("key-value server on " + server.address() + " (SET key value, GET key, QUIT)");
    }

    /** {@return the address actually bound, with the port chosen when 0 was asked for} */
    public InetSocketAddress address() {
        return address;
    }

    /** Stops the event loops, closing every connection. */
    @Override
    public void close() {
        reactor.close();
    }

    /** The command a line carries, and its answer. Runs on an event loop: it must never block. */
    private String execute(String line) {
        String[] words = line.split(" ", 3);
        String command = words[0].toUpperCase(Locale.ROOT);
        if (command.equals("SET") && words.length == 3) {
            store.put(words[1], words[2]);
            return "OK";
        }
        if (command.equals("GET") && words.length == 2) {
            String value = store.get(words[1]);
            return value == null ? "NOT_FOUND" : "VALUE " + value;
        }
        return "ERROR unknown command";
    }

    /**
     * The protocol state of one connection. The reactor calls it on the connection's event loop thread
     * only, never two calls at once, so it needs no locks of its own.
     */
    private final class Session implements ConnectionHandler {

        private final Endpoint endpoint;

        Session(Endpoint endpoint) {
            this.endpoint = endpoint;
            endpoint.setDeadline(idleNanos); // a client that connects and says nothing is closed too
        }

        @Override
        public void onRead(ByteBuffer in) {
            // `in` holds what was read, after whatever this method left unconsumed last time.
            while (endpoint.isOpen()) {
                int newline = indexOf(in, (byte) '\n');
                if (newline < 0) {
                    if (in.remaining() > MAX_LINE_BYTES + 1) { // + 1: room for the CR of a CRLF
                        // Never wait for the end of a line that can only be refused: a client must not be
                        // able to make us hold unbounded input.
                        refuse("ERROR line too long", in);
                    }
                    break; // a partial line: leave it in `in`; the reactor hands it back with the next bytes
                }
                int end = newline > in.position() && in.get(newline - 1) == '\r' ? newline - 1 : newline;
                if (end - in.position() > MAX_LINE_BYTES) {
                    refuse("ERROR line too long", in);
                    break;
                }
                byte[] line = new byte[end - in.position()];
                in.get(line);
                in.position(newline + 1); // consume the line end too
                String text = new String(line, StandardCharsets.UTF_8);
                if (text.equalsIgnoreCase("QUIT")) {
                    refuse("BYE", in);
                    break;
                }
                // Writes are queued and sent without blocking. A client that sends commands without
                // reading the answers makes the queue grow: above NetOptions.writeHighWatermark the
                // reactor stops reading from it until the queue drains.
                reply(execute(text));
            }
            if (endpoint.isOpen()) {
                endpoint.setDeadline(idleNanos); // any byte pushes the idle deadline back
            }
        }

        @Override
        public void onTimeout() {
            reply("BYE idle");
            endpoint.closeAfterFlush();
        }

        /** Answers, drops the rest of the input, and closes once the answer is sent. */
        private void refuse(String answer, ByteBuffer in) {
            reply(answer);
            in.position(in.limit());
            endpoint.closeAfterFlush(); // sends what is queued first; isOpen() is false from now on
        }

        private void reply(String answer) {
            // The endpoint owns the buffer from now on: a new one per write.
            endpoint.write(ByteBuffer.wrap((answer + "\n").getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The index of {@code b} between {@code in}'s position and limit, or -1. Does not move the position. */
    private static int indexOf(ByteBuffer in, byte b) {
        for (int i = in.position(); i < in.limit(); i++) {
            if (in.get(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
