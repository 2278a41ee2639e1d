package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.payouts.PayoutStatus;
import org.huzhu.payouts.Payouts;
import org.huzhu.support.ClaimOffices;
import org.huzhu.support.PayoutRound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The office's screens for claims in review, in a real headless Chromium, at 1366 px and on a 390 px phone: the
 * workload (审核工作量) per office and reviewer with its drill-down, a reassignment and a follow-up note on the claim
 * page by the city's union staff, the review queue's filter (分派给我 / 待领取) and taking a claim from the pool, and the
 * post-payment check queue (事后抽查) with a finding recorded on the claim page. What the pages show is what the API answers.
 */
class ClaimOfficeBrowserTest extends BrowserTest {

    @Autowired
    private Organisations organisations;
    @Autowired
    private Accounts accounts;
    @Autowired
    private Payouts payouts;

    private ClaimOffices offices;

    @BeforeEach
    void fixtures() {
        offices = new ClaimOffices(this, organisations, accounts);
    }

    @Test
    void theCitysStaffSeeTheWorkloadDrillDownAndReassignAClaimWithANote() throws IOException {
        OrgNode county = offices.newCounty();
        String first = offices.reviewerAt(county, "浏览甲审核员");
        String second = offices.reviewerAt(county, "浏览乙审核员");
        long member = offices.worker(county, "HOSPITAL:4");
        List<Long> claims = new ArrayList<>();
        for (int i = 0; i < 3; i++) claims.add(offices.reviewClaim(member, "6000.00"));
        assertThat(claims).extracting(offices::assignee).containsExactly(first, second, first);

        session.logIn("demo-wuhan");
        browser.findElement(By.id("nav-workload")).click();
        By officeRow = By.cssSelector("#workload-offices tbody tr[data-office='" + county.id() + "']");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(officeRow));
        JsonNode api = get("demo-wuhan", "/api/v1/claim-workload").json();
        JsonNode counts = null;
        for (JsonNode o : api.path("offices")) if (o.path("officeId").asLong() == county.id()) counts = o.path("counts");
        assertThat(counts).isNotNull();
        assertThat(count(row, "open")).isEqualTo(counts.path("open").asString()).isEqualTo("3");
        assertThat(count(row, "early")).isEqualTo("3");
        assertThat(count(row, "pool")).isEqualTo("0");
        assertThat(row.getText()).contains(county.name(), "自动轮流分派");
        WebElement reviewer = browser.findElement(By.cssSelector("#workload-reviewers tbody tr[data-reviewer='" + first + "']"));
        assertThat(count(reviewer, "open")).isEqualTo("2");

        row.findElement(By.cssSelector("button[data-count=open]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workload-claims")));
        assertThat(rowIds("#workload-claims")).containsExactlyElementsOf(claims);
        assertThat(browser.findElement(By.id("workload-detail-title")).getText()).isEqualTo(county.name() + " · 在办");
        assertThat(browser.findElement(By.cssSelector("#workload-claims tbody tr[data-id='" + claims.get(1) + "']")).getText())
                .contains("浏览乙审核员");
        session.assertAccessible("the workload", List.of("#workload-total", "#workload-offices", "#workload-reviewers", "#workload-detail"));
        screenshots("workload");

        browser.findElement(By.cssSelector("#workload-claims tbody tr[data-id='" + claims.getFirst() + "'] button.linklike")).click();
        WebElement holder = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assignment-assignee")));
        assertThat(holder.getDomAttribute("data-assignee")).isEqualTo(first);
        new Select(browser.findElement(By.id("assignment-to"))).selectByValue(second);
        browser.findElement(By.id("assignment-note")).sendKeys("甲审核员外出培训");
        browser.findElement(By.id("assignment-reassign")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-notice")));
        wait.until(d -> second.equals(d.findElement(By.id("assignment-assignee")).getDomAttribute("data-assignee")));
        assertThat(offices.assignee(claims.getFirst())).isEqualTo(second);
        assertThat(texts("#claim-timeline .timeline-reason")).contains("演示工作人员（武汉市总工会）改派给浏览乙审核员（原由浏览甲审核员审核）：甲审核员外出培训");

        browser.findElement(By.id("note-text")).sendKeys("已与职工核实住院天数，材料无误");
        browser.findElement(By.id("note-add")).click();
        wait.until(d -> d.findElements(By.cssSelector("#claim-notes li[data-author='demo-wuhan']")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#claim-notes li[data-author='demo-wuhan']")).getText())
                .contains("已与职工核实住院天数，材料无误", "武汉市总工会（市（州）总工会）");
        assertThat(get("demo-wuhan", "/api/v1/claims/" + claims.getFirst() + "/notes").json().get(0).path("text").asString())
                .isEqualTo("已与职工核实住院天数，材料无误");
        screenshots("claim-assignment");
        session.assertAccessible("the claim's assignment and notes", List.of("#assignment-card", "#notes-card"));
    }

    @Test
    void aReviewerFiltersTheQueueToTheirOwnAndThePoolAndTakesAClaim() throws IOException {
        OrgNode county = offices.newCounty();
        String reviewer = offices.reviewerAt(county, "浏览丙审核员");
        long member = offices.worker(county, "HOSPITAL:4");
        long mine = offices.reviewClaim(member, "6000.00");
        assertThat(put("demo-wuhan", "/api/v1/review-offices/" + county.id() + "/mode", "{\"mode\":\"POOL\"}").status()).isEqualTo(200);
        long waiting = offices.reviewClaim(member, "6000.00");

        session.logIn(reviewer);
        browser.findElement(By.id("nav-review")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#claims-table, #claims-results .empty")));
        new Select(browser.findElement(By.id("claims-assigned"))).selectByValue("ME");
        wait.until(d -> rowIds("#claims-table").equals(List.of(mine)));
        assertThat(offices.ids(get(reviewer, "/api/v1/review-queue?assigned=ME"))).containsExactly(mine);
        assertThat(browser.findElement(By.cssSelector("#claims-table tbody tr[data-id='" + mine + "'] [data-assignee]")).getText())
                .isEqualTo("浏览丙审核员");
        new Select(browser.findElement(By.id("claims-assigned"))).selectByValue("POOL");
        wait.until(d -> rowIds("#claims-table").equals(offices.ids(get(reviewer, "/api/v1/review-queue?assigned=POOL&limit=51"))));
        assertThat(rowIds("#claims-table")).contains(waiting).doesNotContain(mine);
        assertThat(browser.findElement(By.cssSelector("#claims-table tbody tr[data-id='" + waiting + "'] [data-assignee]")).getText())
                .isEqualTo("待领取");
        session.assertAccessible("the review queue's table", List.of("#claims-table"));
        screenshots("queue-pool");

        browser.findElement(By.cssSelector("#claims-table tbody tr[data-id='" + waiting + "'] button.linklike")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("assignment-take"))).click();
        wait.until(d -> reviewer.equals(d.findElement(By.id("assignment-assignee")).getDomAttribute("data-assignee")));
        assertThat(offices.assignee(waiting)).isEqualTo(reviewer);
        assertThat(browser.findElements(By.id("assignment-take"))).isEmpty();
        assertThat(browser.findElements(By.id("assignment-form"))).isEmpty();   // a reviewer does not reassign
    }

    @Test
    void aCheckerFindsTheRiskyAutomaticApprovalInTheAuditQueueAndRecordsAFinding() throws IOException {
        long claim = offices.riskyAutomaticApproval(offices.newCounty());

        session.logIn("demo-reviewer");
        browser.findElement(By.id("nav-audits")).click();
        By row = By.cssSelector("#audits-table tbody tr[data-id='" + claim + "']");
        WebElement line = wait.until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(line.getText()).contains(org.huzhu.claims.ClaimReference.of(claim), "55", "¥2800.00", "待抽查");
        screenshots("audits");

        line.findElement(By.cssSelector("button.linklike")).click();
        wait.until(ExpectedConditions.textToBe(By.id("audit-risk"), "55"));
        assertThat(texts("#audit-card .risk-factors li")).containsExactly("+25 出险日距保障起期不足30天",
                "+20 核准金额接近自动核准上限（90%以上）", "+10 本保障期内已有给付");
        browser.findElement(By.id("audit-outcome-finding")).click();
        new Select(browser.findElement(By.id("audit-finding"))).selectByValue("OVERCALCULATED");
        browser.findElement(By.id("audit-amount")).sendKeys("2800.01");
        browser.findElement(By.id("audit-note")).sendKeys("住院天数与出院小结不符");
        browser.findElement(By.id("audit-record")).click();
        WebElement amountError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#audit-form [data-error-for=amount]")));
        assertThat(amountError.getText()).isEqualTo("应追回金额不能超过已支付的2800.00元");
        browser.findElement(By.id("audit-amount")).clear();
        browser.findElement(By.id("audit-amount")).sendKeys("300.00");
        browser.findElement(By.id("audit-record")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-notice")));
        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#audit-card .card-head [data-status]")));
        assertThat(status.getDomAttribute("data-status")).isEqualTo("FINDING");
        JsonNode check = get("demo-reviewer", "/api/v1/claims/" + claim + "/audit").json();
        assertThat(check.path("findingAmount").asString()).isEqualTo("300.00");
        assertThat(browser.findElements(By.id("audit-confirm"))).as("the finder does not confirm their own finding").isEmpty();
        session.assertAccessible("the claim's post-payment check", List.of("#audit-card"));
        screenshots("audit-finding");
    }

    @Test
    void financeRecordsARepaymentOfAConfirmedRecoveryOnTheClaimPage() throws IOException {
        long claim = offices.riskyAutomaticApproval(offices.newCounty());
        String audit = "/api/v1/claims/" + claim + "/audit";
        assertThat(post("demo-reviewer", audit + "/result", "{\"outcome\":\"FINDING\",\"findingCode\":\"DUPLICATE_CLAIM\","
                + "\"amount\":\"300.00\",\"note\":\"同一次住院已在他处报销\"}").status()).isEqualTo(200);
        assertThat(PayoutRound.pay(payouts, "HZ-" + claim + "-1").status()).isEqualTo(PayoutStatus.SETTLED);
        assertThat(post("demo-reviewer2", audit + "/confirmation", "{}").status()).isEqualTo(200);

        session.logIn("demo-finance");
        browser.findElement(By.id("nav-audits")).click();
        WebElement recovery = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#recoveries-table tbody tr[data-claim='" + claim + "']")));
        assertThat(recovery.getText()).contains("重复申领或重复报销", "¥300.00", "追回中");
        recovery.findElement(By.cssSelector("button.linklike")).click();
        WebElement amount = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("repay-amount")));
        assertThat(amount.getDomProperty("value")).isEqualTo("300.00");
        amount.clear();
        amount.sendKeys("100.00");
        WebElement receivedOn = browser.findElement(By.id("repay-on"));
        assertThat(receivedOn.getDomProperty("value")).as("no default payment date").isEmpty();
        browser.executeScript("arguments[0].value = arguments[1]", receivedOn, today().toString());
        browser.findElement(By.id("repay-reference")).sendKeys("WB" + claim);
        browser.findElement(By.id("recovery-repay")).click();
        wait.until(ExpectedConditions.textToBe(By.id("recovery-outstanding"), "¥200.00"));
        assertThat(get("demo-finance", "/api/v1/recoveries?status=OPEN").json()).filteredOn(r -> r.path("claimId").asLong() == claim)
                .extracting(r -> r.path("outstanding").asString()).containsExactly("200.00");
        assertThat(browser.findElement(By.id("recovery-repayments")).getText()).contains("¥100.00", "WB" + claim);
        session.assertAccessible("the claim's recovery", List.of("#audit-card"));
        screenshots("recovery");
    }

    private String count(WebElement row, String name) {
        return row.findElement(By.cssSelector("[data-count=" + name + "]")).getText();
    }

    @SuppressWarnings("unchecked")
    private List<Long> rowIds(String table) {
        List<Object> ids = (List<Object>) browser.executeScript(
                "return [...document.querySelectorAll(arguments[0] + ' tbody tr')].map(tr => tr.dataset.id)", table);
        return ids.stream().map(id -> Long.parseLong(String.valueOf(id))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return (List<String>) browser.executeScript("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())", css);
    }

    /** The page as it is now on a 390 px phone and at 1366 px ({@code name}-390.png, {@code name}-1366.png). */
    private void screenshots(String name) throws IOException {
        session.phone();
        session.phoneAndDesktopScreenshots(name);
        session.desktop();
    }
}
