package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.notifications.Notice;
import org.huzhu.notifications.Notifications;
import org.huzhu.notifications.Recipient;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.support.TextedCodes;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The member app (掌上办) in a real headless Chromium held as a 390 × 844 phone: a worker asks for a code,
 * reads it from the simulated SMS centre, binds the number by name and ID number, sees home and the inbox,
 * and reads a message. Screenshots (m-*.png) at 390 and 1366 px wide.
 */
class MemberAppBrowserTest extends BrowserTest {

    @Autowired
    SimulatedSmsCentre centre;
    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aWorkerSignsInByPhoneBindsTheirRegistrationAndReadsTheirInbox() throws IOException {
        String idNumber = newIdNumber(LocalDate.of(1986, 9, 12), 'M');
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "骑手王师傅",
                "idNumber", idNumber, "employmentForm", "NEW_FORM", "unitId", newUnit("江岸区总工会"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        transactions.executeWithoutResult(tx -> notifications.send(new Notice("CLAIM_RECEIVED", new Recipient.Member(member),
                Map.of("claimRef", "CLM-000777"), "m-browser-" + member)));
        String phone = "1392" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));

        session.phone();
        browser.get(session.url("/m/"));
        WebElement phoneInput = wait.until(ExpectedConditions.elementToBeClickable(By.name("phone")));
        session.fullPageScreenshot("m-sign-in-390.png");
        session.assertAccessible("手机号登录");
        phoneInput.sendKeys(phone);
        browser.findElement(By.id("send-code")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("send-code"), "秒后可重新获取"));
        assertThat(browser.findElement(By.id("send-code")).isEnabled()).as("counting down").isFalse();
        browser.findElement(By.name("code")).sendKeys(TextedCodes.codeTextedTo(centre, phone, 1));
        session.fullPageScreenshot("m-code-390.png");
        browser.findElement(By.id("sign-in")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.name("idNumber")));
        browser.findElement(By.name("name")).sendKeys("骑手王师傅");
        browser.findElement(By.name("idNumber")).sendKeys(newIdNumber(LocalDate.of(1990, 1, 1), 'M'));
        browser.findElement(By.id("bind")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-error:not(:empty)")));
        assertThat(refused.getText()).isEqualTo("未找到您的参保登记，请联系所在单位或工会");
        session.fullPageScreenshot("m-bind-refused-390.png");
        session.assertAccessible("第一次登录（核对未通过）");
        browser.findElement(By.name("idNumber")).clear();
        browser.findElement(By.name("idNumber")).sendKeys(idNumber);
        browser.findElement(By.id("bind")).click();

        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-name")));
        assertThat(name.getText()).isEqualTo("骑手王师傅");
        String masked = get("demo-admin", "/api/v1/members/" + member).field("maskedIdNumber");
        assertThat(browser.findElement(By.id("member-id")).getText()).isEqualTo("身份证 " + masked).doesNotContain(idNumber.substring(6, 14));
        assertThat(browser.findElement(By.cssSelector("#open-inbox .badge")).getText()).isEqualTo("1");
        session.fullPageScreenshot("m-home-390.png");
        session.assertAccessible("首页");

        browser.findElement(By.id("open-inbox")).click();
        WebElement message = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#messages .message")));
        assertThat(message.getText()).contains("CLM-000777");
        assertThat(browser.findElement(By.id("unread")).getText()).isEqualTo("1 条未读");
        session.fullPageScreenshot("m-inbox-390.png");
        session.assertAccessible("我的消息");
        message.click();
        wait.until(ExpectedConditions.textToBe(By.id("unread"), "全部已读"));
        assertThat(message.getDomAttribute("class")).contains("read");

        session.desktop();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        session.fullPageScreenshot("m-inbox-1366.png");
        browser.findElement(By.id("back")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-name")));
        session.fullPageScreenshot("m-home-1366.png");

        browser.get(session.url("/"));
        wait.until(ExpectedConditions.urlMatches(".*/m/$"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.name("phone")));
        session.fullPageScreenshot("m-sign-in-1366.png");
        assertThat(List.of(browser.findElements(By.id("member-name")).size())).containsExactly(0);
    }
}
