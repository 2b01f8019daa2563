package io.webserv.http.multipart;

import io.webserv.http.message.HttpHeaders;
import io.webserv.http.parse.HttpParseException;
import io.webserv.http.parse.ParseError;
import io.webserv.http.syntax.HttpChars;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one part's header block, resumable across buffers, and turns it into a {@link Part}.
 *
 * <p>As strict as the request head (RFC 9112 §5): lines end in CRLF, names are tokens followed at once
 * by the colon, values are field-value chars, no obs-fold. Values are decoded as UTF-8, because that is
 * how browsers send non-ASCII file names (RFC 7578 §5.1); malformed UTF-8 is refused. The block's size,
 * CRLFs included, is checked before a byte is buffered.
 */
final class PartHeadersParser {

    private static final int INITIAL_LINE_CAPACITY = 256;

    private final int maxBytes;
    private byte[] line;
    private int lineLength;
    private int blockBytes;
    private boolean afterCr;
    private HttpHeaders fields;

    PartHeadersParser(int maxBytes) {
        this.maxBytes = maxBytes;
        this.line = new byte[Math.min(maxBytes, INITIAL_LINE_CAPACITY)];
        reset();
    }

    /** Gets ready for the next part's block. */
    void reset() {
        lineLength = 0;
        blockBytes = 0;
        afterCr = false;
        fields = new HttpHeaders(4);
    }

    /**
     * Consumes header bytes from {@code in}, stopping right after the block's empty line.
     *
     * @return the part once its block is complete; null when {@code in} was consumed without completing it
     * @throws HttpParseException when the block is malformed or too large
     */
    Part parse(ByteBuffer in) {
        while (in.hasRemaining()) {
            if (++blockBytes > maxBytes) {
                throw new HttpParseException(ParseError.MULTIPART_PART_HEADERS_TOO_LARGE);
            }
            byte b = in.get();
            if (afterCr) {
                if (b != '\n') {
                    throw new HttpParseException(ParseError.BARE_CR);
                }
                afterCr = false;
                if (lineLength == 0) {
                    return toPart(fields.freeze());
                }
                addField();
                lineLength = 0;
            } else if (b == '\r') {
                afterCr = true;
            } else if (b == '\n') {
                throw new HttpParseException(ParseError.BARE_LF);
            } else {
                append(b);
            }
        }
        return null;
    }

    private void append(byte b) {
        if (lineLength == line.length) {
            // Never beyond maxBytes: the block count, checked first, includes every byte of the line.
            line = Arrays.copyOf(line, Math.min(maxBytes, line.length * 2));
        }
        line[lineLength++] = b;
    }

    private void addField() {
        if (line[0] == ' ' || line[0] == '\t') {
            throw new HttpParseException(fields.isEmpty() ? ParseError.HEADER_NAME_INVALID : ParseError.OBS_FOLD);
        }
        int colon = 0;
        while (colon < lineLength && HttpChars.isToken(line[colon])) {
            colon++;
        }
        if (colon == lineLength || line[colon] != ':') {
            throw new HttpParseException(nameError(colon));
        }
        if (colon == 0) {
            throw new HttpParseException(ParseError.HEADER_NAME_INVALID);
        }
        int from = colon + 1;
        int to = lineLength;
        while (from < to && isOws(line[from])) {
            from++;
        }
        while (to > from && isOws(line[to - 1])) {
            to--;
        }
        for (int i = from; i < to; i++) {
            if (!HttpChars.isFieldValue(line[i])) {
                throw new HttpParseException(ParseError.HEADER_VALUE_INVALID);
            }
        }
        String name = new String(line, 0, colon, StandardCharsets.ISO_8859_1);
        fields.add(name, StrictText.decode(line, from, to, StandardCharsets.UTF_8, ParseError.HEADER_VALUE_INVALID));
    }

    /** Why the name stopped at {@code at} without reaching a colon. */
    private ParseError nameError(int at) {
        boolean hasColon = false;
        for (int i = at; i < lineLength && !hasColon; i++) {
            hasColon = line[i] == ':';
        }
        if (!hasColon) {
            return ParseError.HEADER_COLON_MISSING;
        }
        return isOws(line[at]) ? ParseError.WHITESPACE_BEFORE_COLON : ParseError.HEADER_NAME_INVALID;
    }

    /**
     * RFC 7578 §4.2: exactly one form-data Content-Disposition with a name; §4.4: at most one
     * Content-Type. Other fields are kept in the headers and otherwise ignored (§4.8).
     */
    private static Part toPart(HttpHeaders headers) {
        if (headers.count("Content-Disposition") != 1 || headers.count("Content-Type") > 1) {
            throw new HttpParseException(ParseError.MULTIPART_MALFORMED, "Content-Disposition or Content-Type missing or repeated");
        }
        ContentDisposition disposition = ContentDisposition.parse(headers.get("Content-Disposition"));
        String contentType = headers.get("Content-Type");
        return new Part(headers, disposition.name(), disposition.filename(),
                contentType != null ? contentType : Part.DEFAULT_CONTENT_TYPE);
    }

    private static boolean isOws(byte b) {
        return b == ' ' || b == '\t';
    }
}
