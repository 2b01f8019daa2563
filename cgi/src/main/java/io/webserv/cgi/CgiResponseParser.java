package io.webserv.cgi;

import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.syntax.HttpChars;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the header block a script writes before its body (RFC 3875 §6.2, §6.3). Lenient where the RFC
 * is (lines may end with LF or CRLF), strict everywhere a mistake would reach the client: every name
 * must be a token and every value valid field text, or the whole block is refused (→ 502), since the
 * serializer would refuse it later anyway.
 *
 * <ul>
 *   <li>{@code Status: 201 Created} sets the status (200–599; the reason is optional);
 *   <li>{@code Location: /path} without {@code Status} is a local redirect; any other {@code Location}
 *       without {@code Status} answers 302; with {@code Status} it is passed as is;
 *   <li>{@code Content-Length} becomes the response's length; hop-by-hop fields are dropped (the server
 *       frames the response); every other field is passed through in order;
 *   <li>a block without any of {@code Content-Type}, {@code Location} or {@code Status} is not a CGI
 *       response (a script printing text without headers): refused.
 * </ul>
 */
final class CgiResponseParser {

    /** The largest header block accepted (SPEC §6 leaves it open; nginx's default buffers are smaller). */
    static final int MAX_HEADER_BLOCK = 64 * 1024;

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-connection");

    /** A header block that cannot be answered, with the reason for the log. */
    static final class InvalidResponseException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidResponseException(String message) {
            super(message);
        }
    }

    private CgiResponseParser() {
    }

    /**
     * The index just after the blank line that ends the header block in {@code buf[0, length)}, or -1
     * when it has not all arrived. The block may be empty (output starting with a blank line).
     *
     * @param from where to start looking: 0, or the previous length minus one when more bytes came
     *             (a terminator is at most three bytes, and the byte before {@code from} is rechecked)
     */
    static int endOfBlock(byte[] buf, int from, int length) {
        boolean lineStart = from == 0 || buf[from - 1] == '\n';
        for (int i = from; i < length; i++) {
            byte b = buf[i];
            if (lineStart && b == '\n') {
                return i + 1;
            }
            if (lineStart && b == '\r' && i + 1 < length && buf[i + 1] == '\n') {
                return i + 2;
            }
            lineStart = b == '\n';
        }
        return -1;
    }

    /** Parses the block {@code buf[0, length)}, blank line included or not. */
    static CgiResponseHead parse(byte[] buf, int length) throws InvalidResponseException {
        String block = new String(buf, 0, length, StandardCharsets.ISO_8859_1);
        Fields fields = new Fields();
        int start = 0;
        while (start < block.length()) {
            int newline = block.indexOf('\n', start);
            int end = newline < 0 ? block.length() : newline;
            String line = block.substring(start, end > start && block.charAt(end - 1) == '\r' ? end - 1 : end);
            if (line.isEmpty()) {
                break; // the blank line: the body follows
            }
            fields.add(line);
            start = end + 1;
        }
        return fields.toHead();
    }

    /** The fields of one block as they are read. */
    private static final class Fields {
        private final HttpHeaders headers = new HttpHeaders();
        private String status;
        private String location;
        private String contentType;
        private long contentLength = -1;

        void add(String line) throws InvalidResponseException {
            int colon = line.indexOf(':');
            if (colon <= 0 || !HttpChars.isToken(line.substring(0, colon))) {
                throw new InvalidResponseException("not a header field: " + printable(line));
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            for (int i = 0; i < value.length(); i++) {
                if (!HttpChars.isFieldValue(value.charAt(i))) {
                    throw new InvalidResponseException("invalid character in " + name);
                }
            }
            String lower = name.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "status" -> status = once(status, name, value);
                case "location" -> {
                    location = once(location, name, value);
                    headers.add(HeaderNames.LOCATION, value);
                }
                case "content-type" -> {
                    contentType = once(contentType, name, value);
                    headers.add(name, value);
                }
                case "content-length" -> contentLength(value);
                default -> {
                    if (!HOP_BY_HOP.contains(lower)) {
                        headers.add(name, value);
                    }
                }
            }
        }

        private static String once(String previous, String name, String value) throws InvalidResponseException {
            if (previous != null) {
                throw new InvalidResponseException("repeated " + name);
            }
            if (value.isEmpty()) {
                throw new InvalidResponseException("empty " + name);
            }
            return value;
        }

        private void contentLength(String value) throws InvalidResponseException {
            if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(HttpChars::isDigit)) {
                throw new InvalidResponseException("invalid Content-Length: " + printable(value));
            }
            long length = Long.parseLong(value);
            if (contentLength >= 0 && contentLength != length) {
                throw new InvalidResponseException("conflicting Content-Length");
            }
            contentLength = length;
        }

        CgiResponseHead toHead() throws InvalidResponseException {
            if (status == null && location == null && contentType == null) {
                throw new InvalidResponseException("no Content-Type, Location or Status");
            }
            if (status == null && location != null && location.startsWith("/") && !location.startsWith("//")) {
                return new CgiResponseHead(HttpStatus.FOUND, headers.freeze(), -1, location);
            }
            HttpStatus code = status != null ? status(status) : location != null ? HttpStatus.FOUND : HttpStatus.OK;
            return new CgiResponseHead(code, headers.freeze(), contentLength, null);
        }

        /** {@code 3DIGIT [SP reason-phrase]}, 200 to 599 (a script cannot send an interim response). */
        private static HttpStatus status(String value) throws InvalidResponseException {
            boolean digits = value.length() >= 3 && value.substring(0, 3).chars().allMatch(HttpChars::isDigit);
            if (!digits || value.length() > 3 && value.charAt(3) != ' ' && value.charAt(3) != '\t') {
                throw new InvalidResponseException("invalid Status: " + printable(value));
            }
            int code = Integer.parseInt(value.substring(0, 3));
            if (code < 200 || code > 599) {
                throw new InvalidResponseException("Status out of range: " + code);
            }
            String reason = value.substring(3).strip();
            return reason.isEmpty() ? HttpStatus.of(code) : new HttpStatus(code, reason);
        }
    }

    /** For the log: at most 80 characters, control characters escaped. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 80; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7F ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
