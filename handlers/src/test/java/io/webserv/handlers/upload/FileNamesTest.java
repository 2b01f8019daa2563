package io.webserv.handlers.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FileNamesTest {

    static Stream<Arguments> names() {
        return Stream.of(
                arguments("plain", "report.pdf", "report.pdf"),
                arguments("inner spaces kept", "my holiday photo.jpg", "my holiday photo.jpg"),
                arguments("unix traversal", "../../etc/passwd", "passwd"),
                arguments("windows traversal", "..\\..\\windows\\win.ini", "win.ini"),
                arguments("mixed separators", "C:\\Users\\me/Desktop\\a.txt", "a.txt"),
                arguments("absolute path", "/etc/shadow", "shadow"),
                arguments("dot dot alone", "..", FileNames.FALLBACK),
                arguments("dot alone", ".", FileNames.FALLBACK),
                arguments("dots only", "....", FileNames.FALLBACK),
                arguments("path ending in a separator", "dir/", FileNames.FALLBACK),
                arguments("empty", "", FileNames.FALLBACK),
                arguments("spaces only", "   ", FileNames.FALLBACK),
                arguments("NUL inside", "a\0b.txt", "ab.txt"),
                arguments("NUL truncation trick", "shell.php\0.jpg", "shell.php.jpg"),
                arguments("control characters", "a\r\nb\tc\u007f\u0085d.txt", "abcd.txt"),
                arguments("bidi override", "invoice\u202Etxt.exe", "invoicetxt.exe"),
                arguments("zero width space", "a\u200Bb", "ab"),
                arguments("line separator", "a\u2028b", "ab"),
                arguments("lone surrogate", "a\uD800b", "ab"),
                arguments("windows-invalid characters", "a<b>c:d\"e|f?g*h.txt", "a_b_c_d_e_f_g_h.txt"),
                arguments("dotfile loses its dot", ".bashrc", "bashrc"),
                arguments("hidden traversal", "../.ssh/authorized_keys", "authorized_keys"),
                arguments("temporary name cannot be forged", ".upload-1234.part", "upload-1234.part"),
                arguments("trailing dots and spaces", "notes.txt. . ", "notes.txt"),
                arguments("leading spaces", "  a.txt", "a.txt"),
                arguments("no-break spaces trimmed", "\u00A0a.txt\u00A0", "a.txt"),
                arguments("windows device name", "CON", "_CON"),
                arguments("windows device name with extension", "nul.txt", "_nul.txt"),
                arguments("device name lookalike kept", "console.txt", "console.txt"),
                arguments("unicode kept", "résumé 履歴書.pdf", "résumé 履歴書.pdf"),
                arguments("NFD becomes NFC", "re\u0301sume\u0301.txt", "résumé.txt"),
                arguments("emoji kept", "\uD83D\uDE00.png", "\uD83D\uDE00.png"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void sanitises(String why, String clientName, String expected) {
        assertThat(FileNames.sanitise(clientName)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void neverYieldsADirectoryOrAHiddenName(String why, String clientName, String ignored) {
        String name = FileNames.sanitise(clientName);
        assertThat(name).isNotEmpty().doesNotContain("/", "\\", "\0").doesNotStartWith(".");
        assertThat(FileNames.sanitise(name)).as("sanitising is idempotent").isEqualTo(name);
    }

    @Test
    void cutsLongNamesKeepingTheExtension() {
        String name = FileNames.sanitise("a".repeat(300) + ".tar.gz");

        assertThat(name).endsWith("a.gz").startsWith("aaa");
        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(FileNames.MAX_BYTES);
    }

    @Test
    void cutsBetweenCodePointsNeverInsideOne() {
        String name = FileNames.sanitise("é".repeat(150) + ".txt"); // 2 bytes each: 304 bytes

        assertThat(name).endsWith("é.txt").isEqualTo("é".repeat(98) + ".txt");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_BYTES);
        String emoji = FileNames.sanitise("\uD83D\uDE00".repeat(60)); // 4 bytes each: 240 bytes, no extension
        assertThat(emoji).isEqualTo("\uD83D\uDE00".repeat(50));
    }

    @Test
    void dropsAnExtensionTooLongToBeOne() {
        String name = FileNames.sanitise("x." + "y".repeat(250));

        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(FileNames.MAX_BYTES);
        assertThat(name).startsWith("x.yyy");
    }

    @Test
    void aSuffixGoesBeforeTheExtension() {
        assertThat(FileNames.withSuffix("report.pdf", 0)).isEqualTo("report.pdf");
        assertThat(FileNames.withSuffix("report.pdf", 1)).isEqualTo("report-1.pdf");
        assertThat(FileNames.withSuffix("archive.tar.gz", 2)).isEqualTo("archive.tar-2.gz");
        assertThat(FileNames.withSuffix("README", 3)).isEqualTo("README-3");
        assertThat(FileNames.withSuffix("v1.2 notes", 12)).isEqualTo("v1-12.2 notes");
    }

    @Test
    void aSuffixedNameStillFitsTheFileSystem() {
        String longest = FileNames.sanitise("n".repeat(400) + ".txt");

        assertThat(FileNames.withSuffix(longest, Long.MAX_VALUE).getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(255);
    }
}
