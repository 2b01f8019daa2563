package io.webserv.status;

import org.junit.jupiter.api.Test;

import static io.webserv.status.Snapshots.START;
import static org.assertj.core.api.Assertions.assertThat;

class DashboardTest {

    private final String html = Dashboard.html(Snapshots.sample(), Snapshots.jvm(), START.plusSeconds(90));

    @Test
    void isSelfContained() {
        assertThat(html).startsWith("<!DOCTYPE html>")
                .doesNotContainPattern("(?i)<script[^>]+src=")
                .doesNotContainPattern("(?i)<link[^>]+href=")
                .doesNotContainPattern("(?i)https?://")
                .doesNotContain("__TABLES__").doesNotContain("__UPTIME__");
    }

    @Test
    void rendersTheFiguresAsTablesForBrowsersWithoutJavaScript() {
        assertThat(html)
                .contains("<td data-k=\"connections.open\">3</td>")
                .contains("<td data-k=\"connections.rejected\">7</td>")
                .contains("<th data-k=\"requests\">5321</th>")
                .contains("<th data-k=\"requests_by_class.2xx\">5300</th>")
                .contains("<tr><td>404</td><td>20</td></tr>")
                .contains("<td data-k=\"requests_by_method_and_class.GET.4xx\">20</td>")
                .contains("<td data-k=\"timeouts.keep_alive\">9</td>")
                .contains("<td data-ms=\"duration_seconds.p99\">2.34 ms</td>")
                .contains("<b data-k=\"uptime_seconds\">90</b>")
                .contains("<noscript>");
    }
}
