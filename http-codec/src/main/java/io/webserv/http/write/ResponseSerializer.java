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
import java.util.Map;

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
    private static final byte[] CONTENT_LENGTH_PREFIX = lowBytes(HeaderNames.CONTENT_LENGTH + ": ");
    private static final byte[] CHUNKED = lowBytes(HeaderNames.TRANSFER_ENCODING + ": chunked\r\n");
    private static final byte[] CONNECTION_CLOSE = lowBytes(HeaderNames.CONNECTION + ": close\r\n");
    private static final byte[] CONNECTION_KEEP_ALIVE = lowBytes(HeaderNames.CONNECTION + ": keep-alive\r\n");

    /**
     * {@code "Name: "} of the fields handlers set, keyed by the {@link HeaderNames} constant: a name
     * found here is a token and not a framing field, so it is copied without looking at its
     * characters. A name spelled otherwise ({@code content-type}) is not found and takes the checked
     * path, with the same bytes on the wire. With the status lines cached too, JMH
     * {@code ResponseHeadBenchmark.encode} (a static file's 200, pinned to one CPU, 3 forks, two
     * alternating rounds): 4.41–4.74M → 6.64–6.83M heads/s, 0.22 → 0.15 µs.
     */
    private static final Map<String, byte[]> KNOWN_NAMES = knownNames(
            HeaderNames.ACCEPT_RANGES, HeaderNames.ALLOW, HeaderNames.CACHE_CONTROL,
            HeaderNames.CONTENT_DISPOSITION, HeaderNames.CONTENT_ENCODING, HeaderNames.CONTENT_RANGE,
            HeaderNames.CONTENT_TYPE, HeaderNames.DATE, HeaderNames.ETAG, HeaderNames.KEEP_ALIVE,
            HeaderNames.LAST_MODIFIED, HeaderNames.LOCATION, HeaderNames.SERVER, HeaderNames.SET_COOKIE,
            HeaderNames.VARY, HeaderNames.WWW_AUTHENTICATE);
    /** The entries of {@link #KNOWN_NAMES} for the two fields the serializer adds unless the handler did. */
    private static final byte[] DATE_PREFIX = KNOWN_NAMES.get(HeaderNames.DATE);
    private static final byte[] SERVER_PREFIX = KNOWN_NAMES.get(HeaderNames.SERVER);

    private final DateHeader date;
    /** The whole {@code Server} field, encoded and checked once; null to send none. */
    private final byte[] serverField;
    private final StatusLines http11 = new StatusLines("HTTP/1.1 ");
    private final StatusLines http10 = new StatusLines("HTTP/1.0 ");
    private byte[] buf = new byte[512];
    /** What {@link #encodeHead} returns: one view of {@link #buf} reused, not a new one per response. */
    private ByteBuffer view = ByteBuffer.wrap(buf);
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
        this.serverField = serverName == null ? null : encodeOnce(HeaderNames.SERVER, serverName);
    }

    /** A field that never changes, checked and encoded once in this serializer's buffer and copied out. */
    private byte[] encodeOnce(String name, String value) {
        appendField(name, value);
        byte[] field = Arrays.copyOf(buf, length);
        length = 0;
        return field;
    }

    @SuppressWarnings("unchecked") // a generic array of entries for Map.ofEntries
    private static Map<String, byte[]> knownNames(String... names) {
        Map.Entry<String, byte[]>[] entries = new Map.Entry[names.length];
        for (int i = 0; i < names.length; i++) {
            if (!HttpChars.isToken(names[i]) || isFramingHeader(names[i])) {
                throw new AssertionError("not a plain field name: " + names[i]);
            }
            entries[i] = Map.entry(names[i], lowBytes(names[i] + ": "));
        }
        return Map.ofEntries(entries);
    }

    /** Each char's low byte, as {@link #appendAscii} writes them. */
    private static byte[] lowBytes(String s) {
        byte[] bytes = new byte[s.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) s.charAt(i);
        }
        return bytes;
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
        HttpHeaders headers = response.headers();
        length = 0;
        append((version == HttpVersion.HTTP_1_0 ? http10 : http11).of(response.status()));
        boolean hasDate = false;
        boolean hasServer = false;
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            byte[] known = KNOWN_NAMES.get(name);
            if (known != null) {
                hasDate |= known == DATE_PREFIX;
                hasServer |= known == SERVER_PREFIX;
                append(known);
                appendValue(name, headers.value(i));
                continue;
            }
            if (isFramingHeader(name)) {
                throw new IllegalArgumentException(name + " is set by the serializer, not by handlers");
            }
            hasDate |= name.equalsIgnoreCase(HeaderNames.DATE);
            hasServer |= name.equalsIgnoreCase(HeaderNames.SERVER);
            appendField(name, headers.value(i));
        }
        if (!hasDate) {
            append(DATE_PREFIX);
            append(date.currentBytes());
            append(CRLF);
        }
        if (serverField != null && !hasServer) {
            append(serverField);
        }
        closeAfter = !keepAlive;
        framing = decideFraming(response, requestMethod, version);
        if (closeAfter) {
            append(CONNECTION_CLOSE);
        } else if (version == HttpVersion.HTTP_1_0) {
            append(CONNECTION_KEEP_ALIVE);
        }
        append(CRLF);
        if (view.array() != buf) {
            view = ByteBuffer.wrap(buf); // the array grew
        }
        return view.clear().limit(length);
    }

    /**
     * The status lines of one HTTP version ({@code "HTTP/1.1 200 OK\r\n"}), each encoded once, by code;
     * a status with a reason of its own replaces the line of its code.
     */
    private static final class StatusLines {
        private final String version;
        private final HttpStatus[] statuses = new HttpStatus[1000];
        private final byte[][] lines = new byte[1000][];

        StatusLines(String version) {
            this.version = version;
        }

        byte[] of(HttpStatus status) {
            int code = status.code();
            if (!status.equals(statuses[code])) {
                lines[code] = lowBytes(version + code + " " + status.reason() + "\r\n");
                statuses[code] = status;
            }
            return lines[code];
        }
    }

    /** Writes the framing fields and decides the framing; may force {@link #closeAfter}. */
    private BodyFraming decideFraming(ResponseHead response, HttpMethod method, HttpVersion version) {
        if (response.status().forbidsContent()) {
            return BodyFraming.NONE;
        }
        boolean head = method.equals(HttpMethod.HEAD);
        long contentLength = response.contentLength();
        if (contentLength >= 0) {
            append(CONTENT_LENGTH_PREFIX);
            appendDecimal(contentLength);
            append(CRLF);
            return head || contentLength == 0 ? BodyFraming.NONE : BodyFraming.FIXED;
        }
        if (version == HttpVersion.HTTP_1_1) {
            append(CHUNKED);
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
        appendAscii(name);
        append((byte) ':');
        append((byte) ' ');
        appendValue(name, value);
    }

    /** The value and CRLF; copied and checked in one pass (the check only decides whether to throw). */
    private void appendValue(String name, String value) {
        int valueLength = value.length();
        ensure(valueLength + 2);
        byte[] out = buf;
        int at = length;
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
