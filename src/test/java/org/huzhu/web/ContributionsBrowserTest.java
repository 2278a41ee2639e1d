package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.IdNumber;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The 缴费与对账 screens in a real headless Chromium: finance registers a payment on a bill and its
 * enrolment comes into force; finance imports a bank statement, assigns the money that named no
 * bill and runs the day's reconciliation. What the pages show is checked against the API.
 */
class ContributionsBrowserTest extends BrowserTest {

    /** ID numbers of this class use area 3303xx, used by no other test or the demo data. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(400));

    @Test
    void financeRegistersThePaymentOfABillAndItsEnrolmentComesIntoForce() throws IOException {
        JsonNode enrolment = awaitingEnrolment();
        long billId = enrolment.path("billId").asLong();
        session.logIn("demo-finance");
        browser.findElement(By.id("nav-bills")).click();
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#bills-table tr[data-id='" + billId + "'] a")));
        assertThat(link.getText()).isEqualTo("HZB-" + billId);
        link.click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bill-status"), "待缴费"));
        assertThat(browser.findElement(By.id("bill-reference")).getText()).isEqualTo("HZB-" + billId);
        WebElement amount = browser.findElement(By.id("bill-pay-amount"));
        assertThat(amount.getDomProperty("value")).isEqualTo("100.00");
        WebElement paidOn = browser.findElement(By.id("bill-pay-date"));
        assertThat(paidOn.getDomProperty("value")).as("no default payment date: the slip's own date is typed").isEmpty();
        browser.executeScript("arguments[0].value = arguments[1]", paidOn, today.toString());
        browser.findElement(By.id("bill-pay-reference")).sendKeys("HD" + UUID.randomUUID().toString().substring(0, 8));
        browser.findElement(By.id("bill-pay-submit")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bill-status"), "已缴清"));
        assertThat(browser.findElements(By.cssSelector("#bill-payments tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.id("bill-payments")).getText()).contains("财务登记").contains("待银行确认");
        JsonNode after = get("demo-admin", "/api/v1/enrolments/" + enrolment.path("id").asLong()).json();
        assertThat(after.path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(after.path("paidOn").asString()).isEqualTo(today.toString());
        session.fullPageScreenshot("contributions-bill.png");
    }

    @Test
    void financeImportsAStatementAssignsWhatNamedNoBillAndReconcilesTheDay() throws IOException {
        long matched = awaitingEnrolment().path("billId").asLong();
        long assigned = awaitingEnrolment().path("billId").asLong();
        LocalDate day = today.minusDays(1);
        String unmatchedReference = "BR" + UUID.randomUUID().toString().substring(0, 10);
        Path csv = Files.createTempFile(Browser.TMP, "statement-", ".csv");
        Files.writeString(csv, "交易日期,金额,对方户名,对方账号,摘要/附言,银行流水号\n"
                + day + ",100.00,浏览器测试单位,6222000000000000,互助金 HZB-" + matched + ",BM" + UUID.randomUUID().toString().substring(0, 10) + "\n"
                + day + ",100.00,浏览器测试单位,6222000000000000,忘了写单号," + unmatchedReference + "\n", StandardCharsets.UTF_8);
        session.logIn("demo-finance");
        browser.findElement(By.id("nav-bills")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("statement-file"))).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("statement-submit")).click();

        WebElement lines = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("statement-lines")));
        assertThat(lines.getText()).contains("已匹配").contains("HZB-" + matched).contains("待清分");
        assertThat(get("demo-finance", "/api/v1/bills/" + matched).json().path("status").asString()).isEqualTo("PAID");

        browser.navigate().refresh();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//table[@id='unmatched-table']//tr[td[contains(., '" + unmatchedReference + "')]]")));
        row.findElement(By.name("billId")).sendKeys("HZB-" + assigned);
        row.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> get("demo-finance", "/api/v1/bills/" + assigned).json().path("status").asString().equals("PAID"));

        WebElement date = browser.findElement(By.id("reconcile-date"));
        browser.executeScript("arguments[0].value = arguments[1]", date, day.toString());
        browser.findElement(By.id("reconcile-run")).click();
        WebElement run = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reconcile-run-view")));
        assertThat(run.getText()).contains(day + " 对账结果");
        JsonNode kept = get("demo-finance", "/api/v1/reconciliations/" + day).json();
        String shown = browser.findElement(By.id("reconcile-clean")).getText();
        assertThat(shown).isEqualTo(kept.path("clean").asBoolean() ? "✓ 账实相符" : kept.path("differenceCount").asInt() + " 项差异");
        assertThat(browser.findElements(By.cssSelector("#reconcile-differences tbody tr"))).hasSize(kept.path("differences").size());
        session.fullPageScreenshot("contributions-statement.png");
    }

    // ---------- helpers ----------

    /** A fresh unit (pays everything) and member enrolled in HOSPITAL, one share, awaiting payment: a bill of 100.00. */
    private JsonNode awaitingEnrolment() {
        StringBuilder code = new StringBuilder("91330300").append(String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
        code.append(CreditCode.checkCharacter(code));
        long county = organisationIdsByName().get("武昌区总工会");
        Answer unit = post("demo-admin", "/api/v1/units", JSON.writeValueAsString(Map.of("name", "缴费页面单位" + SEQUENCE.incrementAndGet(),
                "creditCode", code.toString(), "ownership", "OTHER", "headcount", 50, "organisationId", county)));
        assertThat(unit.status()).as(unit.body()).isEqualTo(201);
        int n = SEQUENCE.incrementAndGet();
        String first17 = "3303" + String.format("%02d", n / 500 % 100) + "19870611" + String.format("%03d", (n % 500) * 2 + 1);
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", "页面职工");
        member.put("idNumber", first17 + IdNumber.checkCharacter(first17));
        member.put("employmentForm", "REGULAR");
        member.put("unitId", unit.json().path("id").asLong());
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(member));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Answer enrolled = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit.json().path("id").asLong(),
                "memberId", registered.json().path("id").asLong(), "items", List.of(Map.of("item", "HOSPITAL", "shares", 1)))));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        return enrolled.json();
    }
}
