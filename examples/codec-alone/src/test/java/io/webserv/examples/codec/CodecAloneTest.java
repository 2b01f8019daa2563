package io.webserv.examples.codec;

import io.webserv.examples.codec.CodecAlone.Encoded;
import io.webserv.examples.codec.CodecAlone.Received;
import io.webserv.examples.codec.CodecAlone.Request;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.HttpVersion;
import io.webserv.http.message.RequestHead;
import io.webserv.http.parse.ParseError;
import io.webserv.http.parse.ParseResult;
import io.webserv.http.syntax.DateHeader;
import io.webserv.http.write.ResponseHead;
import io.webserv.http.write.ResponseSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodecAloneTest {

    /** A chunked POST and a pipelined GET, as one connection would carry them. */
    private static final String CONNECTION = "POST /notes?tag=a&tag=b HTTP/1.1\r\nHost: example.com:8080\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n"
            + "GET /notes/./x/../1 HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n";

    /** The fields the serializer adds to every response of these tests: its clock is fixed. */
    private static final String DATE_AND_SERVER = "Date: Tue, 02 Jan 2024 03:04:05 GMT\r\nServer: codec-alone\r\n";
    private static final String PLAIN_TEXT = "Content-Type: text/plain; charset=utf-8\r\n";

    private final ResponseSerializer serializer = new ResponseSerializer(
            new DateHeader(Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC)), "codec-alone");

    @Test
    void parsesPipelinedRequestsIntoTheirFields() {
        Received received = CodecAlone.receive(List.of(bytes(CONNECTION)));

        assertThat(received.error()).isNull();
        assertThat(received.requests()).hasSize(2);

        RequestHead post = received.requests().get(0).head();
        assertThat(post.method()).isEqualTo(HttpMethod.POST);
        assertThat(post.version()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(post.target().path()).isEqualTo("/notes");
        assertThat(post.target().queryParameters().all("tag")).containsExactly("a", "b");
        assertThat(post.host().host()).isEqualTo("example.com");
        assertThat(post.host().port()).isEqualTo(8080);
        assertThat(post.isChunked()).isTrue();
        assertThat(post.keepAlive()).isTrue();
        assertThat(text(received.requests().get(0).body())).isEqualTo("hello world");

        RequestHead get = received.requests().get(1).head();
        assertThat(get.method()).isEqualTo(HttpMethod.GET);
        assertThat(get.target().raw()).isEqualTo("/notes/./x/../1");
        assertThat(get.target().path()).isEqualTo("/notes/1");
        assertThat(get.hasBody()).isFalse();
        assertThat(get.keepAlive()).isFalse();
        assertThat(received.requests().get(1).body()).isEmpty();
    }

    @Test
    void reportsHeadThenContentThenCompletionForEachRequest() {
        Received received = CodecAlone.receive(List.of(bytes(CONNECTION)));

        assertThat(received.events().get(0)).isEqualTo(ParseResult.HEAD);
        assertThat(received.events()).filteredOn(e -> e != ParseResult.CONTENT).containsExactly(
                ParseResult.HEAD, ParseResult.MESSAGE_COMPLETE, ParseResult.HEAD, ParseResult.MESSAGE_COMPLETE);
        assertThat(received.events()).contains(ParseResult.CONTENT);
    }

    @Test
    void givesTheSameRequestsWhereverTheBytesAreCut() {
        byte[] whole = bytes(CONNECTION);
        List<String> expected = summary(CodecAlone.receive(List.of(whole)));

        for (int cut = 1; cut < whole.length; cut++) {
            List<byte[]> twoPieces = List.of(Arrays.copyOfRange(whole, 0, cut), Arrays.copyOfRange(whole, cut, whole.length));
            assertThat(summary(CodecAlone.receive(twoPieces))).as("cut at %d", cut).isEqualTo(expected);
        }
        List<byte[]> byteByByte = new ArrayList<>();
        for (byte b : whole) {
            byteByByte.add(new byte[] {b});
        }
        assertThat(summary(CodecAlone.receive(byteByByte))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "POST / HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 4\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n | CONTENT_LENGTH_WITH_TRANSFER_ENCODING | 400",
        "GET / HTTP/1.1\\r\\nHost: a\\r\\nHost: b\\r\\n\\r\\n                                        | HOST_DUPLICATE                        | 400",
        "GET / HTTP/1.1\\nHost: a\\r\\n\\r\\n                                                          | BARE_LF                               | 400",
        "GET /../etc/passwd HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                                          | PATH_OUTSIDE_ROOT                     | 403",
        "CONNECT example.com:443 HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                                    | CONNECT_NOT_SUPPORTED                 | 501",
        "GET / HTTP/2.0\\r\\nHost: a\\r\\n\\r\\n                                                      | VERSION_NOT_SUPPORTED                 | 505",
    })
    void refusesABrokenRequestWithItsStatus(String request, ParseError error, int status) {
        Received received = CodecAlone.receive(List.of(bytes(request.strip().replace("\\r", "\r").replace("\\n", "\n"))));

        assertThat(received.error()).isEqualTo(error);
        assertThat(received.error().status().code()).isEqualTo(status);
        assertThat(received.events()).last().isEqualTo(ParseResult.ERROR);
        assertThat(received.requests()).isEmpty();
    }

    @Test
    void stopsAtTheErrorAndKeepsTheRequestsBeforeIt() {
        Received received = CodecAlone.receive(List.of(bytes("GET /a HTTP/1.1\r\nHost: a\r\n\r\n"),
                bytes("GET /b HTTP/1.1\r\nHost : a\r\n\r\n"), bytes("GET /c HTTP/1.1\r\nHost: a\r\n\r\n")));

        assertThat(received.requests()).extracting(r -> r.head().target().path()).containsExactly("/a");
        assertThat(received.error()).isEqualTo(ParseError.WHITESPACE_BEFORE_COLON);
    }

    @Test
    void writesAFixedLengthResponse() {
        Encoded response = CodecAlone.respond(serializer, head("POST /notes HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n"),
                HttpStatus.CREATED, plainText(), 6, List.of("sav", "ed\n"));

        assertWire(response, false, "HTTP/1.1 201 Created\r\n" + PLAIN_TEXT + DATE_AND_SERVER
                + "Content-Length: 6\r\n"
                + "\r\n"
                + "saved\n");
    }

    @Test
    void writesAChunkedResponseWhenTheLengthIsUnknown() {
        Encoded response = CodecAlone.respond(serializer, head("GET / HTTP/1.1\r\nHost: a\r\n\r\n"),
                HttpStatus.OK, plainText(), ResponseHead.UNKNOWN_LENGTH, List.of("first piece, ", "", "second piece\n"));

        assertWire(response, false, "HTTP/1.1 200 OK\r\n" + PLAIN_TEXT + DATE_AND_SERVER
                + "Transfer-Encoding: chunked\r\n"
                + "\r\n"
                + "d\r\nfirst piece, \r\n"
                + "d\r\nsecond piece\n\r\n"
                + "0\r\n\r\n");
    }

    @Test
    void delimitsAnUnknownLengthByClosingForHttp10() {
        Encoded response = CodecAlone.respond(serializer, head("GET / HTTP/1.0\r\n\r\n"),
                HttpStatus.OK, new HttpHeaders(), ResponseHead.UNKNOWN_LENGTH, List.of("all of it"));

        assertWire(response, true, "HTTP/1.0 200 OK\r\n" + DATE_AND_SERVER
                + "Connection: close\r\n"
                + "\r\n"
                + "all of it");
    }

    @Test
    void sendsNoBodyToHeadButKeepsItsLength() {
        Encoded response = CodecAlone.respond(serializer, head("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n"),
                HttpStatus.OK, plainText(), 6, List.of("saved\n"));

        assertThat(text(response.bytes())).endsWith("Content-Length: 6\r\n\r\n");
    }

    @Test
    void answersAParseErrorAndCloses() {
        Encoded response = CodecAlone.respondToError(serializer, ParseError.HOST_MISSING);

        assertWire(response, true, "HTTP/1.1 400 Bad Request\r\n" + PLAIN_TEXT + DATE_AND_SERVER
                + "Content-Length: 20\r\n"
                + "Connection: close\r\n"
                + "\r\n"
                + "missing Host header\n");
    }

    @Test
    void mainShowsEachStep() {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            CodecAlone.main(new String[0]);
        } finally {
            System.setOut(console);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(
                "events: [HEAD, CONTENT, CONTENT, CONTENT, MESSAGE_COMPLETE, HEAD, MESSAGE_COMPLETE]",
                "(path /notes/1, query {}) host example.com",
                "error CONTENT_LENGTH_WITH_TRANSFER_ENCODING -> 400 Bad Request",
                "--- fixed length ---", "--- chunked ---", "--- error (then close) ---");
    }

    /** The exact bytes on the wire, and whether the connection closes after them. */
    private static void assertWire(Encoded response, boolean closeAfter, String expected) {
        assertThat(text(response.bytes())).isEqualTo(expected);
        assertThat(response.closeAfter()).as("close after").isEqualTo(closeAfter);
    }

    private static RequestHead head(String request) {
        return CodecAlone.receive(List.of(bytes(request))).requests().get(0).head();
    }

    private static HttpHeaders plainText() {
        return new HttpHeaders().add("Content-Type", "text/plain; charset=utf-8");
    }

    /** What a test compares between two ways of feeding the same bytes. */
    private static List<String> summary(Received received) {
        List<String> lines = new ArrayList<>();
        for (Request r : received.requests()) {
            lines.add(r.head().method() + " " + r.head().target().path() + " " + r.head().headers() + " " + text(r.body()));
        }
        lines.add(String.valueOf(received.error()));
        return lines;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
