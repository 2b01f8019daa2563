package io.webserv.config;

import static io.webserv.config.ErrorReportingTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import io.webserv.config.model.AccessLog;
import io.webserv.config.model.AccessLog.Format;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code access_log}: a destination alone (combined format), or a map of destination and format. */
class AccessLogConfigTest {

    private static final Path FILE = Path.of("/etc/webserv/site.yaml");

    private static AccessLog accessLog(String value) throws ConfigException {
        return ConfigLoader.parse("access_log: " + value + "\nservers:\n  - root: www\n", FILE).accessLog();
    }

    @Test
    void aDestinationAloneWritesTheCombinedFormat() throws Exception {
        assertThat(accessLog("stdout")).isEqualTo(AccessLog.STDOUT);
        assertThat(accessLog("off")).isEqualTo(AccessLog.OFF);
        assertThat(accessLog("false")).isEqualTo(AccessLog.OFF);
        assertThat(accessLog("logs/access.log")).isEqualTo(AccessLog.file(Path.of("/etc/webserv/logs/access.log")));
        assertThat(accessLog("logs/access.log").format()).isEqualTo(Format.COMBINED);
    }

    @Test
    void theMapFormNamesDestinationAndFormat() throws Exception {
        assertThat(accessLog("{ to: logs/access.json, format: json }"))
                .isEqualTo(AccessLog.file(Path.of("/etc/webserv/logs/access.json")).withFormat(Format.JSON));
        assertThat(accessLog("{ to: stdout, format: combined }")).isEqualTo(AccessLog.STDOUT);
        assertThat(accessLog("{ to: off, format: json }")).isEqualTo(AccessLog.OFF.withFormat(Format.JSON));
    }

    @Test
    void eachKeyOfTheMapHasItsDefault() throws Exception {
        assertThat(accessLog("{ format: json }")).isEqualTo(AccessLog.STDOUT.withFormat(Format.JSON));
        assertThat(accessLog("{ to: /var/log/a.log }")).isEqualTo(AccessLog.file(Path.of("/var/log/a.log")));
        assertThat(accessLog("{}")).isEqualTo(AccessLog.STDOUT);
    }

    @Test
    void badValuesAndUnknownKeysAreErrorsAtTheirPosition() {
        assertThat(errors("""
                access_log:
                  to: yes
                  format: xml
                  rotate: daily
                servers:
                  - root: www
                """)).containsExactly(
                "conf/bad.yaml:2:7: 'to' must be stdout, off or a file path (got a boolean)",
                "conf/bad.yaml:3:11: 'format' must be combined or json (got 'xml')",
                "conf/bad.yaml:4:3: unknown key 'rotate' (expected one of: to, format)");
        assertThat(errors("""
                access_log: [stdout]
                servers:
                  - root: www
                """)).containsExactly("conf/bad.yaml:1:13: 'access_log' must be a string (got a list)");
        assertThat(errors("""
                access_log: { to: [a, b] }
                servers:
                  - root: www
                """)).containsExactly("conf/bad.yaml:1:19: 'to' must be a string (got a list)");
    }
}
