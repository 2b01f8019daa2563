package io.webserv.e2e;

import io.webserv.e2e.support.Browser;
import io.webserv.e2e.support.DemoSite;
import io.webserv.e2e.support.DemoSiteInBrowser;
import io.webserv.e2e.support.NetworkLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live dashboard of the status module (docs/observability.md) on the demo site, in headless
 * Chromium: under a short load from another client its figures and charts move, with every poll of
 * the JSON view answered and no console error. The last page is saved as
 * target/screenshots/dashboardMovesUnderLoad.png.
 */
class StatusDashboardTest {

    @RegisterExtension
    static final DemoSiteInBrowser DEMO = new DemoSiteInBrowser();
    private static DemoSite site;
    private static Browser browser;

    @BeforeAll
    static void useTheDemo() {
        site = DEMO.site();
        browser = DEMO.browser();
    }

    @Test
    void dashboardMovesUnderLoad() throws Exception {
        browser.open(site.url("/status"));
        browser.await("the first samples drawn", d -> !requestsPerSecondPath().isEmpty());
        String idle = requestsPerSecondPath();

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        Thread load = new Thread(() -> sendUntilStopped(loading, sent), "dashboard-load");
        load.start();
        try {
            browser.await(() -> "requests per second shown under load (" + sent.get() + " sent), now "
                    + text("now-rps"), d -> number(text("now-rps")) >= 20);
            browser.await("the requests chart redrawn with the load", d -> !requestsPerSecondPath().equals(idle));
            browser.await("the latency chart drawn", d -> !driver().findElements(By.cssSelector("#chart-lat path.s1")).isEmpty());
        } finally {
            loading.set(false);
            load.join();
        }
        browser.screenshot("dashboardMovesUnderLoad");

        NetworkLog network = browser.network();
        assertThat(network.matching(e -> e.url().endsWith("/status?format=json"))).as("polls of the JSON view:%s", network)
                .isNotEmpty().allSatisfy(poll -> assertThat(poll.status()).isEqualTo(200));
        assertThat(network.failures()).as("failed requests:%s", network).isEmpty();
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }

    /** Keep-alive GETs of the home page, one after another, until told to stop (at most 30 s). */
    private static void sendUntilStopped(AtomicBoolean loading, AtomicLong sent) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(site.url("/index.html"))).build();
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (loading.get() && Instant.now().isBefore(end)) {
            try {
                client.send(request, HttpResponse.BodyHandlers.discarding());
                sent.incrementAndGet();
            } catch (Exception e) {
                return; // the test fails on its own waits
            }
        }
    }

    private static org.openqa.selenium.WebDriver driver() {
        return browser.driver();
    }

    private static String requestsPerSecondPath() {
        return driver().findElements(By.cssSelector("#chart-rps path.s0")).stream()
                .map(path -> path.getDomAttribute("d")).filter(d -> d != null).findFirst().orElse("");
    }

    private static String text(String id) {
        return driver().findElement(By.id(id)).getText();
    }

    private static double number(String shown) {
        try {
            return Double.parseDouble(shown.trim());
        } catch (NumberFormatException e) {
            return -1; // "–" before the second sample
        }
    }
}
