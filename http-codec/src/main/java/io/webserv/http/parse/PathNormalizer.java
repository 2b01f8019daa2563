package io.webserv.http.parse;

import io.webserv.http.syntax.HttpChars;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns the raw path of a request-target into the path a server may map onto files: percent-decoded
 * as strict UTF-8, dot segments resolved (RFC 3986 §5.2.4), empty segments merged.
 *
 * <p>Refused, because each is a classic way to reach a file the path does not name: an encoded
 * {@code /} or {@code \} ({@code %2F}, {@code %5C}), NUL and other control bytes, malformed escapes,
 * overlong or otherwise invalid UTF-8 ({@link ParseError#PATH_INVALID}), and any {@code ..} that would
 * climb above {@code /} ({@link ParseError#PATH_OUTSIDE_ROOT}). Decoding happens before dot segments
 * are resolved, so {@code %2e%2e} is a {@code ..} like any other.
 */
public final class PathNormalizer {

    private PathNormalizer() {
    }

    /**
     * @param rawPath an absolute path as sent, starting with {@code /}
     * @return the decoded, normalised path, starting with {@code /}; ends with {@code /} when the raw
     *         path did, or when its last segment was {@code .} or {@code ..}
     * @throws HttpParseException with {@link ParseError#PATH_INVALID} or {@link ParseError#PATH_OUTSIDE_ROOT}
     */
    public static String normalize(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            throw new HttpParseException(ParseError.PATH_INVALID, "path does not start with /");
        }
        if (isAlreadyNormal(rawPath)) {
            return rawPath;
        }
        return resolveDotSegments(percentDecode(rawPath));
    }

    /** The common case needs no work: no escapes, no empty or dot segments. */
    private static boolean isAlreadyNormal(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' || c < 0x20 || c >= 0x7F) {
                return false; // escapes to decode, or bytes for the decoder to refuse
            }
            if (c == '/' && i + 1 < path.length()) {
                char next = path.charAt(i + 1);
                if (next == '/' || next == '.' && isDotSegment(path, i + 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isDotSegment(String path, int start) {
        int end = path.indexOf('/', start);
        int length = (end < 0 ? path.length() : end) - start;
        return length == 1 || length == 2 && path.charAt(start + 1) == '.';
    }

    private static String percentDecode(String raw) {
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int b;
            if (c == '%') {
                int hi = i + 2 < raw.length() ? HttpChars.hexValue(raw.charAt(i + 1)) : -1;
                int lo = hi >= 0 ? HttpChars.hexValue(raw.charAt(i + 2)) : -1;
                if (lo < 0) {
                    throw new HttpParseException(ParseError.PATH_INVALID, "malformed percent-encoding");
                }
                b = hi << 4 | lo;
                if (b == '/' || b == '\\') {
                    throw new HttpParseException(ParseError.PATH_INVALID, "encoded slash or backslash");
                }
                i += 2;
            } else if (c > 0x7F) {
                throw new HttpParseException(ParseError.PATH_INVALID, "raw non-ASCII character");
            } else {
                b = c;
            }
            if (b < 0x20 || b == 0x7F) {
                throw new HttpParseException(ParseError.PATH_INVALID, "control character in path");
            }
            bytes[n++] = (byte) b;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = utf8.decode(ByteBuffer.wrap(bytes, 0, n));
            return chars.toString();
        } catch (CharacterCodingException e) {
            // The JDK's decoder rejects overlong forms and surrogates, e.g. %C0%AE for '.'.
            throw new HttpParseException(ParseError.PATH_INVALID, "invalid UTF-8 in path");
        }
    }

    private static String resolveDotSegments(String path) {
        Deque<String> segments = new ArrayDeque<>();
        boolean trailingSlash = false;
        int start = 1;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            String segment = path.substring(start, end);
            boolean isName = !segment.isEmpty() && !segment.equals(".") && !segment.equals("..");
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new HttpParseException(ParseError.PATH_OUTSIDE_ROOT);
                }
                segments.removeLast();
            } else if (isName) {
                segments.addLast(segment);
            }
            // "/a/", "/a/." and "/a/b/.." all name the directory /a/: keep that as a trailing slash.
            trailingSlash = !isName;
            start = end + 1;
        }
        StringBuilder normal = new StringBuilder(path.length());
        for (String segment : segments) {
            normal.append('/').append(segment);
        }
        if (trailingSlash || normal.length() == 0) {
            normal.append('/');
        }
        return normal.toString();
    }
}
