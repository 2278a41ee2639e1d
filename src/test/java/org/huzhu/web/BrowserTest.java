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

    /**
     * Opens the member app on a 390 px phone and signs in as a worker: the code texted to {@code phone} (read from the
     * simulated centre), then the first-time binding with the registered name and ID number.
     */
    protected void signInToMemberApp(SimulatedSmsCentre centre, String phone, String name, String idNumber) {
        session.phone();
        browser.get(session.url("/m/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.name("phone"))).sendKeys(phone);
        browser.findElement(By.id("send-code")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("send-code"), "秒后可重新获取"));
        browser.findElement(By.name("code")).sendKeys(TextedCodes.codeTextedTo(centre, phone, 1));
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.name("idNumber")));
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("idNumber")).sendKeys(idNumber);
        browser.findElement(By.id("bind")).click();
    }
}
