package io.webserv.http.multipart;

import io.webserv.http.parse.HttpParseException;
import io.webserv.http.parse.ParseError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes to text, refusing malformed input rather than replacing it: a file name that silently
 * gained U+FFFD would be stored under a name its sender never chose.
 */
final class StrictText {

    private StrictText() {
    }

    /** Bytes that are ASCII or well-formed in {@code charset}; else throws {@code error}. */
    static String decode(byte[] bytes, int from, int to, Charset charset, ParseError error) {
        if (isAscii(bytes, from, to)) {
            // ASCII reads the same in UTF-8 and ISO-8859-1, and this path allocates no decoder.
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new HttpParseException(error, "not " + charset.name());
        }
    }

    private static boolean isAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
