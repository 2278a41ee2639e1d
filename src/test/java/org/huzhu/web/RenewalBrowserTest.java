package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's 续保 screen (a unit operator proposes the renewal from last year's list, reviews it, sets a worker
 * out and confirms: one bill) and 到期与断保 (an office's list), at 1366 px and on a 390 px phone.
 */
class RenewalBrowserTest extends BrowserTest {

    @Test
    void aUnitOperatorRenewsFromLastYearsListAndAnOfficeSeesWhoIsExpiring() throws IOException {
        long demoUnit = get("demo-unit", "/api/v1/me").json().path("unitId").asLong();
        long stays = worker(demoUnit, "续保浏览器甲");
        long leaves = worker(demoUnit, "续保浏览器乙");
        jdbc.sql("update membership.member set left_unit_on = ? where id = ?").params(today.minusDays(5), leaves).update();

        session.logIn("demo-unit");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.findElement(By.id("nav-renewal")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("renewal-propose"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#renewal-review [data-status='PROPOSED'] #renewal-table")));
        keepOnly(demoUnit, stays, leaves);   // the demo unit's other workers are not this test's to renew
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#renewal-review [data-status='PROPOSED'] #renewal-table")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("renewal-filter"))).selectByValue("false");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("renewal-lines"), "续保浏览器乙"));
        assertThat(browser.findElement(By.id("renewal-lines")).getText()).contains("已离开本单位").doesNotContain("续保浏览器甲");
        session.phoneAndDesktopScreenshots("renewal-proposal");
        session.desktop();
        browser.manage().window().setSize(new Dimension(1366, 900));

        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(By.id("renewal-confirm")));
        browser.findElement(By.id("renewal-confirm")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#renewal-review [data-status='CONFIRMED'] #renewal-bill")));
        assertThat(browser.findElement(By.id("renewal-status")).getText()).isEqualTo("已确认并出账");
        assertThat(jdbc.sql("select count(*) from membership.enrolment where member_id = ? and status = 'AWAITING_PAYMENT'").param(stays)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from membership.enrolment where member_id = ? and status = 'AWAITING_PAYMENT'").param(leaves)
                .query(Long.class).single()).isZero();
        session.phoneAndDesktopScreenshots("renewal-confirmed");
        session.desktop();

        session.logIn("demo-wuhan");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.findElement(By.id("nav-expiring")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cover-total")));
        assertThat(browser.findElement(By.id("cover-results")).getText()).contains("剩余天数");
        assertThat(browser.findElement(By.id("enrolment-export")).getAttribute("href")).endsWith("/api/v1/enrolments.xlsx");
        session.phoneAndDesktopScreenshots("cover-expiring-office");
        session.desktop();
    }

    /** Sets out, through the API as the operator would, every line of the open proposal but the two workers of this test. */
    private void keepOnly(long unit, long... members) {
        long renewal = get("demo-unit", "/api/v1/units/" + unit + "/renewals").json().get(0).path("id").asLong();
        List<Long> kept = java.util.Arrays.stream(members).boxed().toList();
        for (var line : get("demo-unit", "/api/v1/renewals/" + renewal + "/lines?included=true&limit=1000").json()) {
            if (kept.contains(line.path("memberId").asLong())) continue;
            Answer out = put("demo-unit", "/api/v1/renewals/" + renewal + "/lines/" + line.path("lineNo").asInt(),
                    JSON.writeValueAsString(Map.of("included", false, "reason", "本次只续保测试职工")));
            assertThat(out.status()).as(out.body()).isEqualTo(200);
        }
    }

    private long worker(long unit, String name) {
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", name,
                "idNumber", newIdNumber(LocalDate.of(1984, 8, 8), 'M'), "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        Answer enrolled = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit, "memberId", member,
                "items", List.of(Map.of("item", "HOSPITAL", "shares", 1)), "paidOn", today.minusDays(350).toString())));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        // paid 350 days ago: a declaration that back-dated waits for finance to confirm it
        assertThat(enrolled.field("status")).isEqualTo("AWAITING_PAYMENT");
        confirmDeclaration(enrolled.json().path("billId").asLong());
        return member;
    }
}
