package io.webserv.e2e.support;

import io.webserv.it.support.TestFiles;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven through its chromedriver, with a fresh profile of its own, and
 * what the page did as the browser saw it: every request and its status ({@link #network()}, from
 * Chrome's performance log) and the console's errors ({@link #consoleErrors()}, from its browser log).
 * Both logs come through ChromeDriver's {@code goog:loggingPrefs}, which works with any Chrome version
 * (no DevTools binding of a given version is needed). {@link #close()} quits the browser and deletes
 * the profile.
 */
public final class Browser implements AutoCloseable {

    /** How long any wait for the page lasts before the test fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(20);

    private static final Path CHROMIUM = Path.of(System.getProperty("webserv.e2e.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("webserv.e2e.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("webserv.e2e.screenshots", "target/screenshots"));

    /**
     * For a machine without a network: no background requests, updates, sync or QUIC that would add
     * to the network log or wait for a time-out; no sandbox (CI runs as root); one window size, so
     * screenshots compare.
     */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--window-size=1280,900");

    private final ChromeDriver driver;
    private final Path profile;
    private NetworkLog network = new NetworkLog();
    private final List<String> consoleErrors = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts headless Chromium with a new, empty profile in a temporary directory. */
    public static Browser start() throws IOException {
        for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(program)) {
                throw new IllegalStateException(program + " is missing: apt-get install chromium chromium-driver");
            }
        }
        Path profile = Files.createTempDirectory("webserv-e2e-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        // The driver given by path: Selenium Manager (which would look for one on the network) stays out.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        try {
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
    }

    /** The driver, to find elements and act on the page. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code url} and returns once the page has loaded (its {@code load} event). */
    public void open(String url) {
        driver.get(url);
    }

    /**
     * Waits until {@code condition} gives a value that is neither null nor false, and returns it.
     *
     * @throws org.openqa.selenium.TimeoutException saying {@code what} was awaited, after {@link #PATIENCE}
     */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return await(() -> what, condition);
    }

    /**
     * Waits as {@link #await(String, Function)} does, {@code what} evaluated only for the failure's message.
     * An element replaced while the condition looked at it (the page re-rendered a list, or a form's
     * answer replaced the document) counts as not yet.
     */
    public <T> T await(Supplier<String> what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE, POLL).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(d -> unlessDocumentReplaced(condition, d));
    }

    /**
     * The condition's value, or null (not yet) when an element it looked at left with its document: a
     * navigation under way. ChromeDriver reports that as a stale element, or (seen with 156) as an
     * inspector error naming a node that "does not belong to the document".
     */
    private static <T> T unlessDocumentReplaced(Function<WebDriver, T> condition, WebDriver driver) {
        try {
            return condition.apply(driver);
        } catch (WebDriverException e) {
            if (!(e instanceof StaleElementReferenceException) && String.valueOf(e.getMessage()).contains(
                    "does not belong to the document")) {
                return null;
            }
            throw e;
        }
    }

    /** Every request since the last {@link #forgetLogs()}, as far as the browser has reported them. */
    public NetworkLog network() {
        readLogs();
        return network;
    }

    /**
     * Waits until the network log has an exchange for {@code url} with {@code status}; the log comes
     * a little after the page shows what the exchange brought.
     */
    public NetworkLog awaitExchange(String url, int status) {
        return awaitExchange(url + " answered " + status, url, exchange -> exchange.status() == status);
    }

    /** Waits until the network log has an exchange for {@code url} that has {@link NetworkLog.Exchange#ended() ended}. */
    public NetworkLog awaitEnded(String url) {
        return awaitExchange(url + " ended", url, NetworkLog.Exchange::ended);
    }

    private NetworkLog awaitExchange(String what, String url, Predicate<NetworkLog.Exchange> wanted) {
        await(() -> what + " in the network log:" + network, d -> network().of(url).stream().anyMatch(wanted));
        return network;
    }

    /** The console's errors since the last {@link #forgetLogs()} (a script's exception, a refused resource...). */
    public List<String> consoleErrors() {
        readLogs();
        return List.copyOf(consoleErrors);
    }

    /** Drops what both logs hold so far: what comes after is the next action's alone. */
    public void forgetLogs() {
        readLogs();
        network = new NetworkLog();
        consoleErrors.clear();
    }

    /** Chrome hands each log entry out once: this moves the new ones into {@link #network} and {@link #consoleErrors}. */
    private void readLogs() {
        Json json = new Json();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = json.toType(entry.getMessage(), Json.MAP_TYPE);
            @SuppressWarnings("unchecked")
            Map<String, Object> event = (Map<String, Object>) message.get("message");
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) event.get("params");
            network.add((String) event.get("method"), params);
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
    }

    /** Saves what the window shows as {@code name}.png in the screenshot directory (target/screenshots). */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        return Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Quits the browser and deletes its profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            TestFiles.deleteTree(dir);
        } catch (IOException | UncheckedIOException e) {
            // a file Chromium still wrote while it exited: the temporary directory's owner cleans up
        }
    }
}
