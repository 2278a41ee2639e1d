package org.huzhu.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huzhu.banking.statement.StatementFiles;
import org.huzhu.banking.statement.StatementFiles.Movement;
import org.huzhu.support.ListPages;
import org.huzhu.support.PrintedQr;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Payment truth and the bill's documents (docs/contributions.md, “Payment truth” and “Documents”): no default payment
 * date, no future one; a declaration dated more than 7 days back waits for a finance officer other than the declarer;
 * declared money the bank has not shown within 10 working days is unconfirmed until a statement line matches it, and a
 * claim on the cover it backs goes to a reviewer; the bill names its workers (masked ID numbers) and says where to pay;
 * the payment notice, the receipt and the insured list download as PDF whose QR code verifies publicly.
 */
class PaymentTruthApiTest extends MoneyApiTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aPaymentDateIsNeverDefaultedTheApiAsksForIt() {
        long unit = createUnit("洪山区总工会", "OTHER");
        JsonNode awaiting = enrol(unit, member(unit), null, "HOSPITAL:1");
        assertThat(awaiting.path("status").asString()).as("no date: not paid, never paid today").isEqualTo("AWAITING_PAYMENT");
        assertThat(awaiting.path("paidOn").isNull()).isTrue();

        Answer noDate = pay("demo-finance", awaiting.path("billId").asLong(), "100.00", null, reference());

        assertProblem(noDate, 400);
        assertThat(fields(noDate)).containsExactly("paidOn");
        assertThat(bill(awaiting.path("billId").asLong()).path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void aPaymentDateInTheFutureIsRefused() {
        long unit = createUnit("洪山区总工会", "OTHER");
        Answer declared = post("demo-admin", "/api/v1/enrolments", enrolmentJson(unit, member(unit), today.plusDays(1), "HOSPITAL:1"));
        assertProblem(declared, 400);
        assertThat(fields(declared)).containsExactly("paidOn");

        long billId = enrol(unit, member(unit), null, "HOSPITAL:1").path("billId").asLong();
        Answer registered = pay("demo-finance", billId, "100.00", today.plusDays(1), reference());
        assertProblem(registered, 400);
        assertThat(fields(registered)).containsExactly("paidOn");
    }

    @Test
    void aDeclarationDatedMoreThanSevenDaysBackWaitsForFinanceAndCoverStartsOnlyOnceAnotherPersonConfirmsIt() {
        long unit = createUnit("武昌区总工会", "OTHER");
        LocalDate paidOn = today.minusDays(8);
        BigDecimal bank = net("1002");

        Answer held = post("demo-admin", "/api/v1/enrolments", enrolmentJson(unit, member(unit), paidOn, "HOSPITAL:1"));

        assertThat(held.status()).as(held.body()).isEqualTo(201);
        JsonNode e = held.json();
        long billId = e.path("billId").asLong();
        assertThat(e.path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(dates(e.path("coverages"), "from")).containsOnlyNulls();
        assertThat(net("1002")).as("nothing booked on the declarer's word alone").isEqualByComparingTo(bank);
        JsonNode bill = bill(billId);
        assertThat(bill.path("status").asString()).isEqualTo("OPEN");
        JsonNode declaration = bill.path("confirmation").path("declarations").get(0);
        assertThat(declaration.path("status").asString()).isEqualTo("PENDING");
        assertThat(declaration.path("statusName").asString()).isEqualTo("待财务确认");
        assertThat(declaration.path("daysBack").asInt()).isEqualTo(8);
        long id = declaration.path("id").asLong();
        assertThat(get("demo-finance", "/api/v1/payment-declarations").json()).anyMatch(d -> d.path("id").asLong() == id);

        Answer own = post("demo-admin", "/api/v1/payment-declarations/" + id + "/confirmation", "");
        assertProblem(own, 409);
        assertThat(enrolment(e.path("id").asLong()).path("status").asString()).isEqualTo("AWAITING_PAYMENT");

        Answer confirmed = post("demo-finance", "/api/v1/payment-declarations/" + id + "/confirmation", "");

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("decidedBy").asString()).isEqualTo("demo-finance");
        JsonNode inForce = enrolment(e.path("id").asLong());
        assertThat(inForce.path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(dates(inForce.path("coverages"), "from")).containsOnly(paidOn.plusDays(1).toString());
        assertThat(bill(billId).path("status").asString()).isEqualTo("PAID");
        assertThat(net("1002").subtract(bank)).isEqualByComparingTo("100.00");
        assertThat(post("demo-finance", "/api/v1/payment-declarations/" + id + "/confirmation", "").status()).as("twice: the same").isEqualTo(200);
        assertThat(net("1002").subtract(bank)).as("confirming again books nothing").isEqualByComparingTo("100.00");
        assertBalanced();

        JsonNode sevenDays = enrol(unit, member(unit), today.minusDays(7), "HOSPITAL:1");
        assertThat(sevenDays.path("status").asString()).as("7 days back is still within the limit").isEqualTo("IN_FORCE");
    }

    @Test
    void financeRefusesABackDatedDeclarationWithAReasonTheBillShows() {
        long unit = createUnit("武昌区总工会", "OTHER");
        Answer held = post("demo-admin", "/api/v1/enrolments", enrolmentJson(unit, member(unit), today.minusDays(30), "HOSPITAL:1"));
        long billId = held.json().path("billId").asLong();
        long id = get("demo-finance", "/api/v1/payment-declarations?billId=" + billId).json().get(0).path("id").asLong();

        Answer noReason = post("demo-finance", "/api/v1/payment-declarations/" + id + "/refusal", "{}");
        assertProblem(noReason, 400);
        assertThat(fields(noReason)).containsExactly("reason");
        Answer refused = post("demo-finance", "/api/v1/payment-declarations/" + id + "/refusal", "{\"reason\":\"银行账户未见该笔转账\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        JsonNode declaration = bill(billId).path("confirmation").path("declarations").get(0);
        assertThat(declaration.path("status").asString()).isEqualTo("REFUSED");
        assertThat(declaration.path("refusalReason").asString()).isEqualTo("银行账户未见该笔转账");
        assertThat(bill(billId).path("status").asString()).isEqualTo("OPEN");
        assertProblem(post("demo-finance", "/api/v1/payment-declarations/" + id + "/confirmation", ""), 409);
        assertThat(enrolment(held.json().path("id").asLong()).path("status").asString()).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void declaredMoneyTheBankDoesNotShowWithinTenWorkingDaysIsUnconfirmedUntilAStatementLineMatchesIt() {
        long unit = createUnit("江岸区总工会", "OTHER");
        JsonNode e = enrol(unit, member(unit), today, "HOSPITAL:1");
        long billId = e.path("billId").asLong();
        assertThat(bill(billId).path("confirmation").path("status").asString()).isEqualTo("AWAITING");

        testClock.advance(Duration.ofDays(7));
        assertThat(bill(billId).path("confirmation").path("status").asString()).as("a week: within 10 working days").isEqualTo("AWAITING");
        testClock.advance(Duration.ofDays(14));

        JsonNode late = bill(billId).path("confirmation");
        assertThat(late.path("status").asString()).isEqualTo("UNCONFIRMED");
        assertThat(late.path("statusName").asString()).isEqualTo("未确认到账");
        assertThat(get("demo-finance", "/api/v1/unconfirmed-payments?unitId=" + unit).json()).anyMatch(p -> p.path("billId").asLong() == billId);
        assertThat(get("demo-jingmen", "/api/v1/bills/" + billId).status()).isEqualTo(404);

        importOk("到账.csv", StatementFiles.csv(List.of(Movement.credit(today(), "100.00", "互助金 HZB-" + billId, reference()))));

        assertThat(bill(billId).path("confirmation").path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(get("demo-finance", "/api/v1/unconfirmed-payments?unitId=" + unit).json()).noneMatch(p -> p.path("billId").asLong() == billId);
    }

    @Test
    void aClaimOnCoverBackedByUnconfirmedMoneyGoesToAReviewerWhoSeesWhy() {
        long member = insuredWorker("武昌区总工会", 'M', 200, "HOSPITAL:1");
        testClock.advance(Duration.ofDays(21));   // the declaration, confirmed today, is not on any statement three weeks on
        Map<String, Object> body = appendicitisClaim("1000.00", true);
        long claim = fileClaim(member, body);
        attachMissingMaterials(claim);

        Answer submitted = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode c = submitted.json();
        assertThat(c.path("status").asString()).as("small, electronic, complete: approved automatically but for the money")
                .isEqualTo("UNDER_REVIEW");
        assertThat(transitions(c)).doesNotContain("SUBMITTED→APPROVED");
        assertThat(c.path("timeline").findValuesAsString("reason")).anyMatch(r -> r.startsWith("保障所依缴费尚未确认到账"));
    }

    @Test
    void theBillNamesItsWorkersWithMaskedIdNumbersAndSaysWhereToPayAndWhatToWrite() {
        long unit = createUnit("江岸区总工会", "OTHER");
        String idNumber = idNumber(LocalDate.of(1986, 5, 6), 'F');
        long member = registered("缴费名单职工", idNumber, unit);
        long billId = enrol(unit, member, null, "HOSPITAL:1").path("billId").asLong();

        Answer answer = get("demo-finance", "/api/v1/bills/" + billId);

        JsonNode line = answer.json().path("lines").get(0);
        assertThat(line.path("memberName").asString()).isEqualTo("缴费名单职工");
        assertThat(line.path("maskedIdNumber").asString()).contains("*").endsWith(idNumber.substring(16)).isNotEqualTo(idNumber);
        assertThat(answer.body()).doesNotContain(idNumber).doesNotContain("职工 #");
        JsonNode transfer = answer.json().path("transfer");
        assertThat(transfer.path("accountName").asString()).isEqualTo("湖北省总工会职工互助保障资金专户");
        assertThat(transfer.path("bank").asString()).isEqualTo("中国工商银行武汉江汉支行");
        assertThat(transfer.path("accountNumber").asString()).isEqualTo("3202000109200088888");
        assertThat(transfer.path("reference").asString()).isEqualTo("HZB-" + billId);
        assertThat(transfer.path("note").asString()).contains("HZB-" + billId);
    }

    @Test
    void theNoticeTheReceiptAndTheInsuredListDownloadAsPdfWhoseQrCodesVerifyAndAreLogged() throws Exception {
        long unit = createUnit("江岸区总工会", "OTHER");
        String idNumber = idNumber(LocalDate.of(1984, 7, 8), 'M');
        long member = registered("文书测试职工", idNumber, unit);
        long billId = enrol(unit, member, today.minusDays(2), "HOSPITAL:1").path("billId").asLong();
        String masked = bill(billId).path("lines").get(0).path("maskedIdNumber").asString();

        Pdf notice = pdf("demo-admin", "/api/v1/bills/" + billId + "/payment-notice.pdf");
        assertThat(notice.text()).contains("缴费通知单", "HZB-" + billId, "文书测试职工", masked, "3202000109200088888",
                "转账附言（用途）请填写：HZB-" + billId, "缴费期限").doesNotContain(idNumber);
        assertVerifies(notice, "缴费通知单核验");

        Pdf receipt = pdf("demo-admin", "/api/v1/bills/" + billId + "/receipt.pdf");
        assertThat(receipt.text()).contains("缴费凭证", "HZB-" + billId, "实收：100.00", "单位申报", today.minusDays(2).toString());
        assertVerifies(receipt, "缴费凭证核验");

        Pdf list = pdf("demo-admin", "/api/v1/units/" + unit + "/insured-list.pdf");
        assertThat(list.text()).contains("参保人员名单", "文书测试职工", masked, "住院医疗互助保障", today.minusDays(1).toString())
                .doesNotContain(idNumber);
        assertVerifies(list, "参保人员名单核验");

        awaitLogged("demo-admin", "/api/v1/units/" + unit + "/insured-list.pdf", "下载参保人员名单");
        awaitLogged("demo-admin", "/api/v1/bills/" + billId + "/payment-notice.pdf", "下载缴费通知单");
        long unpaid = enrol(unit, member(unit), null, "ACCIDENT:1").path("billId").asLong();
        assertProblem(get("demo-admin", "/api/v1/bills/" + unpaid + "/receipt.pdf"), 409);
        assertThat(get(null, "/api/v1/document-verifications/" + "x".repeat(43)).status()).isEqualTo(404);
    }

    @Test
    void documentsOutsideTheCallersScopeAreNotFound() {
        long unit = createUnit("江岸区总工会", "OTHER");
        long billId = enrol(unit, member(unit), today, "HOSPITAL:1").path("billId").asLong();
        for (String path : List.of("/api/v1/bills/" + billId + "/payment-notice.pdf", "/api/v1/bills/" + billId + "/receipt.pdf",
                "/api/v1/units/" + unit + "/insured-list.pdf")) {
            assertThat(get("demo-jingmen", path).status()).as("荆门 staff, " + path).isEqualTo(404);
            assertThat(get("demo-unit", path).status()).as("another unit's operator, " + path).isEqualTo(404);
        }
        long pending = post("demo-admin", "/api/v1/enrolments", enrolmentJson(unit, member(unit), today.minusDays(9), "HOSPITAL:1"))
                .json().path("billId").asLong();
        long id = get("demo-finance", "/api/v1/payment-declarations?billId=" + pending).json().get(0).path("id").asLong();
        assertThat(get("demo-jingmen", "/api/v1/bills/" + pending).status()).isEqualTo(404);
        assertThat(post("demo-admin2", "/api/v1/payment-declarations/" + id + "/refusal", "{\"reason\":\"测试\"}").status())
                .as("a second administrator may decide").isEqualTo(200);
    }

    /**
     * Finance's two lists come a page at a time ({@code limit}, {@code offset}): the pages are disjoint and together are the
     * whole list in its order (declarations by id; unconfirmed payments by day declared, then id), and each list's summary
     * counts every row on every page and adds up their amounts exactly.
     */
    @Test
    void financesListsComeInDisjointPagesThatTogetherAreTheWholeListWhichTheSummaryCountsAndAddsUp() {
        long unit = createUnit("江岸区总工会", "OTHER");
        List<Long> declaredToday = new ArrayList<>();
        List<Long> heldBack = new ArrayList<>();
        for (int i = 0; i <= 2 * PAGE; i++) {
            declaredToday.add(enrol(unit, member(unit), today, "HOSPITAL:" + (1 + i % 3)).path("billId").asLong());
            heldBack.add(held(unit, today.minusDays(8 + i), "ACCIDENT:" + (1 + i % 2)));
        }
        testClock.advance(Duration.ofDays(21));   // three weeks on, the bank has shown none of the money declared today
        // but for 40.00 of the first bill's: still unconfirmed, 60.00 of it not shown
        importOk("部分到账.csv", StatementFiles.csv(List.of(Movement.credit(today(), "40.00", "互助金 HZB-" + declaredToday.getFirst(), reference()))));

        List<JsonNode> unitsUnconfirmed = pages(FINANCE, "/api/v1/unconfirmed-payments?unitId=" + unit);
        assertThat(unitsUnconfirmed).extracting(p -> p.path("billId").asLong()).as("declared the same day: in the order declared")
                .containsExactlyElementsOf(declaredToday);
        assertSummarises(get("demo-finance", "/api/v1/unconfirmed-payments/summary?unitId=" + unit), unitsUnconfirmed);
        assertThat(unitsUnconfirmed.getFirst().path("bankConfirmed").asString()).isEqualTo("40.00");
        JsonNode ofUnit = get("demo-finance", "/api/v1/unconfirmed-payments/summary?unitId=" + unit).json();
        assertThat(new BigDecimal(ofUnit.path("amount").asString()).subtract(new BigDecimal(ofUnit.path("outstanding").asString())))
                .as("what the bank has shown of them").isEqualByComparingTo("40.00");

        List<JsonNode> unconfirmed = pages(FINANCE, "/api/v1/unconfirmed-payments");
        assertThat(unconfirmed).extracting(p -> p.path("declaredOn").asString()).isSorted();
        assertThat(unconfirmed).extracting(p -> p.path("billId").asLong()).containsSubsequence(declaredToday);
        assertSummarises(get("demo-finance", "/api/v1/unconfirmed-payments/summary"), unconfirmed);

        List<JsonNode> pending = pages(FINANCE, "/api/v1/payment-declarations");
        assertThat(pending).extracting(d -> d.path("id").asLong()).isSorted();
        assertThat(pending).extracting(d -> d.path("billId").asLong()).containsSubsequence(heldBack);
        assertSummarises(get("demo-finance", "/api/v1/payment-declarations/summary"), pending);
        JsonNode one = pending.stream().filter(d -> d.path("billId").asLong() == heldBack.getFirst()).findFirst().orElseThrow();
        JsonNode ofOneBill = get("demo-finance", "/api/v1/payment-declarations/summary?billId=" + heldBack.getFirst()).json();
        assertThat(ofOneBill.path("count").asLong()).isEqualTo(1);
        assertThat(ofOneBill.path("amount").asString()).isEqualTo(one.path("amount").asString());
        assertThat(get("demo-finance", "/api/v1/payment-declarations/summary?status=REFUSED").json().path("count").asLong())
                .as("the status filters the summary as it does the list")
                .isEqualTo(pages(FINANCE, "/api/v1/payment-declarations?status=REFUSED").size());
    }

    @Test
    void aFinanceOfficerOfAnotherCitySeesNeitherTheRowsNorTheirCountsNorTheirMoney() {
        long wuhanUnit = createUnit("江岸区总工会", "OTHER");
        long jingmenUnit = createUnit("东宝区总工会", "OTHER");
        long wuhanDeclared = enrol(wuhanUnit, member(wuhanUnit), today, "HOSPITAL:1").path("billId").asLong();
        long wuhanHeld = held(wuhanUnit, today.minusDays(10), "HOSPITAL:1");
        long jingmenDeclared = enrol(jingmenUnit, member(jingmenUnit), today, "HOSPITAL:2").path("billId").asLong();
        long jingmenHeld = held(jingmenUnit, today.minusDays(10), "HOSPITAL:2");
        Caller jingmen = financeOf("荆门市总工会");
        testClock.advance(Duration.ofDays(21));

        List<JsonNode> theirUnconfirmed = pages(jingmen, "/api/v1/unconfirmed-payments");
        List<JsonNode> theirPending = pages(jingmen, "/api/v1/payment-declarations");

        assertThat(theirUnconfirmed).extracting(p -> p.path("billId").asLong()).contains(jingmenDeclared).doesNotContain(wuhanDeclared);
        assertThat(theirPending).extracting(d -> d.path("billId").asLong()).contains(jingmenHeld).doesNotContain(wuhanHeld);
        assertSummarises(as(jingmen, "/api/v1/unconfirmed-payments/summary"), theirUnconfirmed);
        assertSummarises(as(jingmen, "/api/v1/payment-declarations/summary"), theirPending);
        JsonNode ofWuhanUnit = as(jingmen, "/api/v1/unconfirmed-payments/summary?unitId=" + wuhanUnit).json();
        assertThat(ofWuhanUnit.path("count").asLong()).isZero();
        assertThat(ofWuhanUnit.path("amount").asString()).isEqualTo("0.00");
        assertThat(as(jingmen, "/api/v1/payment-declarations/summary?billId=" + wuhanHeld).json().path("count").asLong()).isZero();
        assertThat(get("demo-finance", "/api/v1/payment-declarations/summary").json().path("count").asLong())
                .as("the province sees 武汉's too").isGreaterThan(theirPending.size());
        assertThat(get("demo-finance", "/api/v1/unconfirmed-payments/summary?unitId=" + wuhanUnit).json().path("count").asLong()).isEqualTo(1);
    }

    @Test
    void aNegativeOffsetIsRefusedNamingIt() {
        for (String path : List.of("/api/v1/payment-declarations?offset=-1", "/api/v1/unconfirmed-payments?offset=-50")) {
            Answer answer = get("demo-finance", path);
            assertProblem(answer, 400);
            assertThat(fields(answer)).as(path).containsExactly("offset");
        }
        Answer badStatus = get("demo-finance", "/api/v1/payment-declarations/summary?status=PAID");
        assertProblem(badStatus, 400);
        assertThat(fields(badStatus)).containsExactly("status");
    }

    // ---------------------------------------------------------------- helpers

    /** The page size the list tests read with: small, so that a few rows of a test's own make several pages. */
    private static final int PAGE = 3;

    /** Who calls: a user name and its password. */
    private record Caller(String user, String password) {
    }

    private static final Caller FINANCE = new Caller("demo-finance", "demo-finance");

    /** Every row of a list as the caller reads it {@link #PAGE} at a time ({@link ListPages#every}). */
    private List<JsonNode> pages(Caller caller, String path) {
        return ListPages.every(p -> as(caller, p), path, PAGE);
    }

    /**
     * A summary that counts the rows and adds up their amounts exactly, written with two decimals; of unconfirmed payments
     * (rows with {@code bankConfirmed}) also what the bank has not shown of them, their amounts less what it confirmed.
     */
    private static void assertSummarises(Answer summary, List<JsonNode> rows) {
        ListPages.assertCounts(summary, rows);
        BigDecimal sum = rows.stream().map(r -> new BigDecimal(r.path("amount").asString())).reduce(new BigDecimal("0.00"), BigDecimal::add);
        assertThat(summary.json().path("amount").asString()).isEqualTo(sum.toPlainString());
        if (!summary.json().has("outstanding")) return;
        BigDecimal shown = rows.stream().map(r -> new BigDecimal(r.path("bankConfirmed").asString())).reduce(new BigDecimal("0.00"), BigDecimal::add);
        assertThat(summary.json().path("outstanding").asString()).isEqualTo(sum.subtract(shown).toPlainString());
    }

    /** A back-dated declaration made by demo-admin, waiting for finance: its bill's id. */
    private long held(long unit, LocalDate paidOn, String item) {
        Answer held = post("demo-admin", "/api/v1/enrolments", enrolmentJson(unit, member(unit), paidOn, item));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.field("status")).isEqualTo("AWAITING_PAYMENT");
        return held.json().path("billId").asLong();
    }

    /**
     * A fresh finance officer of the named office, its one-time password changed. A demo-mode fixture,
     * so without the second factor, like the demo accounts.
     */
    private Caller financeOf(String office) {
        String name = "caiwu-" + ThreadLocalRandom.current().nextInt(1_000_000_000);
        Answer created = post("demo-admin", "/api/v1/accounts", JSON.writeValueAsString(Map.of("username", name, "displayName", "测试财务",
                "role", "FINANCE", "orgNodeId", orgIds.get(office))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        jdbc.sql("update identity.account set demo = true where username = ?").param(name).update();
        String password = "Caiwu-Mima-" + System.nanoTime();
        Answer changed = send(null, HttpRequest.newBuilder(uri("/api/v1/me/password")).header("Authorization", basic(name, created.field("initialPassword")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("oldPassword", created.field("initialPassword"), "password", password)))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        return new Caller(name, password);
    }

    private Answer as(Caller caller, String path) {
        return send(null, HttpRequest.newBuilder(uri(path)).header("Authorization", basic(caller.user(), caller.password())).GET());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private long registered(String name, String idNumber, long unit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("idNumber", idNumber);
        body.put("employmentForm", "REGULAR");
        body.put("unitId", unit);
        Answer answer = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    record Pdf(String text, String qr) {
    }

    /** Downloads a PDF (expects 200, application/pdf); its text as PDFBox extracts it and its last page's QR code. */
    private Pdf pdf(String user, String path) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, user)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(document);
            String qr = PrintedQr.onPage(document, document.getNumberOfPages() - 1);
            return new Pdf(text, qr);
        }
    }

    private void assertVerifies(Pdf pdf, String title) {
        assertThat(pdf.qr()).matches("http://[^/]+/verify/[A-Za-z0-9_-]{43}");
        String token = pdf.qr().substring(pdf.qr().lastIndexOf('/') + 1);
        Answer verified = get(null, "/api/v1/document-verifications/" + token);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.field("title")).isEqualTo(title);
        assertThat(verified.json().path("valid").asBoolean()).isTrue();
        assertThat(verified.field("number")).matches("HZ[A-Z]{2}\\d{16}");
        assertThat(pdf.text()).contains(verified.field("number"));
        assertThat(get(null, "/verify/" + token).status()).as("the page behind the QR code opens without signing in").isEqualTo(200);
    }

    /** The operation log names the download (written once the answer has gone out: waited for, at most 10 s). */
    private void awaitLogged(String user, String path, String what) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (jdbc.sql("select count(*) from audit.operation_log where account = ? and path = ? and revealed::text like ?")
                .params(user, path, "%" + what + "%").query(Integer.class).single() == 0) {
            assertThat(System.nanoTime()).as("operation log row of " + user + " " + path).isLessThan(until);
            Thread.sleep(50);
        }
    }
}
