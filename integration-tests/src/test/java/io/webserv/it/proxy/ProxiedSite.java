package io.webserv.it.proxy;

import io.webserv.it.cgi.CgiSite;
import io.webserv.it.support.RawClient.RawResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A site for the real-client tests: the CGI test scripts ({@code env.py} prints its environment), a
 * static {@code www}, and the status module, served the same way on each listen address given; and
 * the PROXY protocol headers a proxy would send in front of a request.
 */
final class ProxiedSite {

    private ProxiedSite() {
    }

    /** The scripts and files, in {@code dir}. */
    static void prepare(Path dir) throws Exception {
        CgiSite.prepare(dir);
    }

    /** One server entry of the YAML, listening as {@code listen} says, with the routes every test uses. */
    static String server(String listen) {
        return """
                  - listen: [%s]
                    root: www
                    routes:
                      - path: /
                      - path: /cgi-bin
                        root: cgi-bin
                        cgi: { .py: /usr/bin/python3 }
                      - path: /status
                        handler: status
                """.formatted(listen);
    }

    /** {@code GET path} on a persistent connection. */
    static String get(String path, String... headerLines) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: test\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    /** The {@code NAME=value} lines {@code env.py} answers with. */
    static Map<String, String> cgiEnvironment(RawResponse response) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : response.bodyText().split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                env.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return env;
    }

    static byte[] v1(String header) {
        return header.getBytes(StandardCharsets.US_ASCII);
    }

    /** A v2 header: PROXY command, TCP over IPv4 or IPv6 by the addresses' family, and an ALPN TLV to skip. */
    static byte[] v2(String source, int sourcePort, String destination, int destinationPort) throws IOException {
        byte[] from = InetAddress.getByName(source).getAddress();
        byte[] to = InetAddress.getByName(destination).getAddress();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(from);
        body.write(to);
        body.write(new byte[] {(byte) (sourcePort >> 8), (byte) sourcePort, (byte) (destinationPort >> 8), (byte) destinationPort});
        body.write(new byte[] {0x01, 0x00, 0x02, 'h', '2'});
        return v2Header(0x21, from.length == 4 ? 0x11 : 0x21, body.toByteArray());
    }

    /** A v2 LOCAL header, as a proxy's own health check sends it: no addresses. */
    static byte[] v2Local() {
        return v2Header(0x20, 0x00, new byte[0]);
    }

    private static byte[] v2Header(int versionCommand, int family, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A});
        out.writeBytes(new byte[] {(byte) versionCommand, (byte) family, (byte) (body.length >> 8), (byte) body.length});
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, String b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
