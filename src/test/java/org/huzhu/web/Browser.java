package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, with its own chromedriver; nothing is downloaded) for the
 * console's browser tests: its own profile under target/tmp, a patient wait, logging in through
 * the login form, screenshots, phone emulation, and on close a check that no script failed.
 * One browser serves the run's tests in turn ({@link #reused}), cleared between them as a new one
 * would be; a test that needs a browser of its own beside it {@link #open}s one.
 */
final class Browser {

    static final Path TMP = Path.of("target", "tmp");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The tallest full-page screenshot, in CSS pixels: ten screens of the 900 px desktop window, about eleven of a phone's 844. */
    static final int SCREENSHOT_HEIGHT = 9000;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /**
     * How often a wait asks the page again. Selenium's default, half a second, kept a page that had answered in 30 ms
     * waiting out the rest of it: four browser classes alone took 185 s with it, 160 s with this.
     */
    private static final Duration POLL = Duration.ofMillis(50);
    static final String BROWSER_TIME_ZONE = "Pacific/Honolulu";
    private static final Dimension WINDOW = new Dimension(1440, 900);

    private static Browser reusable;

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;
    private Function<String, URI> uri;
    /** Every origin a test reached through {@link #url}: what {@link #clear} clears. */
    private final Set<String> origins = new LinkedHashSet<>();

    private Browser(ChromeDriver driver, Path profile, Function<String, URI> uri) {
        this.driver = driver;
        this.profile = profile;
        this.uri = uri;
        this.wait = waitUpTo(PATIENCE);
    }

    /** A wait of this browser for up to {@code patience}, asking every {@link #POLL}: {@link #wait}'s, longer for slow work. */
    WebDriverWait waitUpTo(Duration patience) {
        return new PageWait(driver, patience);
    }

    /**
     * A wait that takes Chromium's "node with given id does not belong to the document" and "aborted by navigation" for
     * what they are, a question put to a page the browser is leaving, and asks again as it does for a stale element.
     * Chromium reports the first as an unknown error when the page navigates between finding an element and asking
     * about it (the payment provider's page, CI 2026-12-02, MemberEnrolBrowserTest), the second when a search runs while
     * the old page unloads (the console after logging in, CI 2026-12-03, AccountsBrowserTest).
     */
    static final class PageWait extends WebDriverWait {
        PageWait(WebDriver driver, Duration patience) {
            super(driver, patience, POLL);
            ignoring(StaleElementReferenceException.class);
        }

        @Override
        public <V> V until(Function<? super WebDriver, ? extends V> isTrue) {
            return super.until(page -> {
                try {
                    return isTrue.apply(page);
                } catch (WebDriverException e) {
                    if (leftTheDocument(e)) throw new StaleElementReferenceException("the page navigated on", e);
                    throw e;
                }
            });
        }

        private static boolean leftTheDocument(WebDriverException e) {
            String message = e.getMessage();
            return !(e instanceof StaleElementReferenceException) && message != null
                    && (message.contains("does not belong to the document") || message.contains("aborted by navigation"));
        }
    }

    /** Starts a browser; {@code uri} turns an application path into an address (ApiTest::uri). */
    static Browser open(Function<String, URI> uri) throws IOException {
        // One chromedriver per browser: quitting a ChromeDriver also stops its driver service.
        Files.createDirectories(TMP);
        Path profile = Files.createTempDirectory(TMP, "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + WINDOW.width + "," + WINDOW.height, "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // nothing a test typed is offered back to the next one that the browser serves
        options.setExperimentalOption("prefs", Map.of("credentials_enable_service", false,
                "profile.password_manager_enabled", false, "autofill.profile_enabled", false));
        // The browser lives 18 hours behind China (UTC-10): a business date taken from the browser's
        // clock would differ from the server's for most of the day, and the tests would see it.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .withEnvironment(Map.of("TZ", BROWSER_TIME_ZONE, "LANGUAGE", "zh_CN:zh"))   // a headless Chromium takes its language from here, not --lang
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), profile, uri);
    }

    /**
     * The run's browser for one test, as a new one would be: no page, no cookies, no stored data or cached files of the
     * origins earlier tests reached, no blocked addresses, a desktop window; the first call, or one after a test left
     * the browser unusable, starts it. It is quit when the test JVM ends. Starting Chromium costs about two seconds; the
     * browser tests would spend minutes on it.
     */
    static synchronized Browser reused(Function<String, URI> uri) throws IOException {
        if (reusable != null) {
            try {
                reusable.clear();
                reusable.uri = uri;
                return reusable;
            } catch (WebDriverException unusable) {
                quitReusable();
            }
        } else {
            Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitReusable));
        }
        reusable = open(uri);
        return reusable;
    }

    private static synchronized void quitReusable() {
        if (reusable == null) return;
        try {
            reusable.quit();
        } catch (IOException | WebDriverException ignored) {
            // the JVM is ending: a browser that will not quit goes with it
        }
    }

    private void clear() {
        try {
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException none) {
            // the usual case
        }
        driver.get("about:blank");
        for (String origin : origins) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());   // of any origin, reached through url or not
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        driver.executeCdpCommand("Network.disable", Map.of());   // and with it the addresses a test blocked
        desktop();
        driver.manage().window().setSize(WINDOW);
        driver.manage().logs().get(LogType.BROWSER);   // what came before is not the next test's
    }

    /**
     * Fails when a script logged an error (requests the API refused on purpose, which the browser
     * logs as "Failed to load resource", excepted), then quits the browser and removes its profile.
     */
    void closeCheckingScripts() throws IOException {
        try {
            assertNoScriptErrors();
        } finally {
            quit();
        }
    }

    /** As {@link #closeCheckingScripts}, leaving the {@link #reused} browser open for the next test. */
    void releaseCheckingScripts() {
        assertNoScriptErrors();
    }

    private void assertNoScriptErrors() {
        List<String> scriptErrors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource"))
                .toList();
        assertThat(scriptErrors).as("JavaScript errors in the console").isEmpty();
    }

    private void quit() throws IOException {
        if (this == reusable) reusable = null;
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    String url(String path) {
        URI address = uri.apply(path);
        origins.add(address.getScheme() + "://" + address.getRawAuthority());
        return address.toString();
    }

    void logIn(String user) {
        driver.get(url("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-submit")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("login-submit")).click();
        presentAfterNavigation(By.cssSelector("#nav a"));
        presentAfterNavigation(By.cssSelector("#main .section"));
    }

    /**
     * Waits for an element of the page a click is navigating to; a search Chrome aborts while the old page unloads found
     * nothing yet ({@link PageWait}).
     */
    void presentAfterNavigation(By locator) {
        wait.until(d -> !d.findElements(locator).isEmpty());
    }

    List<String> navSections() {
        return driver.findElements(By.cssSelector("#nav a")).stream().map(a -> a.getDomAttribute("data-section")).toList();
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        driver.executeScript("document.querySelector('.toasts')?.replaceChildren()");
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The whole page, not only what the window shows, down to {@link #SCREENSHOT_HEIGHT} CSS pixels: a page longer than
     * that is a list a person scrolls, and its top says what it looks like (the bills page's 118 unconfirmed payments
     * as cards on a phone were 65,000 pixels tall, 18 seconds of the suite for one picture).
     */
    @SuppressWarnings("unchecked")
    void fullPageScreenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        driver.executeScript("document.querySelector('.toasts')?.replaceChildren(); window.scrollTo(0, 0)");
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double height = Math.min(((Number) size.get("height")).doubleValue(), SCREENSHOT_HEIGHT);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", size.get("width"),
                        "height", height, "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }

    /**
     * Runs axe-core in the page as it is now and fails on any WCAG 2.1 A or AA violation, naming the rule, its help
     * text and the elements it found; {@code screen} says which screen was checked.
     */
    void assertAccessible(String screen) {
        assertAccessible(screen, List.of());
    }

    /** As {@link #assertAccessible(String)}, checking only the parts of the page the selectors name (all of it when none). */
    void assertAccessible(String screen, List<String> within) {
        AxeBuilder axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"));
        for (String part : within) axe.include(part);
        Results results = axe.analyze(driver);
        assertThat(results.isErrored()).as("axe-core could not run on %s: %s", screen, results.getErrorMessage()).isFalse();
        List<String> violations = results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
        assertThat(violations).as("WCAG 2.1 AA violations on %s", screen).isEmpty();
    }

    /**
     * The page on a 390 px phone, then on a 1366 px wide desktop window ({@code name}-390.png and {@code name}-1366.png);
     * the phone is emulated again afterwards. A page shown on the desktop is put on the phone first.
     */
    void phoneAndDesktopScreenshots(String name) throws IOException {
        phone();
        fullPageScreenshot(name + "-390.png");
        desktop();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        fullPageScreenshot(name + "-1366.png");
        phone();
    }

    /** Emulates a 390 × 844 phone until {@link #desktop()}. */
    void phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
}
