package io.webserv.http.multipart;

import io.webserv.http.parse.HttpParseException;
import io.webserv.http.parse.ParseError;
import io.webserv.http.syntax.HttpChars;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a form-data part (RFC 7578 §4.2, parameter syntax of RFC 6266):
 * {@code form-data; name="field"; filename="a.txt"}.
 *
 * <p>{@code filename*=UTF-8''a%20b.txt} (RFC 8187) is accepted and preferred over {@code filename}, as
 * RFC 6266 §4.3 asks, although RFC 7578 §4.2 tells senders not to use it: some clients do. The name is
 * returned as sent, decoded, not sanitised: that is the job of whoever stores the file.
 *
 * @param name     the field name
 * @param filename the file name, or null when the part is not a file
 */
record ContentDisposition(String name, String filename) {

    private static final ParseError ERROR = ParseError.MULTIPART_MALFORMED;

    /** Parses a part's {@code Content-Disposition} value; throws MULTIPART_MALFORMED when it is not a valid form-data one. */
    static ContentDisposition parse(String header) {
        ParameterizedValue value = ParameterizedValue.parse(header, ERROR);
        if (!value.value().equalsIgnoreCase("form-data")) {
            throw new HttpParseException(ERROR, "disposition type is not form-data");
        }
        String name = value.parameter("name");
        if (name == null) {
            throw new HttpParseException(ERROR, "form-data without a name");
        }
        String extended = value.parameter("filename*");
        return new ContentDisposition(name, extended != null ? decodeExtValue(extended) : value.parameter("filename"));
    }

    /**
     * {@code ext-value = charset "'" [ language ] "'" value-chars} (RFC 8187 §3.2.1), with the two
     * charsets a recipient must know. Another charset is an error rather than a fallback to
     * {@code filename}: dropping the parameter could turn a file part into a plain field.
     * (Its value is taken even when sent quoted, which RFC 8187 does not allow: a leniency that cannot
     * change what the value means.)
     */
    static String decodeExtValue(String extValue) {
        int charsetEnd = extValue.indexOf('\'');
        int languageEnd = charsetEnd < 0 ? -1 : extValue.indexOf('\'', charsetEnd + 1);
        if (languageEnd < 0) {
            throw new HttpParseException(ERROR, "ext-value without charset and language");
        }
        Charset charset = charset(extValue.substring(0, charsetEnd));
        for (int i = charsetEnd + 1; i < languageEnd; i++) {
            char c = extValue.charAt(i);
            if (!(c == '-' || c < 0x80 && Character.isLetterOrDigit(c))) {
                throw new HttpParseException(ERROR, "invalid language tag");
            }
        }
        byte[] bytes = new byte[extValue.length() - languageEnd - 1];
        int length = 0;
        for (int i = languageEnd + 1; i < extValue.length(); i++) {
            char c = extValue.charAt(i);
            if (c == '%') {
                int high = i + 1 < extValue.length() ? HttpChars.hexValue(extValue.charAt(i + 1)) : -1;
                int low = i + 2 < extValue.length() ? HttpChars.hexValue(extValue.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    throw new HttpParseException(ERROR, "invalid percent-encoding");
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
            } else if (isAttrChar(c)) {
                bytes[length++] = (byte) c;
            } else {
                throw new HttpParseException(ERROR, "invalid character in ext-value");
            }
        }
        return StrictText.decode(bytes, 0, length, charset, ERROR);
    }

    private static Charset charset(String name) {
        if (name.equalsIgnoreCase("UTF-8")) {
            return StandardCharsets.UTF_8;
        }
        if (name.equalsIgnoreCase("ISO-8859-1")) {
            return StandardCharsets.ISO_8859_1;
        }
        throw new HttpParseException(ERROR, "unsupported ext-value charset");
    }

    /** {@code attr-char} of RFC 8187 §3.2.1: a tchar other than "*", "'" and "%". */
    private static boolean isAttrChar(char c) {
        return ParameterizedValue.isTokenChar(c) && c != '*' && c != '\'' && c != '%';
    }
}
