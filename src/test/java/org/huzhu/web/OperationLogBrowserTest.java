package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 系统管理 → 操作日志 and 登录日志: the administrator finds a registration by person and record
 * with its masked fields, pages, and sees the export link carry the search; union staff see the
 * screens, reviewers do not. At 1366 px and on a phone.
 */
class OperationLogBrowserTest extends BrowserTest {

    @Test
    void theAdministratorFindsAChangeByPersonAndRecordWithItsFieldsBeforeAndAfter() throws IOException {
        String idNumber = newIdNumber(LocalDate.of(1990, 1, 2), 'M');
        Answer registered = post("demo-wuhan", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "日志浏览器",
                "idNumber", idNumber, "employmentForm", "REGULAR", "unitId", newUnit("江岸区总工会"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        post("demo-reviewer", "/api/v1/members", "{}");

        session.logIn("demo-admin");
        browser.manage().window().setSize(new Dimension(1366, 900));
        assertThat(session.navSections()).contains("oplog", "loginlog");
        browser.findElement(By.id("nav-oplog")).click();
        var unfiltered = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("oplog-table")));
        browser.findElement(By.id("oplog-person")).sendKeys("demo-wuhan");
        browser.findElement(By.id("oplog-record")).sendKeys("member " + member);
        browser.findElement(By.id("oplog-search")).click();
        wait.until(ExpectedConditions.stalenessOf(unfiltered));
        var row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#oplog-table tbody tr[data-status='201']")));
        assertThat(browser.findElements(By.cssSelector("#oplog-table tbody tr"))).hasSize(1);
        assertThat(row.getText()).contains("demo-wuhan", "工会工作人员", "登记职工", "POST /api/v1/members", "姓名", "日志浏览器", "身份证号")
                .doesNotContain(idNumber);
        assertThat(browser.findElement(By.id("oplog-export")).getDomAttribute("href")).contains("person=demo-wuhan").contains("record=member");
        session.screenshot("oplog-search.png");

        browser.findElement(By.id("oplog-person")).clear();
        browser.findElement(By.id("oplog-record")).clear();
        browser.findElement(By.id("oplog-person")).sendKeys("demo-reviewer");
        var before = browser.findElement(By.id("oplog-table"));
        browser.findElement(By.id("oplog-search")).click();
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#oplog-table tbody tr[data-status='403']")));
        assertThat(browser.findElement(By.id("oplog-table")).getText()).contains("拒绝 403");
        session.fullPageScreenshot("oplog-refused.png");
        session.phone();
        session.screenshot("oplog-phone.png");
        session.desktop();

        browser.findElement(By.id("nav-loginlog")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#loginlog-table tbody tr[data-outcome='SUCCESS']")));
        session.screenshot("loginlog.png");
        session.phone();
        session.screenshot("loginlog-phone.png");
        session.desktop();
    }

    @Test
    void aBadDateIsShownAtItsFieldAndReviewersHaveNoLogScreens() {
        session.logIn("demo-wuhan");
        browser.findElement(By.id("nav-oplog")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("oplog-from")));
        browser.executeScript("document.getElementById('oplog-from').value = '2026-05-02';"
                + "document.getElementById('oplog-to').value = '2026-05-01';");
        browser.findElement(By.id("oplog-search")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-error-for='to']"), "结束日期不能早于开始日期"));

        session.logIn("demo-reviewer");
        assertThat(session.navSections()).doesNotContain("oplog", "loginlog");
    }
}
