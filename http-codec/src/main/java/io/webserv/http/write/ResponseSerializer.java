package io.webserv.http.write;

import io.webserv.http.message.HeaderNames;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpMethod;
import io.webserv.http.message.HttpStatus;
import io.webserv.http.message.HttpVersion;
import io.webserv.http.syntax.DateHeader;
import io.webserv.http.syntax.HttpChars;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a response head: status line, the handler's header fields, then {@code Date}, {@code Server}
 * and the framing the body needs (RFC 9112 §6). Never does I/O; one instance per connection or event
 * loop (not thread-safe), reusing one array.
 *
 * <p>Framing, decided here and nowhere else:
 * <ul>
 *   <li>1xx, 204 and 304 never have a body: no Content-Length, no Transfer-Encoding;
 *   <li>a known length → {@code Content-Length}; for HEAD too, though no body follows;
 *   <li>an unknown length → {@code Transfer-Encoding: chunked} for HTTP/1.1, or the body runs until the
 *       connection closes for HTTP/1.0;
 *   <li>{@code Connection: close} whenever the connection will close; {@code Connection: keep-alive}
 *       for an HTTP/1.0 client whose connection stays open.
 * </ul>
 * After {@link #encodeHead}, {@link #framing()} says what to send next and {@link #closeAfter()} whether
 * to close once it is sent.
 *
 * <p>The serializer is the last line against response splitting: a header name that is not a token or
 * a value with a control character (CR, LF, NUL…) is refused with an {@link IllegalArgumentException}.
 */
public final class ResponseSerializer {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final DateHeader date;
    private final String serverName;
    private byte[] buf = new byte[512];
    private int length;
    private BodyFraming framing;
    private boolean closeAfter;

    /**
     * Creates a serializer.
     *
     * @param date       the shared {@code Date} value, formatted once a second
     * @param serverName the {@code Server} header's value, or null to send none
     */
    public ResponseSerializer(DateHeader date, String serverName) {
        this.date = date;
        this.serverName = serverName;
    }

    /** {@return the interim {@code 100 Continue} response (RFC 9110 §15.2.1)} A fresh read-only buffer of constant bytes. */
    public static ByteBuffer continueResponse() {
        return ByteBuffer.wrap(CONTINUE).asReadOnlyBuffer();
    }

    /**
     * Writes a response head and decides the body's framing; read {@link #framing()} and
     * {@link #closeAfter()} afterwards.
     *
     * @param response      what the handler decided
     * @param requestMethod the request's method (HEAD responses carry no body)
     * @param version       the request's version (decides chunked or close-delimited for unknown lengths)
     * @param keepAlive     whether the connection should stay open after this response
     * @return the head's bytes, a view of an internal array valid until the next call
     * @throws IllegalArgumentException when a header name is not a token, a value holds a control
     *         character, or a framing field (Content-Length, Transfer-Encoding, Connection) is among
     *         the handler's headers
     */
    public ByteBuffer encodeHead(ResponseHead response, HttpMethod requestMethod, HttpVersion version, boolean keepAlive) {
        HttpStatus status = response.status();
        HttpHeaders headers = response.headers();
        length = 0;
        appendAscii(version == HttpVersion.HTTP_1_0 ? "HTTP/1.0 " : "HTTP/1.1 ");
        appendDecimal(status.code());
        append((byte) ' ');
        appendAscii(status.reason());
        append(CRLF);
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            if (isFramingHeader(name)) {
                throw new IllegalArgumentException(name + " is set by the serializer, not by handlers");
            }
            appendField(name, headers.value(i));
        }
        if (!headers.contains(HeaderNames.DATE)) {
            appendAscii(HeaderNames.DATE);
            append((byte) ':');
            append((byte) ' ');
            append(date.currentBytes());
            append(CRLF);
        }
        if (serverName != null && !headers.contains(HeaderNames.SERVER)) {
            appendField(HeaderNames.SERVER, serverName);
        }
        closeAfter = !keepAlive;
        framing = decideFraming(response, requestMethod, version);
        if (closeAfter) {
            appendField(HeaderNames.CONNECTION, "close");
        } else if (version == HttpVersion.HTTP_1_0) {
            appendField(HeaderNames.CONNECTION, "keep-alive");
        }
        append(CRLF);
        return ByteBuffer.wrap(buf, 0, length);
    }

    /** Writes the framing fields and decides the framing; may force {@link #closeAfter}. */
    private BodyFraming decideFraming(ResponseHead response, HttpMethod method, HttpVersion version) {
        if (response.status().forbidsContent()) {
            return BodyFraming.NONE;
        }
        boolean head = method.equals(HttpMethod.HEAD);
        long contentLength = response.contentLength();
        if (contentLength >= 0) {
            appendAscii(HeaderNames.CONTENT_LENGTH);
            append((byte) ':');
            append((byte) ' ');
            appendDecimal(contentLength);
            append(CRLF);
            return head || contentLength == 0 ? BodyFraming.NONE : BodyFraming.FIXED;
        }
        if (version == HttpVersion.HTTP_1_1) {
            appendField(HeaderNames.TRANSFER_ENCODING, "chunked");
            return head ? BodyFraming.NONE : BodyFraming.CHUNKED;
        }
        if (head) {
            return BodyFraming.NONE;
        }
        closeAfter = true;
        return BodyFraming.UNTIL_CLOSE;
    }

    /** {@return how the body of the last encoded head is delimited} */
    public BodyFraming framing() {
        return framing;
    }

    /** {@return whether the connection must close after the last encoded response} */
    public boolean closeAfter() {
        return closeAfter;
    }

    private static boolean isFramingHeader(String name) {
        return name.equalsIgnoreCase(HeaderNames.CONTENT_LENGTH) || name.equalsIgnoreCase(HeaderNames.TRANSFER_ENCODING)
                || name.equalsIgnoreCase(HeaderNames.CONNECTION);
    }

    private void appendField(String name, String value) {
        if (!HttpChars.isToken(name)) {
            throw new IllegalArgumentException("header name is not a token: " + name);
        }
        int nameLength = name.length();
        int valueLength = value.length();
        ensure(nameLength + valueLength + 4);
        byte[] out = buf;
        int at = length;
        for (int i = 0; i < nameLength; i++) {
            out[at++] = (byte) name.charAt(i);
        }
        out[at++] = ':';
        out[at++] = ' ';
        // Copy and check in one pass; the check only decides whether to throw (the head is then dropped).
        boolean valid = true;
        for (int i = 0; i < valueLength; i++) {
            char c = value.charAt(i);
            valid &= c <= 0xFF && HttpChars.isFieldValue(c);
            out[at++] = (byte) c;
        }
        if (!valid) {
            throw new IllegalArgumentException("invalid character in the value of " + name);
        }
        out[at++] = '\r';
        out[at++] = '\n';
        length = at;
    }

    private void appendAscii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[length + i] = (byte) s.charAt(i);
        }
        length += s.length();
    }

    /**
     * The digits of {@code n} (≥ 0) straight into the head: {@code Long.toString} would leave a byte
     * array and a String behind on every response (JFR allocation profile, 13-byte file under wrk).
     */
    private void appendDecimal(long n) {
        int digits = 1;
        for (long rest = n / 10; rest > 0; rest /= 10) {
            digits++;
        }
        ensure(digits);
        long rest = n;
        for (int i = length + digits - 1; i >= length; i--) {
            buf[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length += digits;
    }

    private void append(byte b) {
        ensure(1);
        buf[length++] = b;
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
        }
    }
}
