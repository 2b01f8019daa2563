package io.webserv.examples.codec;

import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.HttpVersion;
import io.webserv.http.message.RequestHead;
import io.webserv.http.parse.ParseError;
import io.webserv.http.parse.ParseResult;
import io.webserv.http.parse.ParserLimits;
import io.webserv.http.parse.RequestParser;
import io.webserv.http.syntax.DateHeader;
import io.webserv.http.write.ChunkedEncoder;
import io.webserv.http.write.ResponseHead;
import io.webserv.http.write.ResponseSerializer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * webserv's HTTP/1.1 codec used alone: no socket, no server, only {@code http-codec} and the JDK.
 *
 * <p>The codec never reads or writes anything itself. You give the parser whatever bytes you have (from
 * NIO, a blocking socket, a file, a test) and it tells you what it found; you give the serializer a
 * status and header fields and it gives you the bytes to send. That is why it can be reused anywhere.
 *
 * <p>Run it: {@code java -jar examples/codec-alone/target/codec-alone.jar} (after {@code mvn package}).
 * It parses two pipelined requests that arrive cut at awkward places, refuses a smuggling attempt with
 * its status, and writes a fixed-length and a chunked response.
 */
public final class CodecAlone {

    /** One complete request as the parser reported it: its head, and its body de-chunked. */
    public record Request(RequestHead head, byte[] body) {
    }

    /**
     * What the bytes of one connection amounted to.
     *
     * @param requests the complete requests, in order
     * @param events   every result {@link RequestParser#parse} returned but NEED_MORE_INPUT, to show the
     *                 pull API at work
     * @param error    the violation that ended the connection, or null when every byte made sense
     */
    public record Received(List<Request> requests, List<ParseResult> events, ParseError error) {
    }

    /** The bytes to write for one response, and whether to close the connection after them. */
    public record Encoded(byte[] bytes, boolean closeAfter) {
    }

    private CodecAlone() {
    }

    /**
     * Feeds the pieces of one connection to a parser, one at a time, as reads from a socket would
     * deliver them. A piece may end anywhere: in the middle of the request line, of a header, of a
     * chunk size; it may also hold the end of one request and the start of the next (pipelining).
     */
    public static Received receive(List<byte[]> pieces) {
        // One parser per connection. It keeps its state between calls and is not thread-safe.
        RequestParser parser = new RequestParser(ParserLimits.DEFAULT);
        List<Request> requests = new ArrayList<>();
        List<ParseResult> events = new ArrayList<>();
        RequestHead head = null;
        ByteArrayOutputStream body = new ByteArrayOutputStream();

        for (byte[] piece : pieces) {
            ByteBuffer in = ByteBuffer.wrap(piece); // in "read mode": position 0, limit = length
            // Call parse() until it has used up the piece. Each call returns as soon as something happens.
            ParseResult result;
            do {
                result = parser.parse(in);
                if (result != ParseResult.NEED_MORE_INPUT) {
                    events.add(result);
                }
                switch (result) {
                    case HEAD -> {
                        // Request line and header fields are complete and checked. A server would route
                        // here, and could call parser.limitBody(max) before the body is read.
                        head = parser.head();
                        body.reset();
                    }
                    case CONTENT -> {
                        // A piece of the body, de-chunked. It is a slice of `in`, not a copy: use it (here,
                        // copy it) before `in` is reused for the next read.
                        ByteBuffer content = parser.content();
                        byte[] bytes = new byte[content.remaining()];
                        content.get(bytes);
                        body.writeBytes(bytes);
                    }
                    case MESSAGE_COMPLETE -> requests.add(new Request(head, body.toByteArray()));
                    case ERROR -> {
                        // Terminal: answer with error.status() and close. What follows cannot be trusted.
                        return new Received(requests, events, parser.error());
                    }
                    case NEED_MORE_INPUT -> {
                        // The piece is used up (the parser keeps a partial line itself): read more.
                    }
                }
            } while (result != ParseResult.NEED_MORE_INPUT);
        }
        return new Received(requests, events, null);
    }

    /**
     * Writes a response to {@code request}: the head, then the body framed as the serializer decided.
     * The body is given in pieces; a length of {@link ResponseHead#UNKNOWN_LENGTH} makes it chunked
     * (HTTP/1.1) or close-delimited (HTTP/1.0).
     */
    public static Encoded respond(ResponseSerializer serializer, RequestHead request, HttpStatus status,
                                  HttpHeaders headers, long contentLength, List<String> bodyPieces) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        // The serializer adds Date, Server, Content-Length or Transfer-Encoding, and Connection.
        ByteBuffer head = serializer.encodeHead(new ResponseHead(status, headers, contentLength),
                request.method(), request.version(), request.keepAlive());
        write(wire, head); // a view of the serializer's array, valid until its next encodeHead: send it now

        switch (serializer.framing()) {
            case FIXED, UNTIL_CLOSE -> bodyPieces.forEach(piece -> write(wire, utf8(piece)));
            case CHUNKED -> {
                for (String piece : bodyPieces) {
                    if (!piece.isEmpty()) { // an empty chunk would mean "the end"
                        for (ByteBuffer part : ChunkedEncoder.chunk(utf8(piece))) { // size line, data, CRLF
                            write(wire, part);
                        }
                    }
                }
                write(wire, ChunkedEncoder.lastChunk());
            }
            case NONE -> {
                // HEAD, 1xx, 204, 304: no body goes out, whatever the handler had.
            }
        }
        return new Encoded(wire.toByteArray(), serializer.closeAfter());
    }

    /**
     * Writes the answer to a request the parser refused. There is no trustworthy request to answer, so
     * it is an HTTP/1.1 response that closes the connection; the message is fixed text, safe to show.
     */
    public static Encoded respondToError(ResponseSerializer serializer, ParseError error) {
        HttpHeaders headers = new HttpHeaders().add("Content-Type", "text/plain; charset=utf-8");
        byte[] body = utf8(error.message() + "\n").array();
        ByteBuffer head = serializer.encodeHead(new ResponseHead(error.status(), headers, body.length),
                HttpMethod.GET, HttpVersion.HTTP_1_1, false);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        write(wire, head);
        wire.writeBytes(body);
        return new Encoded(wire.toByteArray(), serializer.closeAfter());
    }

    public static void main(String[] args) {
        // Two pipelined requests on one connection, cut where a network might cut them.
        Received ok = receive(List.of(
                ascii("POST /notes?draft=1 HT"),
                ascii("TP/1.1\r\nHost: example.com\r\nTransfer-Enc"),
                ascii("oding: chunked\r\nContent-Type: text/plain\r\n\r\n5\r\nhel"),
                ascii("lo\r\n6\r\n world\r\n0\r\n\r\nGET /notes/../notes/1 HTTP/1.1\r\nHost: example.com\r\n\r\n")));
        System.out.println("events: " + ok.events());
        for (Request r : ok.requests()) {
            RequestHead h = r.head();
            System.out.printf("%s %s (path %s, query %s) host %s, body \"%s\"%n", h.method(), h.target().raw(),
                    h.target().path(), h.target().queryParameters(), h.host(), new String(r.body(), StandardCharsets.UTF_8));
        }

        // A request smuggling attempt: both Content-Length and Transfer-Encoding. Refused, with its status.
        Received bad = receive(List.of(ascii(
                "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n")));
        System.out.println("events: " + bad.events() + ", error " + bad.error() + " -> " + bad.error().status()
                + " (" + bad.error().rfcSection() + ")");

        // Responses. One serializer per connection (or per thread); DateHeader formats Date once a second.
        ResponseSerializer serializer = new ResponseSerializer(new DateHeader(Clock.systemUTC()), "codec-alone");
        RequestHead post = ok.requests().get(0).head();
        HttpHeaders text = new HttpHeaders().add("Content-Type", "text/plain; charset=utf-8");
        show("fixed length", respond(serializer, post, HttpStatus.CREATED, text, 6, List.of("saved\n")));
        show("chunked", respond(serializer, post, HttpStatus.OK, text, ResponseHead.UNKNOWN_LENGTH,
                List.of("first piece, ", "second piece\n")));
        show("error", respondToError(serializer, bad.error()));
    }

    private static void show(String what, Encoded response) {
        String wire = new String(response.bytes(), StandardCharsets.UTF_8).replace("\r\n", "\\r\\n\n");
        System.out.println("--- " + what + (response.closeAfter() ? " (then close)" : "") + " ---\n" + wire);
    }

    private static void write(ByteArrayOutputStream out, ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        out.writeBytes(bytes);
    }

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
