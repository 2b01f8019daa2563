package io.webserv.e2e.support;

import io.webserv.it.support.TestFiles;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One copy of the demo site served by the built jar, and one browser, for a whole test class:
 * {@code @RegisterExtension static final DemoSiteInBrowser DEMO = new DemoSiteInBrowser();}. Started
 * before the class's own {@code @BeforeAll} methods, stopped (jar, browser, temporary copy) after it.
 */
public final class DemoSiteInBrowser implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private DemoSite site;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("webserv-e2e-");
        site = DemoSite.start(dir.resolve("demo"));
        browser = Browser.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try (DemoSite closing = site) {
            if (browser != null) {
                browser.close();
            }
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    /** {@return the running demo site} */
    public DemoSite site() {
        return site;
    }

    /** {@return the browser, shared by the class's tests (cookies and cache carry over)} */
    public Browser browser() {
        return browser;
    }
}
