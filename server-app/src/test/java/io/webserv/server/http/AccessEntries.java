package io.webserv.server.http;

import io.webserv.config.model.ListenAddress;
import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.http.message.RequestHead;
import io.webserv.http.parse.ParseResult;
import io.webserv.http.parse.RequestParser;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Access-log entries made from real request bytes, parsed by the codec as the server parses them. */
final class AccessEntries {

    /** 2026-11-25T10:15:30.042Z */
    static final long TIME = 1_795_601_730_042L;
    static final InetSocketAddress CLIENT = new InetSocketAddress("203.0.113.7", 51000);

    private AccessEntries() {
    }

    /** The head of {@code request}, each char one byte (ISO-8859-1), as it arrives on the wire. */
    static RequestHead head(String request) {
        RequestParser parser = new RequestParser();
        assertThat(parser.parse(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)))).isEqualTo(ParseResult.HEAD);
        return parser.head();
    }

    static ServerConfig server(String... names) {
        return new ServerConfig(List.of(ListenAddress.anyHost(8080)), List.of(names), Map.of(),
                List.of(RouteConfig.serving("/", Path.of("/srv/www"))));
    }

    static AccessEntry entry(RequestHead request, ServerConfig server) {
        return new AccessEntry(CLIENT, request, server, 200, 5, 1_234_567, TIME);
    }
}
