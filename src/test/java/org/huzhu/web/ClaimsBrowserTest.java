package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.shared.BankAccount;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.IdNumber;
import org.huzhu.support.ReceiptNumbers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The claims screens (互助金申领) in a real headless Chromium: filing a claim through the form,
 * uploading its materials and submitting it; a reviewer's queue, approval with an adjusted amount
 * (a coded reason from the API's list, the API's demand for one shown next to its field, and the
 * form saying when a second reviewer is needed), rejection without a reason, a decision
 * another reviewer made first (409); and what a worker and finance may see. What the pages show
 * is checked against what the API answers for the same claim.
 */
class ClaimsBrowserTest extends BrowserTest {

    /** ID numbers of this class use area 3202xx (Wuxi), used by no other test or the demo data. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(400));
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    /** What a hospital claim with complete materials needs: ID card, bank card (always) and HOSPITAL's three. */
    private static final List<String> HOSPITAL_KINDS = List.of("ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY");

    @Test
    void administratorFilesAClaimThroughTheFormUploadsTheMaterialsAndSubmitsIt() throws IOException {
        Worker worker = worker("HOSPITAL:1");
        session.logIn("demo-admin");
        browser.findElement(By.id("nav-apply")).click();
        WebElement query = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-member-query")));
        query.sendKeys(worker.idNumber());
        browser.findElement(By.id("claim-member-find")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-member-info"), worker.name()));
        WebElement hospital = wait.until(ExpectedConditions.elementToBeClickable(By.id("claim-item-HOSPITAL")));
        assertThat(browser.findElements(By.cssSelector("#claim-items input[name=items]"))).hasSize(1);

        // an appendicitis stay 30 to 20 days ago; 1,000.00 self-paid after 1,000.00 from the fund
        String receiptNumber = receiptNumber();
        fillClaim("K35.800", "2000.00", "1000.00", "1000.00", "0.00");
        click(By.id("claim-receipt-add"));
        assertThat(receiptRows()).hasSize(2);
        receiptRows().get(1).findElement(By.className("receipt-remove")).click();
        assertThat(receiptRows()).hasSize(1);
        WebElement row = receiptRows().getFirst();
        row.findElement(By.className("receipt-code")).sendKeys("4206012");
        row.findElement(By.className("receipt-number")).sendKeys(receiptNumber);
        row.findElement(By.className("receipt-amount")).sendKeys("2000.00");
        hospital.click();

        // a 7-digit receipt code: the API's message appears in the row, next to the code
        click(By.id("claim-create"));
        WebElement codeError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#claim-form [data-error-for='receipts[0].invoiceCode']")));
        Map<String, Object> bad = hospitalClaim(worker.id(), "1000.00", true);
        bad.put("receipts", List.of(Map.of("invoiceCode", "4206012", "invoiceNumber", receiptNumber, "electronic", true, "amount", "2000.00")));
        Answer refused = post("demo-admin", "/api/v1/claims", JSON.writeValueAsString(bad));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(codeError.getText()).isEqualTo(errorMessage(refused, "receipts[0].invoiceCode")).isNotBlank();
        assertThat(row.findElement(By.className("receipt-code")).getDomAttribute("aria-invalid")).isEqualTo("true");
        session.fullPageScreenshot("claim-form.png");

        row.findElement(By.className("receipt-code")).clear();
        row.findElement(By.className("receipt-code")).sendKeys("42060126");
        click(By.id("claim-create"));

        long claim = Long.parseLong(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-heading")))
                .getDomAttribute("data-id"));
        assertThat(browser.getCurrentUrl()).endsWith("#claims?id=" + claim);
        JsonNode draft = get("demo-admin", "/api/v1/claims/" + claim).json();
        assertThat(draft.path("reference").asString()).isEqualTo(String.format("CLM-%06d", claim));
        assertThat(browser.findElement(By.id("claim-heading")).getText()).endsWith(draft.path("reference").asString());
        assertThat(draft.path("memberId").asLong()).isEqualTo(worker.id());
        assertThat(draft.path("receipts").get(0).path("invoiceNumber").asString()).isEqualTo(receiptNumber);
        assertThat(draft.path("items")).extracting(JsonNode::asString).containsExactly("HOSPITAL");
        assertThat(status()).isEqualTo("DRAFT");
        assertThat(browser.findElement(By.id("claim-status")).getText()).isEqualTo("草稿");
        // always ID card and bank card; HOSPITAL needs the receipt, the insurance settlement and the discharge summary
        assertThat(texts("#claim-missing li")).containsExactly("身份证", "银行卡", "医疗收费票据", "医保结算单", "出院小结")
                .containsExactlyElementsOf(strings(draft.path("missingMaterials")));

        Select kind = new Select(browser.findElement(By.id("document-kind")));
        Map<String, String> kinds = documentKinds();
        assertThat(kind.getOptions()).extracting(o -> o.getDomAttribute("value")).containsExactlyElementsOf(kinds.keySet());
        assertThat(kind.getOptions()).extracting(WebElement::getText).containsExactlyElementsOf(kinds.values());

        Path pdf = Files.createTempFile(Files.createDirectories(Browser.TMP), "claim-document-", ".pdf");
        Files.write(pdf, PDF);
        for (int i = 0; i < HOSPITAL_KINDS.size(); i++) {
            new Select(browser.findElement(By.id("document-kind"))).selectByValue(HOSPITAL_KINDS.get(i));
            browser.findElement(By.id("document-file")).sendKeys(pdf.toAbsolutePath().toString());
            click(By.id("document-upload"));
            int uploaded = i + 1;
            wait.until(d -> d.findElements(By.cssSelector("#claim-documents tbody tr")).size() == uploaded);
        }
        assertThat(browser.findElements(By.id("claim-missing"))).isEmpty();
        assertThat(texts("#claim-documents tbody tr td:first-child")).containsExactly("身份证", "银行卡", "医疗收费票据", "医保结算单", "出院小结");
        String href = browser.findElement(By.cssSelector("#claim-documents tbody tr a")).getDomAttribute("href");
        Object downloaded = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(t => done(t.slice(0, 5)));", href);
        assertThat(downloaded).isEqualTo("%PDF-");

        click(By.id("claim-submit"));
        wait.until(d -> status().equals("PAYMENT_PENDING"));

        JsonNode submitted = get("demo-admin", "/api/v1/claims/" + claim).json();
        assertThat(submitted.path("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(browser.findElement(By.id("claim-status")).getText()).isEqualTo("待支付");
        // HOSPITAL, 1 share: 60% × (1,000.00 self-paid − 200.00 deductible) = 480.00, below 3,000.00 with an
        // electronic receipt and complete materials, so approved automatically
        assertThat(text("claim-total")).isEqualTo("¥480.00");
        assertThat(submitted.path("approvedTotal").asString()).isEqualTo("480.00");
        WebElement benefit = browser.findElement(By.cssSelector("#claim-benefits tbody tr[data-item=HOSPITAL]"));
        assertThat(benefit.getDomAttribute("data-decision")).isEqualTo("PAY");
        assertThat(benefit.findElements(By.tagName("td")).get(1).getText()).isEqualTo("给付");
        assertThat(benefit.findElements(By.tagName("td")).get(2).getText()).isEqualTo("¥480.00");
        JsonNode payout = submitted.path("payoutRequests").get(0);
        WebElement payoutRow = browser.findElement(By.cssSelector("#claim-payouts tbody tr"));
        assertThat(payoutRow.getText()).contains("HZ-" + claim + "-1").contains("¥480.00")
                .contains(payout.path("maskedAccount").asString()).doesNotContain(worker.account());
        assertThat(timeline()).containsExactly("→DRAFT", "DRAFT→SUBMITTED", "SUBMITTED→APPROVED", "APPROVED→PAYMENT_PENDING");
        assertThat(text("claim-working-days")).startsWith(submitted.path("workingDaysElapsed").asInt() + " / 7");
        assertThat(text("claim-promise")).contains(submitted.path("promiseDueOn").asString());
        session.fullPageScreenshot("claim.png");

        session.phone();
        wait.until(d -> !d.findElement(By.cssSelector("#claim-benefits thead")).isDisplayed());
        browser.executeScript("window.scrollTo(0, 0)");
        session.screenshot("claim-phone.png");
        browser.executeScript("document.getElementById('claim-benefits').scrollIntoView()");
        session.screenshot("claim-phone-2.png");
        browser.executeScript("document.getElementById('claim-timeline').scrollIntoView()");
        session.screenshot("claim-phone-3.png");
        session.desktop();
    }

    @Test
    void reviewerFindsTheClaimInTheQueueAndApprovesItWithAnAdjustmentThatNeedsAReason() throws IOException {
        Worker worker = worker("HOSPITAL:1");
        long claim = claimUnderReview(worker);
        JsonNode before = get("demo-reviewer", "/api/v1/claims/" + claim).json();
        // 1 share, 9,000.00 self-paid: base 8,800.00; 60% × 5,000 + 70% × 3,800 = 5,660.00, reviewed by the county
        assertThat(before.path("computedTotal").asString()).isEqualTo("5660.00");
        assertThat(before.path("reviewLevel").asString()).isEqualTo("COUNTY");

        session.logIn("demo-reviewer");
        browser.findElement(By.id("nav-review")).click();
        WebElement row = queueRow(claim);
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells.get(0)).as("the claim's number as texts name it").isEqualTo(org.huzhu.claims.ClaimReference.of(claim));
        assertThat(cells.get(1)).isEqualTo(worker.name());
        assertThat(cells.get(4)).isEqualTo("审核中");
        assertThat(cells.get(5)).isEqualTo("¥5660.00");
        assertThat(cells.get(6)).isEqualTo("县（区）级");
        assertThat(cells.get(7)).isEqualTo(String.valueOf(before.path("workingDaysElapsed").asInt()));
        List<Long> shown = rowIds();
        List<Long> expected = new ArrayList<>();
        get("demo-reviewer", "/api/v1/claims?status=UNDER_REVIEW&limit=" + shown.size()).json()
                .forEach(c -> expected.add(c.path("id").asLong()));
        assertThat(shown).containsExactlyElementsOf(expected);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", row);
        session.screenshot("queue.png");
        session.phone();
        wait.until(d -> !d.findElement(By.cssSelector("#claims-table thead")).isDisplayed());
        browser.executeScript("window.scrollTo(0, 0)");
        session.screenshot("queue-phone.png");
        session.desktop();

        row = queueRow(claim);
        row.findElement(By.cssSelector("button.linklike")).click();
        WebElement amount = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("adjust-amount-HOSPITAL")));
        assertThat(amount.getDomProperty("value")).isEqualTo("5660.00");
        // the reasons offered are the API's one list; above the computed amount the form says a second reviewer is needed
        Select code = new Select(browser.findElement(By.id("adjust-code-HOSPITAL")));
        List<String> offered = code.getOptions().stream().map(o -> o.getDomAttribute("value")).filter(v -> !v.isEmpty()).toList();
        List<String> listed = new ArrayList<>();
        get("demo-reviewer", "/api/v1/claims/review-rules").json().path("adjustmentReasons").forEach(r -> listed.add(r.path("code").asString()));
        assertThat(offered).containsExactlyElementsOf(listed);
        WebElement needs = browser.findElement(By.id("approve-needs"));
        assertThat(needs.getDomAttribute("data-second")).isEqualTo("false");
        amount.clear();
        amount.sendKeys("12000.00");
        wait.until(d -> "true".equals(needs.getDomAttribute("data-second")));
        assertThat(needs.getDomAttribute("data-level")).isEqualTo("CITY");
        assertThat(needs.getText()).contains("另一名审核员");
        amount.clear();
        amount.sendKeys("5000.00");
        wait.until(d -> "false".equals(needs.getDomAttribute("data-second")));
        browser.findElement(By.id("adjust-reason-HOSPITAL")).sendKeys("部分费用与住院无关，核减");
        click(By.id("claim-approve"));

        // free text does not replace the coded reason: the API's message appears next to the reason's list
        WebElement reasonError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#approve-form [data-error-for='items[0].reasonCode']")));
        Answer refused = post("demo-reviewer", "/api/v1/claims/" + claim + "/approve",
                "{\"items\":[{\"item\":\"HOSPITAL\",\"amount\":\"5000.00\",\"reason\":\"部分费用与住院无关，核减\"}]}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(reasonError.getText()).isEqualTo(errorMessage(refused, "items[0].reasonCode")).isNotBlank();
        assertThat(status()).isEqualTo("UNDER_REVIEW");
        session.fullPageScreenshot("claim-review.png");

        new Select(browser.findElement(By.id("adjust-code-HOSPITAL"))).selectByValue("UNRELATED_EXPENSES");
        click(By.id("claim-approve"));
        wait.until(d -> status().equals("PAYMENT_PENDING"));

        JsonNode after = get("demo-reviewer", "/api/v1/claims/" + claim).json();
        assertThat(after.path("approvedTotal").asString()).isEqualTo("5000.00");
        assertThat(text("claim-notice")).contains("已核准").contains("¥5000.00");
        assertThat(text("claim-total")).isEqualTo("¥5000.00");
        WebElement benefit = browser.findElement(By.cssSelector("#claim-benefits tbody tr[data-item=HOSPITAL]"));
        assertThat(benefit.findElements(By.tagName("td")).get(3).getText()).isEqualTo("¥5000.00");
        assertThat(benefit.getText()).contains("与本次住院或事故无关的费用").contains("部分费用与住院无关，核减").contains("demo-reviewer");
        assertThat(after.path("benefits").get(0).path("adjustReasonCode").asString()).isEqualTo("UNRELATED_EXPENSES");
        // handed to its office's reviewer or pool, then taken over by demo-reviewer, who decided it
        assertThat(timeline()).containsExactly("→DRAFT", "DRAFT→SUBMITTED", "SUBMITTED→UNDER_REVIEW", "UNDER_REVIEW→UNDER_REVIEW",
                "UNDER_REVIEW→UNDER_REVIEW", "UNDER_REVIEW→APPROVED", "APPROVED→PAYMENT_PENDING");
        WebElement approval = browser.findElement(By.cssSelector("#claim-timeline li[data-to=APPROVED]"));
        assertThat(approval.getText()).contains("demo-reviewer");
        assertThat(browser.findElements(By.id("review-card"))).isEmpty();
        assertThat(text("claim-payouts")).contains("HZ-" + claim + "-1").contains("¥5000.00");
    }

    @Test
    void rejectingWithoutAReasonShowsTheFieldErrorAndADecisionTakenMeanwhileIsReportedAndReloaded() {
        long claim = claimUnderReview(worker("HOSPITAL:1"));
        session.logIn("demo-reviewer");
        browser.get(session.url("/#review?id=" + claim));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-reject")));
        click(By.id("claim-reject"));

        WebElement reasonError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#reject-form [data-error-for=reason]")));
        Answer refused = post("demo-reviewer", "/api/v1/claims/" + claim + "/reject", "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(reasonError.getText()).isEqualTo(errorMessage(refused, "reason")).isNotBlank();
        assertThat(browser.findElement(By.id("reject-reason")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(get("demo-admin", "/api/v1/claims/" + claim).json().path("status").asString()).isEqualTo("UNDER_REVIEW");

        // another reviewer approves while this page is open (not demo-admin, who filed it)
        Answer approved = post("demo-reviewer2", "/api/v1/claims/" + claim + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        browser.findElement(By.id("reject-reason")).sendKeys("票据与住院记录不符");
        click(By.id("claim-reject"));

        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-notice")));
        Answer late = post("demo-reviewer", "/api/v1/claims/" + claim + "/reject", "{\"reason\":\"票据与住院记录不符\"}");
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(notice.getText()).contains("未能完成审核").contains(late.field("detail"));
        assertThat(status()).isEqualTo("PAYMENT_PENDING");
        assertThat(browser.findElements(By.id("review-card"))).as("nothing left to decide").isEmpty();
        assertThat(get("demo-admin", "/api/v1/claims/" + claim).json().path("status").asString()).isEqualTo("PAYMENT_PENDING");
    }

    @Test
    void workerFilesForThemselvesAndSeesOnlyTheirOwnClaims() {
        long someoneElses = fileClaim(worker("HOSPITAL:1").id(), hospitalClaim(null, "500.00", true));
        JsonNode self = get("demo-member", "/api/v1/members").json().get(0);
        long selfId = self.path("id").asLong();

        session.logIn("demo-member");
        assertThat(session.navSections()).containsExactly("members", "apply", "claims", "inbox", "account");
        browser.findElement(By.id("nav-apply")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-member-own")));
        assertThat(browser.findElements(By.id("claim-member-query"))).isEmpty();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-member-info"), self.path("name").asString()));
        fillClaim("K35.800", "1500.00", "1000.00", "500.00", "0.00");
        WebElement row = receiptRows().getFirst();
        row.findElement(By.className("receipt-code")).sendKeys("42060126");
        row.findElement(By.className("receipt-number")).sendKeys(receiptNumber());
        row.findElement(By.className("receipt-amount")).sendKeys("1500.00");
        click(By.id("claim-create"));

        long own = Long.parseLong(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-heading")))
                .getDomAttribute("data-id"));
        assertThat(get("demo-member", "/api/v1/claims/" + own).json().path("memberId").asLong()).isEqualTo(selfId);
        assertThat(browser.findElements(By.id("claim-submit"))).hasSize(1);
        assertThat(browser.findElements(By.id("document-form"))).hasSize(1);
        assertThat(browser.findElements(By.id("review-card"))).isEmpty();

        browser.findElement(By.id("nav-claims")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#claims-table tbody tr[data-id='" + own + "']")));
        assertThat(browser.findElement(By.cssSelector("#section-claims h1")).getText()).isEqualTo("我的申领");
        List<Long> expected = new ArrayList<>();
        get("demo-member", "/api/v1/claims?limit=50").json().forEach(c -> expected.add(c.path("id").asLong()));
        assertThat(rowIds()).containsExactlyElementsOf(expected).contains(own).doesNotContain(someoneElses);
        assertThat(browser.findElements(By.cssSelector("#claims-table tbody tr")))
                .allSatisfy(tr -> assertThat(tr.getDomAttribute("data-member")).isEqualTo(String.valueOf(selfId)));

        browser.get(session.url("/#review"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("section-members")));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("审核队列");
    }

    @Test
    void financeReadsAClaimButCannotChangeIt() {
        long claim = fileClaim(worker("HOSPITAL:1").id(), hospitalClaim(null, "500.00", true));
        Answer attached = upload("demo-admin", "/api/v1/claims/" + claim + "/documents?kind=DISCHARGE_SUMMARY", "file", "出院记录.pdf", PDF);
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        session.logIn("demo-finance");
        assertThat(session.navSections()).contains("claims").doesNotContain("apply", "review");
        browser.get(session.url("/#claims?id=" + claim));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-status")));
        assertThat(status()).isEqualTo("DRAFT");
        assertThat(browser.findElements(By.id("claim-submit"))).isEmpty();
        assertThat(browser.findElements(By.id("document-form"))).isEmpty();
        assertThat(browser.findElements(By.id("review-card"))).isEmpty();
        assertThat(browser.findElements(By.id("claims-new"))).isEmpty();
        // medical data: the diagnosis and the document's content are not shown to finance, only that they were handed in
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).doesNotContain("K35.800").contains("已提交").contains("出院记录.pdf");
        assertThat(browser.findElements(By.cssSelector("#claim-documents a"))).isEmpty();
    }

    // ---------- the page ----------

    /** Fills the incident, stay and expenses of an illness 30 days ago with a stay from then to 20 days ago. */
    private void fillClaim(String diagnosis, String total, String fundPaid, String selfPaid, String selfFunded) {
        setValue("claim-incident-date", today.minusDays(30).toString());
        browser.findElement(By.id("claim-diagnoses")).sendKeys(diagnosis);
        setValue("claim-admission", today.minusDays(30).toString());
        setValue("claim-discharge", today.minusDays(20).toString());
        browser.findElement(By.id("claim-total-input")).sendKeys(total);
        browser.findElement(By.id("claim-fund-paid")).sendKeys(fundPaid);
        browser.findElement(By.id("claim-self-paid")).sendKeys(selfPaid);
        browser.findElement(By.id("claim-self-funded")).sendKeys(selfFunded);
    }

    /** Date inputs take keys in the browser's locale format; the value property is ISO everywhere. */
    private void setValue(String id, String value) {
        browser.executeScript("const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + " e.dispatchEvent(new Event('input', {bubbles: true}));", id, value);
    }

    /** Clicks in the middle of the window, away from the sticky header. */
    private void click(By locator) {
        WebElement element = browser.findElement(locator);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private List<WebElement> receiptRows() {
        return browser.findElements(By.cssSelector("#claim-receipts-input .receipt-row"));
    }

    private String status() {
        return browser.findElement(By.id("claim-status")).getDomAttribute("data-status");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return (List<String>) browser.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())", css);
    }

    @SuppressWarnings("unchecked")
    private List<Long> rowIds() {
        List<Object> ids = (List<Object>) browser.executeScript(
                "return [...document.querySelectorAll('#claims-table tbody tr')].map(tr => tr.dataset.id)");
        return ids.stream().map(id -> Long.parseLong(String.valueOf(id))).toList();
    }

    /** The timeline's transitions as shown, "FROM→TO" ("→DRAFT" for the first). */
    @SuppressWarnings("unchecked")
    private List<String> timeline() {
        return (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('#claim-timeline li')].map(li => li.dataset.from + '→' + li.dataset.to)");
    }

    /** The queue's row of the claim, loading more pages until it shows. */
    private WebElement queueRow(long claim) {
        By row = By.cssSelector("#claims-table tbody tr[data-id='" + claim + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#claims-table, #claims-results .empty")));
        while (browser.findElements(row).isEmpty()) {
            int before = browser.findElements(By.cssSelector("#claims-table tbody tr")).size();
            assertThat(browser.findElements(By.id("claims-more"))).as("claim %d in the queue", claim).isNotEmpty();
            browser.findElement(By.id("claims-more")).click();
            wait.until(d -> d.findElements(By.cssSelector("#claims-table tbody tr")).size() > before);
        }
        return browser.findElement(row);
    }

    // ---------- data through the API ----------

    private record Worker(long id, String name, String idNumber, String account) {
    }

    /** A fresh worker of a fresh unit in 武昌区, enrolled 200 days ago (waiting periods over), with a bank account. */
    private Worker worker(String... items) {
        long unit = createUnit("武昌区总工会");
        String idNumber = idNumber();
        String name = "申领浏览器" + "甲乙丙丁戊己庚辛壬癸".charAt(SEQUENCE.get() % 10);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of(
                "name", name, "idNumber", idNumber, "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        enrolItems(unit, member, today.minusDays(200), items);
        String account = cardNumber();
        setBankAccount(member, "中国工商银行", account);
        return new Worker(member, name, idNumber, account);
    }

    /** 9,000.00 self-paid on a paper receipt, every material attached: submitted, it waits for a reviewer. */
    private long claimUnderReview(Worker worker) {
        long claim = fileClaim(worker.id(), hospitalClaim(null, "9000.00", false));
        for (String kind : HOSPITAL_KINDS) {
            Answer answer = upload("demo-admin", "/api/v1/claims/" + claim + "/documents?kind=" + kind, "file", kind + ".pdf", PDF);
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
        Answer submitted = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().path("status").asString()).isEqualTo("UNDER_REVIEW");
        return claim;
    }

    /** An appendicitis stay 30 to 20 days ago; the bill is self-paid plus 1,000.00 from the fund; one receipt. */
    private Map<String, Object> hospitalClaim(Long member, String selfPaid, boolean electronic) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (member != null) body.put("memberId", member);
        body.put("kind", "ILLNESS");
        body.put("incidentDate", today.minusDays(30).toString());
        body.put("diagnoses", List.of("K35.800"));
        body.put("hospitalStay", Map.of("admission", today.minusDays(30).toString(), "discharge", today.minusDays(20).toString()));
        String total = new BigDecimal(selfPaid).add(new BigDecimal("1000.00")).toPlainString();
        body.put("expenses", Map.of("total", total, "fundPaid", "1000.00", "selfPaid", selfPaid, "selfFunded", "0.00"));
        body.put("receipts", List.of(Map.of("invoiceCode", "42060126", "invoiceNumber", receiptNumber(),
                "electronic", electronic, "amount", total)));
        return body;
    }


    private long createUnit(String county) {
        long organisation = -1;
        for (JsonNode node : get("demo-admin", "/api/v1/organisations").json()) {
            if (node.path("name").asString().equals(county)) organisation = node.path("id").asLong();
        }
        StringBuilder code = new StringBuilder("91320200").append(String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
        code.append(CreditCode.checkCharacter(code));
        Answer answer = post("demo-admin", "/api/v1/units", JSON.writeValueAsString(Map.of("name", "申领浏览器测试单位" + SEQUENCE.incrementAndGet(),
                "creditCode", code.toString(), "ownership", "OTHER", "headcount", 50, "organisationId", organisation)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    /** The kinds and Chinese names the documents endpoint accepts, from the file the API reads them from. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> documentKinds() throws IOException {
        try (InputStream in = new ClassPathResource("claims/materials.yaml").getInputStream()) {
            Map<String, Object> file = YAMLMapper.builder().build().readValue(in, Map.class);
            return (Map<String, String>) file.get("kinds");
        }
    }

    private static String errorMessage(Answer answer, String field) {
        for (JsonNode e : answer.json().path("errors")) {
            if (e.path("field").asString().equals(field)) return e.path("message").asString();
        }
        return null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static String idNumber() {
        int n = SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(15 * 365));
        String first17 = "3202" + String.format("%02d", n / 900 % 100) + birth.toString().replace("-", "")
                + String.format("%03d", n % 900 + 1);
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static String receiptNumber() {
        return ReceiptNumbers.next();
    }

    private static String cardNumber() {
        String body = "622202" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        for (int d = 0; d <= 9; d++) {
            if (BankAccount.luhnValid(body + d)) return body + d;
        }
        throw new IllegalStateException();
    }
}
