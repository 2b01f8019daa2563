package io.webserv.e2e;

import io.webserv.e2e.support.Browser;
import io.webserv.e2e.support.DemoSite;
import io.webserv.e2e.support.DemoSiteInBrowser;
import io.webserv.e2e.support.NetworkLog;
import io.webserv.e2e.support.NetworkLog.Exchange;
import io.webserv.it.support.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo site (demo/) as a visitor uses it, in headless Chromium: each test is one journey through
 * the pages, and checks what the browser saw — the page, and in its network log every request's
 * status — as well as the server's side where there is one (the uploads on disk). One server and one
 * browser (one profile: cookies and cache carry over) for all the journeys; each journey's last page is
 * saved as target/screenshots/NAME.png.
 */
class DemoSiteJourneysTest {

    /** The header's background colour in demo/www/style.css: there only if the stylesheet applied. */
    private static final String STYLED_HEADER = "rgba(29, 35, 48, 1)";

    @RegisterExtension
    static final DemoSiteInBrowser DEMO = new DemoSiteInBrowser();
    private static DemoSite site;
    private static Browser browser;

    @BeforeAll
    static void useTheDemo() {
        site = DEMO.site();
        browser = DEMO.browser();
    }

    @BeforeEach
    void startWithEmptyLogs() {
        browser.forgetLogs();
    }

    @AfterEach
    void screenshot(TestInfo test) throws Exception {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void homePageLoadsWithEveryStylesheetScriptAndImage() {
        openHome();

        NetworkLog network = browser.awaitEnded(site.url("/uploads/"));
        assertThat(network.exchanges()).extracting(Exchange::url).as("requests of the home page:%s", network)
                .contains(site.url("/"), site.url("/style.css"), site.url("/app.js"), site.url("/logo.svg"), site.url("/uploads/"));
        assertThat(network.failures()).as("failed requests of the home page:%s", network).isEmpty();
        assertThat(network.unfitMediaTypes()).as("resources of a media type the browser refuses:%s", network).isEmpty();
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
        assertThat(driver().findElement(By.tagName("header")).getCssValue("background-color"))
                .as("the header styled by /style.css").isEqualTo(STYLED_HEADER);
        assertThat(driver().findElement(By.cssSelector("header img")).getDomProperty("naturalWidth"))
                .as("the logo decoded").isNotEqualTo("0");
    }

    @Test
    void followsTheRedirectFromOldPageToTheHomePage() {
        openHome();
        browser.forgetLogs();

        driver().findElement(By.linkText("A redirect")).click();
        browser.await("the page after /old-page", d -> d.getCurrentUrl().equals(site.url("/index.html")));

        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("webserv demo");
        NetworkLog network = browser.awaitExchange(site.url("/index.html"), 200);
        assertThat(network.of(site.url("/old-page"))).extracting(Exchange::status).as("the redirect:%s", network)
                .containsExactly(301);
        assertThat(network.failures()).as("failed requests:%s", network).isEmpty();
    }

    @Test
    void browsesTheFilesListingIntoASubdirectoryAndBackUp() {
        openHome();

        driver().findElement(By.linkText("A directory listing")).click();
        awaitHeading("Index of /files/");
        assertThat(linkTexts()).contains("docs/", "data.json", "readme.txt");

        driver().findElement(By.linkText("docs/")).click();
        awaitHeading("Index of /files/docs/");
        assertThat(linkTexts()).containsExactly("../", "guide.md");

        driver().findElement(By.linkText("../")).click();
        awaitHeading("Index of /files/");
        assertThat(driver().getCurrentUrl()).isEqualTo(site.url("/files/"));
        NetworkLog network = browser.network();
        assertThat(network.failures()).as("failed requests:%s", network).isEmpty();
    }

    @Test
    void uploadsTwoFilesThroughTheFormThenDeletesOneFromThePage(@TempDir Path files) throws Exception {
        Path note = TestFiles.write(files, "note for ada.txt", "uploaded by the browser\n");
        Path large = TestFiles.large(files, "large.bin", 5 * 1024 * 1024);
        openHome();

        driver().findElement(By.cssSelector("#upload input[type=file]")).sendKeys(note + "\n" + large);
        driver().findElement(By.cssSelector("#upload button")).click();
        browser.await(() -> "both uploads listed; the page lists " + storedNames() + ", the directory holds "
                + TestFiles.names(site.uploads()), d -> storedNames().containsAll(List.of("note for ada.txt", "large.bin")));

        assertThat(Files.mismatch(note, site.uploads().resolve("note for ada.txt"))).as("the note on disk").isEqualTo(-1);
        assertThat(Files.mismatch(large, site.uploads().resolve("large.bin"))).as("the 5 MiB file on disk").isEqualTo(-1);
        NetworkLog network = browser.awaitExchange(site.url("/uploads"), 201);
        assertThat(network.matching(e -> e.method().equals("POST"))).extracting(Exchange::status)
                .as("the upload:%s", network).containsExactly(201);

        WebElement noteEntry = driver().findElement(By.xpath("//ul[@id='stored']/li[a[text()='note for ada.txt']]"));
        noteEntry.findElement(By.tagName("button")).click();
        browser.await(() -> "the note gone from the list; the page lists " + storedNames(),
                d -> !storedNames().contains("note for ada.txt"));

        assertThat(storedNames()).containsExactly("large.bin");
        assertThat(TestFiles.names(site.uploads())).as("the uploads on disk").doesNotContain("note for ada.txt").contains("large.bin");
        network = browser.awaitExchange(site.url("/uploads/note%20for%20ada.txt"), 204);
        assertThat(network.matching(e -> e.method().equals("DELETE"))).extracting(Exchange::status)
                .as("the delete:%s", network).containsExactly(204);
        assertThat(network.failures()).as("failed requests:%s", network).isEmpty();
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }

    @Test
    void submitsTheCgiFormByGetAndByPost() {
        browser.open(site.url("/cgi-bin/"));
        driver().findElement(By.linkText("form.py")).click();
        awaitHeading("Form echo (GET)");

        fillAndSend("GET", "Grace", "blue");
        browser.await("the GET answer", d -> echoedFields().contains("name=Grace"));
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Form echo (GET)");
        assertThat(driver().getCurrentUrl()).endsWith("/cgi-bin/form.py?name=Grace&color=blue");
        assertThat(echoedFields()).containsExactly("name=Grace", "color=blue");

        fillAndSend("POST", "Linus", "red & <gold>");
        awaitHeading("Form echo (POST)");
        assertThat(echoedFields()).containsExactly("name=Linus", "color=red & <gold>");
        assertThat(driver().getCurrentUrl()).isEqualTo(site.url("/cgi-bin/form.py"));
        NetworkLog network = browser.awaitExchange(site.url("/cgi-bin/form.py"), 200);
        assertThat(network.matching(e -> e.method().equals("POST"))).extracting(Exchange::status)
                .as("the POST:%s", network).containsExactly(200);
        assertThat(network.failures()).as("failed requests:%s", network).isEmpty();
    }

    @Test
    void logsInThroughTheSessionCgiAndIsStillLoggedInAfterAReload() {
        browser.open(site.url("/cgi-bin/login.py"));
        driver().findElement(By.name("name")).sendKeys("ada");
        driver().findElement(By.name("password")).sendKeys("demo");
        driver().findElement(By.xpath("//button[text()='log in']")).click();
        browser.await("logged in", d -> greeting().startsWith("Hello ada: visit number 1"));
        assertThat(driver().manage().getCookieNamed("sid")).as("the session cookie").isNotNull();

        driver().navigate().refresh();
        browser.await("still logged in after a reload", d -> greeting().startsWith("Hello ada: visit number 2"));

        NetworkLog network = browser.network();
        assertThat(network.matching(e -> e.method().equals("POST"))).extracting(Exchange::status)
                .as("the login, answered by a redirect to the page:%s", network).containsExactly(303);
        assertThat(network.failures()).as("failed requests:%s", network).isEmpty();
    }

    @Test
    void showsTheCustomErrorPageWithStatus404ForAMissingPage() {
        openHome();
        browser.forgetLogs();

        driver().findElement(By.linkText("A missing page")).click();
        awaitHeading("404: nothing here");

        browser.awaitExchange(site.url("/no-such-page"), 404);
        NetworkLog network = browser.awaitEnded(site.url("/style.css"));
        assertThat(network.failures()).as("only the page failed:%s", network).extracting(Exchange::url)
                .containsExactly(site.url("/no-such-page"));
        assertThat(network.unfitMediaTypes()).as("resources of a media type the browser refuses:%s", network).isEmpty();
        assertThat(driver().findElement(By.tagName("section")).getCssValue("background-color"))
                .as("the error page styled by /style.css").isEqualTo("rgba(255, 255, 255, 1)");
    }

    @Test
    void revalidatesTheHomePageOnReloadWith304() {
        openHome();
        browser.forgetLogs();

        driver().navigate().refresh();

        NetworkLog network = browser.awaitExchange(site.url("/"), 304);
        assertThat(network.failures()).as("failed requests:%s", network).isEmpty();
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("webserv demo");
    }

    /** Opens the home page and waits for its script to have listed the uploads. */
    private static void openHome() {
        browser.open(site.url("/"));
        browser.await("the uploads listed by /app.js", d -> !d.findElement(By.id("stored")).getText().startsWith("loading"));
    }

    private static WebDriver driver() {
        return browser.driver();
    }

    private static void awaitHeading(String text) {
        browser.await("a page headed '" + text + "'", d -> d.findElement(By.tagName("h1")).getText().equals(text));
    }

    private static List<String> linkTexts() {
        return driver().findElements(By.tagName("a")).stream().map(WebElement::getText).toList();
    }

    /** The file names the home page lists under "Stored files". */
    private static List<String> storedNames() {
        return driver().findElements(By.cssSelector("#stored li a")).stream().map(WebElement::getText).toList();
    }

    /** Fills the form.py form that sends by {@code method}, and sends it. */
    private static void fillAndSend(String method, String name, String color) {
        WebElement form = driver().findElement(By.cssSelector("form[method=" + method + "]"));
        form.findElement(By.name("name")).sendKeys(name);
        form.findElement(By.name("color")).sendKeys(color);
        form.findElement(By.tagName("button")).click();
    }

    /** The fields form.py echoed, as name=value. */
    private static List<String> echoedFields() {
        return driver().findElements(By.cssSelector("table tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .filter(cells -> cells.size() == 2)
                .map(cells -> cells.get(0) + "=" + cells.get(1)).toList();
    }

    /** The login page's first paragraph: the greeting when logged in. */
    private static String greeting() {
        return driver().findElement(By.tagName("p")).getText();
    }
}
