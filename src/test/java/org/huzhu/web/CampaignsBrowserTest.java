package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * 通知 → 宣传推广 in Chromium: 武汉's staff choose the new-employment-form workers of their city and the
 * gift-cover template, preview the counts and the exact text (signature, 回复TD退订, length, segments),
 * confirm and send; the campaign appears in the list with as many texts as the preview promised.
 */
class CampaignsBrowserTest extends BrowserTest {

    @Test
    void cityStaffPreviewAndSendACampaignToTheNewFormWorkersOfTheirCity() throws IOException {
        session.logIn("demo-wuhan");
        browser.get(session.url("/#campaigns"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("campaign-preview")));

        browser.findElement(By.id("campaign-kind-COVER_ENDING")).click();
        assertThat(browser.findElement(By.id("campaign-from")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("campaign-from")).getDomProperty("value"))
                .isEqualTo(today.withDayOfMonth(1).plusMonths(1).toString());
        assertThat(browser.findElement(By.id("campaign-to")).getDomProperty("value"))
                .isEqualTo(today.withDayOfMonth(1).plusMonths(2).minusDays(1).toString());
        browser.findElement(By.id("campaign-kind-NEW_FORM")).click();
        assertThat(browser.findElement(By.id("campaign-unit")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("campaign-from")).isDisplayed()).isFalse();
        new Select(browser.findElement(By.id("campaign-node"))).selectByVisibleText("武汉市总工会");
        new Select(browser.findElement(By.id("campaign-template"))).selectByValue("PUBLICITY_NEW_FORM");
        String name = "新就业形态赠险宣传" + System.nanoTime() % 10_000;
        browser.findElement(By.id("campaign-name")).sendKeys(name);
        browser.findElement(By.id("campaign-preview")).click();

        WebElement sms = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaign-sms")));
        assertThat(sms.getText()).startsWith("【职工互助】").endsWith("回复TD退订").contains("新就业形态劳动者");
        assertThat(browser.findElement(By.id("campaign-sms-meta")).getText()).contains(sms.getText().length() + " 字").contains("条短信");
        int toSend = Integer.parseInt(browser.findElement(By.cssSelector("#campaign-counts .stat.ok .n")).getText());
        assertThat(toSend).isPositive();
        browser.manage().window().setSize(new Dimension(1366, 900));
        session.fullPageScreenshot("campaigns-preview.png");
        session.phone();
        session.fullPageScreenshot("campaigns-preview-phone.png");
        session.desktop();

        browser.findElement(By.id("campaign-send")).click();
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaign-confirm-send")));
        assertThat(browser.findElement(By.id("campaign-confirm")).getText()).contains("将向 " + toSend + " 人发送宣传短信");
        session.screenshot("campaigns-confirm.png");
        confirm.click();

        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//table[@id='campaigns-table']//tr[td[1][contains(., '" + name + "')]]")));
        assertThat(row.getText()).contains("武汉市总工会").contains("新就业形态劳动者");
        assertThat(jdbc.sql("select queued from notifications.campaign where name = ?").param(name).query(Integer.class).single())
                .isEqualTo(toSend);
        assertThat(jdbc.sql("select count(*) from notifications.message m join notifications.campaign c on c.id = m.campaign_id "
                + "where c.name = ? and m.channel = 'SMS'").param(name).query(Long.class).single()).isEqualTo(toSend);
        session.fullPageScreenshot("campaigns.png");
        session.phone();
        session.fullPageScreenshot("campaigns-phone.png");
        session.desktop();
    }
}
