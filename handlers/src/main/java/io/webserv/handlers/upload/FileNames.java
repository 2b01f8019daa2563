package io.webserv.handlers.upload;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a file name a client sent into one that is safe to create in the upload directory (SPEC §5:
 * no directories, no {@code ..}), and derives the alternatives tried when that name is taken.
 *
 * <p>A client's name is a hint, nothing more: browsers send a bare name, but a hand-made request can
 * send a path with either separator, control characters, or a name no file system accepts. In order:
 * <ol>
 *   <li>Unicode is normalised to NFC (macOS sends NFD), then only the last segment after any {@code /}
 *       or {@code \} is kept: {@code ../../etc/passwd} becomes {@code passwd};</li>
 *   <li>control and format characters are dropped: NUL, C0, DEL, C1, line separators, lone surrogates,
 *       and bidi overrides such as U+202E, which dress {@code evil.exe} up as {@code exe.txt};</li>
 *   <li>the characters Windows refuses ({@code < > : " | ? *}) become {@code _}, so that a stored
 *       file can be copied anywhere;</li>
 *   <li>dots and spaces are trimmed from both ends: a stored name is never {@code .} or {@code ..},
 *       never a hidden file, and so never collides with the {@code .upload-*.part} temporary files;</li>
 *   <li>a Windows device name ({@code CON}, {@code NUL}, {@code COM1}…) gets a {@code _} prefix;</li>
 *   <li>the name is cut to {@value #MAX_BYTES} bytes of UTF-8, its extension kept, so that a unique
 *       suffix still fits in the 255 bytes most file systems allow;</li>
 *   <li>a name left empty becomes {@value #FALLBACK}.</li>
 * </ol>
 */
final class FileNames {

    /** The longest sanitised name, in bytes of UTF-8. */
    static final int MAX_BYTES = 200;
    /** The name of a file whose client name had nothing usable. */
    static final String FALLBACK = "upload";
    /** An extension longer than this is not one worth keeping when a name is cut. */
    private static final int MAX_EXTENSION_BYTES = 32;
    private static final String WINDOWS_INVALID = "<>:\"|?*";
    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private FileNames() {
    }

    /** A safe, non-empty file name for {@code clientName} (see the class comment). */
    static String sanitise(String clientName) {
        String name = Normalizer.normalize(clientName, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = trim(replaceInvalid(name));
        if (name.isEmpty()) {
            return FALLBACK;
        }
        if (isDeviceName(name)) {
            name = "_" + name;
        }
        return truncate(name);
    }

    /**
     * The {@code n}-th alternative of a sanitised name: {@code name} itself for 0, else {@code -n}
     * before the extension ({@code report.pdf} → {@code report-1.pdf}).
     */
    static String withSuffix(String name, long n) {
        if (n == 0) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
    }

    private static String replaceInvalid(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (WINDOWS_INVALID.indexOf(c) >= 0) {
                out.append('_');
            } else if (!isInvisible(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Without leading or trailing dots and spaces (of any kind). */
    private static String trim(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && isTrimmed(name.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmed(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(start, end);
    }

    private static boolean isTrimmed(char c) {
        return c == '.' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isDeviceName(String name) {
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).trim();
        return DEVICE_NAMES.contains(stem.toUpperCase(Locale.ROOT));
    }

    /** At most {@link #MAX_BYTES} bytes, cut between code points, the extension kept when it is short. */
    private static String truncate(String name) {
        if (utf8Length(name) <= MAX_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && utf8Length(name.substring(dot)) <= MAX_EXTENSION_BYTES ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        return cut(stem, MAX_BYTES - utf8Length(extension)) + extension;
    }

    private static String cut(String s, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < s.length()) {
            int c = s.codePointAt(end);
            int size = utf8Length(Character.toString(c));
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(c);
        }
        return s.substring(0, end);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
