package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The browser tests share one Chromium ({@link Browser#reused}): what one test left in it — a signed-in session, stored
 * data, blocked addresses, a phone's screen — must not reach the next, or a test would pass or fail by its order.
 */
class ReusedBrowserTest extends BrowserTest {

    @Test
    void theNextTestGetsTheSameBrowserSignedOutWithNothingStoredNothingBlockedAndADesktopWindow() throws IOException {
        session.logIn("demo-admin");
        browser.executeScript("localStorage.setItem('left', 'behind'); sessionStorage.setItem('left', 'behind')");
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*.css")));
        session.phone();

        Browser next = Browser.reused(this::uri);

        assertThat(next).as("the browser is handed on, not started again").isSameAs(session);
        browser.get(session.url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-submit")));
        assertThat(browser.executeScript("return localStorage.getItem('left')")).as("stored data").isNull();
        assertThat(browser.executeScript("return sessionStorage.getItem('left')")).as("the tab's stored data").isNull();
        assertThat(browser.executeScript("return [...document.styleSheets].some(s => s.href && s.cssRules.length > 0)"))
                .as("the style sheet arrives: no address is blocked").isEqualTo(true);
        assertThat(((Number) browser.executeScript("return window.innerWidth")).intValue())
                .as("a desktop window, not the phone the last test emulated").isGreaterThan(1000);
    }
}
