package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.support.TextedCodes;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The member app's first load on a phone, as Chromium fetches it. A slow phone network (Chromium's "Slow 3G": two
 * seconds before each answer, 50 kB/s) leaves time for one request in three seconds, so the page must work with
 * nothing but itself: with every script, style sheet and image refused, a worker still asks for a code, signs in and
 * is handed to the app. Everything the first load fetches, modules included, is at most 150 kB compressed, and the
 * page alone small enough to arrive in well under a second at 50 kB/s. The seconds themselves are measured by
 * {@code ./huzhu bench portal} (line portal-first-load), not here.
 */
class MemberAppFirstLoadBrowserTest extends BrowserTest {

    private static final long FIRST_LOAD_BUDGET = 150 * 1024;
    private static final long PAGE_BUDGET = 25 * 1024;

    @Autowired
    SimulatedSmsCentre centre;

    @Test
    void theSignInScreenWorksWithNothingButThePageItself() {
        String idNumber = newIdNumber(LocalDate.of(1991, 4, 4), 'F');
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "快递员孙女士",
                "idNumber", idNumber, "employmentForm", "NEW_FORM", "unitId", newUnit("江岸区总工会"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String phone = "1395" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));

        session.phone();
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*.js", "*.css", "*/img/*", "*.webmanifest")));
        browser.get(session.url("/m/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.name("phone"))).sendKeys(phone);
        browser.findElement(By.id("send-code")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-sent"), "验证码已发送"));
        browser.findElement(By.name("code")).sendKeys(TextedCodes.codeTextedTo(centre, phone, 1));
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.name("idNumber")));
        browser.findElement(By.name("name")).sendKeys("快递员孙女士");
        browser.findElement(By.name("idNumber")).sendKeys(idNumber);
        browser.findElement(By.id("bind")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "data-member", "yes"));
        Object modules = browser.executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.endsWith('.js') && e.responseStatus === 200).length");
        assertThat(((Number) modules).intValue()).as("no script file arrived: the page alone signed the worker in").isZero();

        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-name")));
        assertThat(browser.findElement(By.id("member-name")).getText()).isEqualTo("快递员孙女士");
        assertThat(browser.findElements(By.id("sign-in-form"))).as("a signed-in worker's page carries no sign-in").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFirstLoadIsAtMost150KilobytesCompressed() {
        session.phone();
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        browser.get(session.url("/m/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.name("phone")));
        // the modules are announced for loading while the worker types: wait until each has arrived
        wait.until(d -> (Boolean) browser.executeScript("const wanted = [...document.querySelectorAll('link[rel=modulepreload]')]"
                + ".map(l => l.href); const got = performance.getEntriesByType('resource').filter(e => e.responseEnd > 0)"
                + ".map(e => e.name); return wanted.length > 0 && wanted.every(w => got.includes(w));"));
        Map<String, Object> page = (Map<String, Object>) browser.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                + "return { transfer: n.transferSize, encoded: n.encodedBodySize, decoded: n.decodedBodySize };");
        List<Map<String, Object>> resources = (List<Map<String, Object>>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => ({ name: e.name, transfer: e.transferSize,"
                        + " encoded: e.encodedBodySize, decoded: e.decodedBodySize }));");
        long total = number(page, "transfer") + resources.stream().mapToLong(r -> number(r, "transfer")).sum();

        assertThat(number(page, "encoded")).as("the page travels compressed").isLessThan(number(page, "decoded"));
        assertThat(number(page, "transfer")).as("the page alone, which must arrive within the first three seconds").isLessThan(PAGE_BUDGET);
        assertThat(resources).as("the app's modules were fetched with the first load").anyMatch(r -> r.get("name").toString().endsWith("/m/app.js"));
        assertThat(total).as("everything the first load fetched: %s", resources).isLessThanOrEqualTo(FIRST_LOAD_BUDGET);
        session.assertAccessible("手机号登录（首次打开）");
    }

    private static long number(Map<String, Object> entry, String key) {
        return ((Number) entry.get(key)).longValue();
    }
}
