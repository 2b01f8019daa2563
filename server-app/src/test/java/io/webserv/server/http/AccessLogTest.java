package io.webserv.server.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What goes into an access-log field: escaped so that it cannot forge a line, and cut when long. */
class AccessLogTest {

    @Test
    void escapesQuotesBackslashesAndControls() {
        assertThat(AccessLog.escape("a\"b\\c\td\u007f")).isEqualTo("a\\\"b\\\\c\\x09d\\x7f");
        assertThat(AccessLog.escape(null)).isEqualTo("-");
    }

    @Test
    void cutsALongFieldWhateverItsEscapesCost() {
        // A head of tabs: each escaped as four characters. A queued line must stay small.
        String cut = AccessLog.escape("\t".repeat(16 * 1024));

        assertThat(cut.length()).isLessThanOrEqualTo(AccessLog.MAX_FIELD_CHARS + 3 + 3);
        assertThat(cut).startsWith("\\x09\\x09").endsWith("\\x09...");
        assertThat(AccessLog.escape("u".repeat(AccessLog.MAX_FIELD_CHARS))).hasSize(AccessLog.MAX_FIELD_CHARS);
    }
}
