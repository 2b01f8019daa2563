package io.webserv.server.http;

import org.junit.jupiter.api.Test;

import static io.webserv.server.http.AccessEntries.CLIENT;
import static io.webserv.server.http.AccessEntries.TIME;
import static io.webserv.server.http.AccessEntries.entry;
import static io.webserv.server.http.AccessEntries.head;
import static io.webserv.server.http.AccessEntries.server;
import static org.assertj.core.api.Assertions.assertThat;

/** The combined format: its fields, and escaped so that a field cannot forge a line, and cut when long. */
class CombinedLineTest {

    private final CombinedLine format = new CombinedLine();

    @Test
    void writesTheCombinedFields() {
        String line = format.format(entry(head("GET /a?b=c HTTP/1.1\r\nHost: x\r\nReferer: http://r/\r\n"
                + "User-Agent: probe/1\r\n\r\n"), server("x")));

        assertThat(line).isEqualTo("203.0.113.7 - - [25/Nov/2026:10:15:30 +0000] \"GET /a?b=c HTTP/1.1\" 200 5 "
                + "\"http://r/\" \"probe/1\"");
    }

    @Test
    void writesADashForWhatIsUnknown() {
        assertThat(format.format(new AccessEntry(null, null, null, 400, 0, 0, TIME)))
                .isEqualTo("- - - [25/Nov/2026:10:15:30 +0000] \"-\" 400 0 \"-\" \"-\"");
        assertThat(format.format(new AccessEntry(CLIENT, head("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), null, 404, 9, 0, TIME)))
                .endsWith("\"GET / HTTP/1.1\" 404 9 \"-\" \"-\"");
    }

    @Test
    void escapesQuotesBackslashesAndControls() {
        assertThat(CombinedLine.escape("a\"b\\c\td\u007f\u0000")).isEqualTo("a\\\"b\\\\c\\x09d\\x7f\\x00");
        assertThat(CombinedLine.escape(null)).isEqualTo("-");
    }

    @Test
    void cutsALongFieldWhateverItsEscapesCost() {
        // A head of tabs: each escaped as four characters. A queued line must stay small.
        String cut = CombinedLine.escape("\t".repeat(16 * 1024));

        assertThat(cut.length()).isLessThanOrEqualTo(LogText.MAX_FIELD_CHARS + 3 + 3);
        assertThat(cut).startsWith("\\x09\\x09").endsWith("\\x09...");
        assertThat(CombinedLine.escape("u".repeat(LogText.MAX_FIELD_CHARS))).hasSize(LogText.MAX_FIELD_CHARS);
    }
}
