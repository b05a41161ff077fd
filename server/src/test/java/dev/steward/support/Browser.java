package dev.steward.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver, pointed at the test server. Keeps
 * every message the browser's console printed, so a test can assert that no page broke the
 * Content-Security-Policy. Never uses Selenium Manager (no network).
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private final String base;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final List<String> console = new ArrayList<>();

    private Browser(String base, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.base = base;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /** Starts a fresh browser with an empty profile for the server on {@code https://localhost:port}. */
    public static Browser open(int port) {
        Path profile;
        try {
            profile = Files.createTempDirectory("steward-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--ignore-certificate-errors", "--disable-quic", "--no-first-run",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,1024", "--lang=en-US",
                        "--user-data-dir=" + profile);
        options.setAcceptInsecureCerts(true);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            return new Browser("https://localhost:" + port, profile, service, driver);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Loads a path of the server, waiting until the document has loaded. */
    public void go(String path) {
        driver.get(base + path);
    }

    /** The path (and query) of the page shown now. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public String title() {
        return driver.getTitle();
    }

    /** The HTTP status the current document was served with (Navigation Timing). */
    public int status() {
        Object s = script("return performance.getEntriesByType('navigation')[0].responseStatus;");
        return ((Number) s).intValue();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (up to a deadline) until an element matching the selector is visible. */
    public WebElement await(String css) {
        return new WebDriverWait(driver, DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits (up to a deadline) until the text of the element matching the selector is exactly {@code text}. */
    public void awaitText(String css, String text) {
        new WebDriverWait(driver, DEADLINE).withMessage(() -> css + " to read '" + text + "'")
                // htmx may swap the element while it is read, and a form's submission may replace the whole
                // document: Chromium then answers the read of the old node with an inspector error, not a stale one
                .ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> text.equals(e.getText().strip())));
    }

    /** Waits (up to a deadline) until the path of the page starts with {@code prefix}. */
    public void awaitPath(String prefix) {
        new WebDriverWait(driver, DEADLINE).withMessage(() -> "path to start with " + prefix + ", was " + path())
                .until(d -> path().startsWith(prefix));
    }

    /** Replaces the value of a field as a person would: select all, type. */
    public void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    /** Sets a date field (typing into one depends on the browser's locale). */
    public void setDate(String css, String isoDate) {
        script("arguments[0].value = arguments[1];", find(css), isoDate);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves a screenshot to {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every message the browser console printed since this browser started. */
    public List<String> consoleMessages() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(entry.getLevel() + " " + entry.getMessage());
        }
        return List.copyOf(console);
    }

    /** Console messages by which Chromium reports a Content-Security-Policy violation. */
    public List<String> cspViolations() {
        return consoleMessages().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
