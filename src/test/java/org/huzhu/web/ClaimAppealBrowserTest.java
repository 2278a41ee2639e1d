package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.claims.ClaimReference;
import org.huzhu.identity.Accounts;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.organisation.Organisations;
import org.huzhu.recognition.specimen.PngRenderer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.shared.scope.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 申诉与决定书 in a real headless Chromium: union staff lodge an appeal for a worker on the claim's page; a city reviewer
 * finds it in the review queue and changes the rejection to an approval, the appeal beside the timeline and both
 * decision letters listed; the queue a page at a time under its whole count; a worker appeals a cut in the member app
 * with a photo and downloads the letter. What the pages show is checked against the API. Screenshots claim-appeal-*.png
 * and m-claim-appeal-*.png at 390 and 1366 px.
 */
class ClaimAppealBrowserTest extends BrowserTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Accounts accounts;
    @Autowired
    Organisations organisations;
    @Autowired
    SimulatedSmsCentre centre;

    @Test
    void unionStaffLodgeAnAppealForAWorkerOnTheClaimsPage() throws IOException {
        long claim = rejected(worker(), reviewer("武昌区总工会"));
        session.logIn("demo-wuhan");
        browser.get(session.url("/#claims?id=" + claim));

        WebElement until = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("appeal-until")));
        assertThat(until.getText()).contains("拒付", claim(claim).path("appealableUntil").asString());
        assertThat(browser.findElements(By.id("appeal-summary"))).isEmpty();
        click(By.id("appeal-lodge"));
        WebElement reasonError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#appeal-form [data-error-for='reason']")));
        assertThat(reasonError.getText()).isEqualTo("请写明申诉理由");

        browser.findElement(By.id("appeal-reason")).sendKeys("职工住院期间行动不便，由市总工会代为申诉：补充出院小结证明住院属实");
        new Select(browser.findElement(By.id("appeal-kind"))).selectByValue("DISCHARGE_SUMMARY");
        Path pdf = Files.createTempFile(Files.createDirectories(Browser.TMP), "appeal-", ".pdf");
        Files.write(pdf, PDF);
        browser.findElement(By.id("appeal-file")).sendKeys(pdf.toAbsolutePath().toString());
        session.phone();
        session.phoneAndDesktopScreenshots("claim-appeal-lodge");
        session.desktop();
        click(By.id("appeal-lodge"));

        wait.until(ExpectedConditions.textToBe(By.id("claim-status"), "申诉中"));
        JsonNode appeal = claim(claim).path("appeal");
        assertThat(appeal.path("lodgedBy").asString()).isEqualTo("demo-wuhan");
        assertThat(browser.findElement(By.id("appeal-lodged-by")).getText()).contains("demo-wuhan", "代职工提出");
        assertThat(browser.findElement(By.id("appeal-level")).getText()).contains(appeal.path("levelName").asString()).contains("市（州）级");
        assertThat(browser.findElement(By.id("appeal-reason-text")).getText()).contains("补充出院小结证明住院属实");
        assertThat(browser.findElement(By.id("claim-documents")).getText()).contains("出院小结");
        assertThat(browser.findElements(By.id("appeal-card"))).as("one appeal per claim").isEmpty();
        assertThat(browser.findElement(By.cssSelector("#claim-timeline li[data-to=APPEALED]")).getText()).contains("demo-wuhan");
        session.phone();
        session.phoneAndDesktopScreenshots("claim-appeal-lodged");
        session.desktop();
    }

    @Test
    void aCityReviewerFindsTheAppealInTheQueueAndChangesTheRejectionToAnApproval() throws IOException {
        Worker w = worker();
        long claim = rejected(w, reviewer("武昌区总工会"));
        assertThat(lodge(claim, "票据是医院补开的，请复核").status()).isEqualTo(200);
        String city = reviewer("武汉市总工会");
        session.logIn(city);
        browser.findElement(By.id("nav-review")).click();

        By row = By.cssSelector("#appeal-queue-table tbody tr[data-id='" + claim + "']");
        pages.showRowOf("appeal-queue", ClaimReference.of(claim));   // the newest appeal: past the first page when there are more
        WebElement queued = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(queued.getText()).contains(ClaimReference.of(claim), "对拒付的申诉", "申诉中", "市（州）级");
        session.phone();
        session.phoneAndDesktopScreenshots("claim-appeal-queue");
        session.desktop();
        browser.findElement(row).findElement(By.cssSelector("button.linklike")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("appeal-decide-card")));
        assertThat(browser.findElements(By.id("review-card"))).as("an appeal is decided in its own card").isEmpty();
        assertThat(browser.findElement(By.id("appeal-reason-text")).getText()).contains("票据是医院补开的");
        click(By.id("appeal-keep"));
        click(By.id("appeal-decide"));
        WebElement reasonError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#appeal-decide-form [data-error-for='reason']")));
        assertThat(reasonError.getText()).isEqualTo("维持原决定须写明理由");

        click(By.id("appeal-change"));
        WebElement amount = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("appeal-amount-HOSPITAL")));
        assertThat(amount.getDomProperty("value")).isEqualTo("480.00");
        browser.findElement(By.id("appeal-decision-reason")).sendKeys("补开票据与住院记录一致，改为核准");
        session.phone();
        session.phoneAndDesktopScreenshots("claim-appeal-decide");
        session.desktop();
        click(By.id("appeal-decide"));

        wait.until(ExpectedConditions.textToBe(By.id("claim-status"), "待支付"));
        JsonNode decided = claim(claim);
        assertThat(decided.path("appeal").path("outcome").asString()).isEqualTo("CHANGED");
        assertThat(decided.path("approvedTotal").asString()).isEqualTo("480.00");
        assertThat(browser.findElement(By.id("claim-notice")).getText()).contains("改变原决定");
        assertThat(browser.findElement(By.id("appeal-summary")).getText()).contains("改变原决定", city, "¥480.00");
        assertThat(browser.findElements(By.cssSelector("#claim-timeline li[data-to=APPROVED]"))).hasSize(1);
        List<WebElement> letters = browser.findElements(By.cssSelector("#claim-letters a"));
        assertThat(letters).extracting(WebElement::getText).containsExactly("互助金申领决定书（" + today + "）", "申诉复核决定书（" + today + "）");
        Object pdf = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(r => r.text()).then(t => done(t.slice(0, 5)));", letters.get(1).getDomAttribute("href"));
        assertThat(pdf).isEqualTo("%PDF-");
        session.phone();
        session.phoneAndDesktopScreenshots("claim-appeal-decided");
        session.desktop();
    }

    /**
     * The appeal queue shows a page of 50 under a heading that counts the whole queue, says how many it shows, and 加载更多
     * appends the next page: the appeals the API lists after the first 50. Deciding one on its claim's page, the reviewer
     * comes back to the queue from its first page, one appeal fewer. More than a page of appeals is lodged here, whatever
     * the tests before left, and kept at the end. Screenshots claim-appeal-queue-pages-*.png (the page's top) and claim-appeal-queue-more-*.png
     * (the queue's foot), at 390 and 1366 px.
     */
    @Test
    void theAppealQueueShowsAPageAtATimeUnderItsWholeCount() throws IOException {
        Worker w = worker();
        String county = reviewer("武昌区总工会");
        List<Long> lodged = new ArrayList<>();
        for (int i = 0; i <= PagedLists.PAGE; i++) {
            long claim = rejected(w, county);
            assertThat(lodge(claim, "请复核").status()).isEqualTo(200);
            lodged.add(claim);
        }
        String city = reviewer("武汉市总工会");
        session.logIn(city);
        browser.findElement(By.id("nav-review")).click();

        JsonNode summary = get(city, "/api/v1/claims/appeals/summary").json();
        pages.assertFirstPage("appeal-queue", PagedLists.CLAIMS, PagedLists.heading("待复核的申诉", PagedLists.CLAIMS, summary, null), queued(city, 0));
        session.phoneAndDesktopScreenshots("claim-appeal-queue-pages");
        pages.footScreenshots("appeal-queue-more", "claim-appeal-queue-more");
        session.desktop();
        pages.assertNextPage("appeal-queue", PagedLists.CLAIMS, summary.path("count").asInt(), queued(city, PagedLists.PAGE));
        session.assertAccessible("申诉复核，两页", List.of("#appeal-queue"));

        long claim = pages.shownIds("appeal-queue").stream().filter(lodged::contains).findFirst().orElseThrow();
        WebElement open = browser.findElement(By.cssSelector("#appeal-queue-table tr[data-id='" + claim + "'] button.linklike"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", open);
        open.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("appeal-decide-card")));
        click(By.id("appeal-keep"));
        browser.findElement(By.id("appeal-decision-reason")).sendKeys("补充材料不能证明住院费用");
        click(By.id("appeal-decide"));
        wait.until(ExpectedConditions.textToBe(By.id("claim-status"), "已拒付"));
        browser.findElement(By.id("nav-review")).click();

        JsonNode after = get(city, "/api/v1/claims/appeals/summary").json();
        assertThat(after.path("count").asLong()).isEqualTo(summary.path("count").asLong() - 1);
        pages.assertFirstPage("appeal-queue", PagedLists.CLAIMS, PagedLists.heading("待复核的申诉", PagedLists.CLAIMS, after, null), queued(city, 0));
        assertThat(pages.shownIds("appeal-queue")).doesNotContain(claim);

        // the queue left as the tests before found it: a reviewer's review page shows it above the claims in review
        for (long other : lodged) {
            if (other == claim) continue;
            Answer kept = post(city, "/api/v1/claims/" + other + "/appeal/decision", "{\"outcome\":\"UPHELD_ORIGINAL\",\"reason\":\"维持\"}");
            assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        }
    }

    /** The claims of the page of the reviewer's appeal queue the API lists from {@code offset}. */
    private List<Long> queued(String reviewer, int offset) {
        List<Long> ids = new ArrayList<>();
        get(reviewer, "/api/v1/claims/appeals?limit=" + PagedLists.PAGE + "&offset=" + offset).json()
                .forEach(a -> ids.add(a.path("claimId").asLong()));
        return ids;
    }

    @Test
    void aWorkerAppealsACutInTheMemberAppWithAPhotoAndDownloadsTheLetter() throws IOException {
        Worker w = worker();
        long claim = cut(w);
        String phone = "1396" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        signInToMemberApp(centre, phone, w.name(), w.idNumber());

        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-claims"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".tile[data-id='" + claim + "']"))).click();
        WebElement may = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-may-appeal")));
        assertThat(may.getText()).contains("对结果有异议", "申诉一次");
        assertThat(browser.findElement(By.id("claim-decisions")).getText()).contains("核减给付", "300.00 元", "重复票据或重复计费");
        WebElement letter = browser.findElement(By.cssSelector("#claim-letters a.btn"));
        assertThat(letter.getText()).startsWith("下载互助金申领决定书");
        assertThat(letter.getRect().getHeight()).as("a 52 px target").isGreaterThanOrEqualTo(52);
        Object pdf = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(r => r.text()).then(t => done(t.slice(0, 5)));", letter.getDomAttribute("href"));
        assertThat(pdf).isEqualTo("%PDF-");
        session.phoneAndDesktopScreenshots("m-claim-appeal-offer");
        session.assertAccessible("申领：可以申诉");

        browser.findElement(By.id("open-appeal")).click();
        WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("appeal-reason")));
        browser.findElement(By.id("appeal-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-error-for='reason']"), "请写明申诉理由"));
        reason.sendKeys("两张票据是两次不同的检查，不是重复的");
        Path photo = Files.createTempFile(Files.createDirectories(Browser.TMP), "appeal-photo", ".png");
        Files.write(photo, PngRenderer.png(PngRenderer.render(ReceiptFaker.inpatientReceipt())));
        browser.findElement(By.id("appeal-photos")).sendKeys(photo.toAbsolutePath().toString());
        wait.until(ExpectedConditions.attributeToBe(By.id("appeal-photos-previews"), "data-count", "1"));
        session.phoneAndDesktopScreenshots("m-claim-appeal-form");
        session.assertAccessible("申诉");
        browser.findElement(By.id("appeal-submit")).click();

        WebElement words = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-appeal-words")));
        assertThat(words.getText()).contains("申诉已受理");
        JsonNode appealed = claim(claim);
        assertThat(appealed.path("appeal").path("kind").asString()).isEqualTo("ADJUSTMENT");
        assertThat(appealed.path("appeal").path("documentIds").size()).isEqualTo(1);
        assertThat(appealed.path("status").asString()).as("an appeal against a cut leaves the claim's state").isEqualTo("PAYMENT_PENDING");
        assertThat(browser.findElements(By.id("open-appeal"))).isEmpty();
        assertThat(browser.findElement(By.id("claim-timeline")).getText()).contains("提出申诉，等待上一级工会复核");
        session.phoneAndDesktopScreenshots("m-claim-appeal-lodged");
        session.assertAccessible("申领：申诉已受理");
    }

    // ---------- data through the API ----------

    private record Worker(long id, String name, String idNumber) {
    }

    /** A worker of a fresh 武昌区 unit enrolled 200 days ago in HOSPITAL:1, with a payout card. */
    private Worker worker() {
        long unit = newUnit("武昌区总工会");
        String idNumber = newIdNumber(LocalDate.of(1983, 3, 3), 'M');
        String name = "申诉浏览器" + "甲乙丙丁戊己庚辛壬癸".charAt(SEQUENCE.incrementAndGet() % 10);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", name, "idNumber", idNumber,
                "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        enrolItems(unit, member, today.minusDays(200), "HOSPITAL:1");
        setBankAccount(member, "中国工商银行", newCardNumber());
        return new Worker(member, name, idNumber);
    }

    /** 1,000.00 self-paid on a paper receipt, submitted: 480.00 computed, in county review. */
    private long inReview(Worker w) {
        long claim = fileClaim(w.id(), appendicitisClaim("1000.00", false));
        attachMissingMaterials(claim);
        Answer submitted = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");
        assertThat(submitted.json().path("status").asString()).as(submitted.body()).isEqualTo("UNDER_REVIEW");
        return claim;
    }

    private long rejected(Worker w, String reviewer) {
        long claim = inReview(w);
        assertThat(post(reviewer, "/api/v1/claims/" + claim + "/reject", "{\"reason\":\"票据与住院记录不符\"}").status()).isEqualTo(200);
        return claim;
    }

    private long cut(Worker w) {
        long claim = inReview(w);
        Answer approved = post(reviewer("武昌区总工会"), "/api/v1/claims/" + claim + "/approve",
                "{\"items\":[{\"item\":\"HOSPITAL\",\"amount\":\"300.00\",\"reasonCode\":\"DUPLICATE_EXPENSES\"}]}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return claim;
    }

    /** demo-admin lodges the appeal for the worker (the console's multipart form, without documents). */
    private Answer lodge(long claim, String reason) {
        String boundary = "----appeal" + SEQUENCE.incrementAndGet();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"reason\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + reason + "\r\n--" + boundary + "--\r\n";
        return send("demo-admin", java.net.http.HttpRequest.newBuilder(uri("/api/v1/claims/" + claim + "/appeal"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private String reviewer(String office) {
        long node = organisationIdsByName().get(office);
        String username = "appeal-browser-" + SEQUENCE.incrementAndGet() + "-" + node;
        accounts.create(new Accounts.NewAccount(username, username, "申诉复核员", Role.REVIEWER, node, null, null,
                organisations.node(node).path(), true)); // a demo-mode fixture: exempt from the second factor
        return username;
    }

    private JsonNode claim(long id) {
        return get("demo-admin", "/api/v1/claims/" + id).json();
    }

    /** Clicks in the middle of the window, away from the sticky header. */
    private void click(By locator) {
        WebElement element = browser.findElement(locator);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }
}
