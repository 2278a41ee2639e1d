package org.huzhu.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An HTTP test with one headless Chromium per test: opened before it, closed after it, and the
 * test fails if the page logged a script error meanwhile ({@link Browser#closeCheckingScripts}).
 * {@link #today} is the date in China, the date the console shows.
 */
abstract class BrowserTest extends ApiTest {

    protected static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    protected Browser session;
    protected ChromeDriver browser;
    protected WebDriverWait wait;
    protected LocalDate today;

    @BeforeEach
    void openBrowser() throws IOException {
        session = Browser.open(this::uri);
        browser = session.driver;
        wait = session.wait;
        today = today();
    }

    @AfterEach
    void closeBrowser() throws IOException {
        session.closeCheckingScripts();
    }
}
