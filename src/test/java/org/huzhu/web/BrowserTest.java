package org.huzhu.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.support.ApiTest;
import org.huzhu.support.TextedCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An HTTP test with a headless Chromium: the run's one browser, cleared before the test as a new one would be
 * ({@link Browser#reused}), and the test fails if the page logged a script error meanwhile
 * ({@link Browser#releaseCheckingScripts}).
 * {@link #today} is the date in China, the date the console shows.
 */
abstract class BrowserTest extends ApiTest {

    protected static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    protected Browser session;
    protected ChromeDriver browser;
    protected WebDriverWait wait;
    protected LocalDate today;
    /** The console's work lists shown a page at a time, as this browser shows them. */
    protected PagedLists pages;

    @BeforeEach
    void openBrowser() throws IOException {
        session = Browser.reused(this::uri);
        browser = session.driver;
        wait = session.wait;
        today = today();
        pages = new PagedLists(session);
    }

    /**
     * Opens the member app on a 390 × 844 phone and signs in as a worker would: the number, the code the simulated SMS
     * centre received for it, and — the first time — the name and ID number; returns once home shows the name.
     */
    protected void signInToMemberApp(SimulatedSmsCentre centre, String phone, String name, String idNumber) {
        signInToMemberAppAt(centre, "/m/", phone, name, idNumber);
        wait.until(ExpectedConditions.textToBe(By.id("member-name"), name));
    }

    /**
     * Opens the member app at {@code path} (a QR code's address, {@code /m/#claim?hospital=…}) on a phone and signs in
     * there as {@link #signInToMemberApp} does; returns once signed in, the app on the screen the address names.
     */
    protected void signInToMemberAppAt(SimulatedSmsCentre centre, String path, String phone, String name, String idNumber) {
        session.phone();
        browser.get(session.url(path));
        wait.until(ExpectedConditions.elementToBeClickable(By.name("phone"))).sendKeys(phone);
        int texted = TextedCodes.codesTextedTo(centre, phone);
        browser.findElement(By.id("send-code")).click();
        browser.findElement(By.name("code")).sendKeys(TextedCodes.codeTextedTo(centre, phone, texted + 1));
        browser.findElement(By.id("sign-in")).click();
        wait.until(d -> !d.findElements(By.id("member-name")).isEmpty()
                || d.findElement(By.name("idNumber")).isDisplayed());
        if (browser.findElements(By.id("member-name")).isEmpty()) {
            browser.findElement(By.name("name")).sendKeys(name);
            browser.findElement(By.name("idNumber")).sendKeys(idNumber);
            browser.findElement(By.id("bind")).click();
        }
        wait.until(d -> "yes".equals(d.findElement(By.tagName("html")).getDomAttribute("data-member")));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        session.releaseCheckingScripts();
    }
}
