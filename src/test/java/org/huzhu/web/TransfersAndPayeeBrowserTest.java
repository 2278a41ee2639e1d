package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The console's 职工调动 screen (the old side approves what the new unit asked; the transfers a page at a time under
 * their whole count) and the member page's 收款账户变更 card (a second person approves what staff proposed), at 1366 px
 * and on a phone.
 */
class TransfersAndPayeeBrowserTest extends BrowserTest {

    @Test
    void aUnionOfficeApprovesATransferTheNewUnitAskedFor() throws IOException {
        long unit = newUnit("武昌区总工会");
        String idNumber = newIdNumber(LocalDate.of(1986, 6, 6), 'F');
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of(
                "name", "调动浏览器", "idNumber", idNumber, "employmentForm", "REGULAR", "unitId", unit)));
        long member = registered.json().path("id").asLong();
        long demoUnit = get("demo-unit", "/api/v1/me").json().path("unitId").asLong();
        Answer asked = post("demo-unit", "/api/v1/member-transfers", JSON.writeValueAsString(Map.of(
                "idNumber", idNumber, "name", "调动浏览器", "toUnitId", demoUnit, "reason", "劳动合同转入本单位")));
        long transfer = asked.json().path("id").asLong();

        session.logIn("demo-unit");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.findElement(By.id("nav-transfers")).click();
        var row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transfers-table tr[data-id='" + transfer + "']")));
        assertThat(row.getText()).contains("审批后显示").doesNotContain("测试单位");
        assertThat(row.findElements(By.cssSelector("button[data-approve]"))).as("nobody approves their own request").isEmpty();
        session.screenshot("transfers-unit.png");

        session.logIn("demo-wuhan");
        browser.findElement(By.id("nav-transfers")).click();
        row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transfers-table tr[data-id='" + transfer + "']")));
        assertThat(row.getText()).contains("测试单位");
        session.screenshot("transfers-approver.png");
        session.phone();
        session.screenshot("transfers-approver-phone.png");
        session.desktop();
        row.findElement(By.cssSelector("button[data-approve]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transfers-table tr[data-id='" + transfer + "'][data-status='APPROVED']")));
        assertThat(jdbc.sql("select unit_id from membership.member where id = ?").param(member).query(Long.class).single()).isEqualTo(demoUnit);
    }

    /**
     * The transfers show a page of 50 under a heading that counts the whole list, say how many they show, and 加载更多
     * appends the next page: the rows the API lists after the first 50. Approving one shows the list again from its first
     * page. More than a page of transfers from a 江岸区 unit into a 武昌区 unit is asked here by demo-admin, whatever the
     * tests before left, for demo-wuhan to decide. Screenshots transfers-pages-*.png (the page's top) and
     * transfers-more-*.png (the list's foot), at 390 and 1366 px.
     */
    @Test
    void theTransfersShowAPageAtATimeUnderTheirWholeCountAndComeBackToTheFirstAfterADecision() throws IOException {
        long oldUnit = newUnit("江岸区总工会");
        long newUnit = newUnit("武昌区总工会");
        List<Long> asked = new ArrayList<>();
        for (int i = 0; i <= PagedLists.PAGE; i++) {
            String idNumber = newIdNumber(LocalDate.of(1988, 8, 8), 'M');
            Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of(
                    "name", "分页调动", "idNumber", idNumber, "employmentForm", "REGULAR", "unitId", oldUnit)));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            Answer request = post("demo-admin", "/api/v1/member-transfers", JSON.writeValueAsString(Map.of(
                    "idNumber", idNumber, "name", "分页调动", "toUnitId", newUnit)));
            assertThat(request.status()).as(request.body()).isEqualTo(201);
            asked.add(request.json().path("id").asLong());
        }

        session.logIn("demo-wuhan");
        browser.findElement(By.id("nav-transfers")).click();
        JsonNode summary = get("demo-wuhan", "/api/v1/member-transfers/summary").json();
        pages.assertFirstPage("transfers", PagedLists.heading("申请记录", summary, null), ids("?limit=" + PagedLists.PAGE));
        assertThat(pages.shownIds("transfers")).as("newest first: the test's own on top").startsWith(asked.reversed().subList(0, PagedLists.PAGE).toArray(Long[]::new));
        session.phoneAndDesktopScreenshots("transfers-pages");
        pages.footScreenshots("transfers-more", "transfers-more");

        int total = summary.path("count").asInt();
        pages.assertNextPage("transfers", total, ids("?limit=" + PagedLists.PAGE + "&offset=" + PagedLists.PAGE));
        session.assertAccessible("职工调动，两页", List.of("section[aria-labelledby='transfers-title']"));

        WebElement approve = browser.findElement(By.cssSelector("#transfers-table tr[data-id='" + asked.getLast() + "'] button[data-approve]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", approve);
        approve.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transfers-table tr[data-id='" + asked.getLast() + "'][data-status='APPROVED']")));
        assertThat(pages.rows("transfers")).as("the list again from its first page").isEqualTo(PagedLists.PAGE);
        assertThat(browser.findElement(By.id("transfers-total")).getText())
                .isEqualTo(PagedLists.heading("申请记录", get("demo-wuhan", "/api/v1/member-transfers/summary").json(), null));
    }

    /** The ids of the transfers the API lists for demo-wuhan, with the paging {@code query}. */
    private List<Long> ids(String query) {
        List<Long> ids = new ArrayList<>();
        get("demo-wuhan", "/api/v1/member-transfers" + query).json().forEach(t -> ids.add(t.path("id").asLong()));
        return ids;
    }

    @Test
    void aSecondPersonApprovesTheAccountChangeStaffProposed() throws IOException {
        long member = insuredWorker("江岸区总工会", 'M', 100, "HOSPITAL:1");
        Answer proposed = put("demo-wuhan", "/api/v1/members/" + member + "/bank-account", JSON.writeValueAsString(Map.of(
                "bankName", "中国农业银行", "accountNumber", newCardNumber(), "reason", "职工更换工资卡", "evidence", "新卡复印件")));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);

        session.logIn("demo-wuhan");
        browser.get(session.url("/#members?id=" + member));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payee-pending")));
        assertThat(browser.findElements(By.id("payee-approve"))).as("the proposer does not approve").isEmpty();

        session.logIn("demo-admin");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(session.url("/#members?id=" + member));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payee-approve")));
        browser.executeScript("document.getElementById('payee-card').scrollIntoView()");
        session.screenshot("payee-pending.png");
        session.phone();
        browser.executeScript("document.getElementById('payee-card').scrollIntoView()");
        session.screenshot("payee-pending-phone.png");
        session.desktop();
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(By.id("payee-approve")));
        browser.findElement(By.id("payee-approve")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#payee-history tr[data-id='" + proposed.json().path("id").asLong() + "'][data-status='APPROVED']")));
        assertThat(browser.findElements(By.id("payee-pending"))).isEmpty();
        browser.executeScript("document.getElementById('payee-card').scrollIntoView()");
        session.screenshot("payee-history.png");
    }
}
