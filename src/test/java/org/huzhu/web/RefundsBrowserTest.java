package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 退保与退费 in the console, at 1366 px and on a 390 px phone: the unit's operator finds 退保 on the bill's lines and on the
 * worker's enrolment card, and cancels a paid enrolment after its preview (and sees why one whose cover started is refused), union staff approve it from the approvals
 * list, and finance finds the refund among the payouts with its kind.
 */
class RefundsBrowserTest extends BrowserTest {

    @Test
    void theOperatorAsksWithAPreviewUnionStaffApproveAndFinanceSeesTheRefundAmongThePayouts() throws IOException {
        long unit = get("demo-unit", "/api/v1/me").json().path("unitId").asLong();
        long member = worker(unit, "退保浏览器");
        long paidToday = enrol(unit, member, today, "HOSPITAL");
        long started = enrol(unit, worker(unit, "已生效职工"), today.minusDays(3), "ACCIDENT");

        session.logIn("demo-unit");
        browser.get(session.url("/#refunds?enrolment=" + started));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cancellation-refusal")));
        assertThat(browser.findElement(By.id("cancellation-refusal")).getText()).contains("保障开始后不退费", "不能退保");
        assertThat(browser.findElements(By.id("cancel-form"))).as("nothing to submit when refused").isEmpty();
        session.phoneAndDesktopScreenshots("refund-refused");
        session.desktop();

        long bill = get("demo-admin", "/api/v1/enrolments/" + paidToday).json().path("billId").asLong();
        browser.get(session.url("/#bills?id=" + bill));
        click(By.id("bill-cancel-lines"));
        WebElement line = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cancel-lines tr[data-id='" + paidToday + "']")));
        assertThat(line.getText()).contains("退保浏览器", "全额退费", "80.00");
        assertThat(line.findElement(By.name("enrolmentIds")).isEnabled()).isTrue();
        session.phoneAndDesktopScreenshots("refund-bill-lines");
        session.desktop();

        browser.get(session.url("/#members?id=" + member));
        click(By.cssSelector("button[data-cancel-enrolment='" + paidToday + "']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cancel-form")));
        assertThat(browser.findElement(By.id("cancellation-preview")).getText()).contains("已缴费，保障尚未开始", "全额退费", "80.00", "20.00",
                "须由另一人复核");
        browser.findElement(By.id("cancel-reason")).sendKeys("单位误报，申请退保");
        browser.findElement(By.id("cancel-bank")).sendKeys("中国工商银行");
        browser.findElement(By.id("cancel-account")).sendKeys(newCardNumber());
        session.phoneAndDesktopScreenshots("refund-preview");
        session.desktop();
        click(By.id("cancel-submit"));
        var asked = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cancellations-pending-table tr[data-status='PROPOSED']")));
        long cancellation = Long.parseLong(asked.getDomAttribute("data-id"));
        assertThat(asked.findElements(By.cssSelector("button[data-approve]"))).as("an operator does not approve").isEmpty();

        session.logIn("demo-wuhan");
        browser.findElement(By.id("nav-refunds")).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#cancellations-pending-table tr[data-id='" + cancellation + "']")));
        assertThat(row.getText()).contains("退保浏览器", "单位误报", "80.00", "补贴退回预算", "待复核");
        session.phoneAndDesktopScreenshots("refund-approvals");
        session.desktop();
        click(By.cssSelector("#cancellations-pending-table button[data-approve='" + cancellation + "']"));
        row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#cancellations-table tr[data-id='" + cancellation + "'][data-status='APPROVED']")));
        assertThat(row.getText()).contains("HZR-" + cancellation + "-1", "待组批");

        session.logIn("demo-finance");
        browser.get(session.url("/#payouts"));
        WebElement payout = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#payouts-table tr[data-reference='HZR-" + cancellation + "-1']")));
        assertThat(payout.getText()).contains("退费", "80.00");
        session.phoneAndDesktopScreenshots("refund-payouts");
    }

    private void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private long worker(long unit, String name) {
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", name,
                "idNumber", newIdNumber(java.time.LocalDate.of(1988, 2, 2), 'M'), "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().path("id").asLong();
    }

    private long enrol(long unit, long member, java.time.LocalDate paidOn, String item) {
        Answer enrolled = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit, "memberId", member,
                "items", java.util.List.of(Map.of("item", item, "shares", 1)), "paidOn", paidOn.toString())));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        return enrolled.json().path("id").asLong();
    }
}
