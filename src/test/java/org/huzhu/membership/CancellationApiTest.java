package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.banking.BankReport;
import org.huzhu.banking.simulator.SimulatedBank;
import org.huzhu.ledger.Ledger;
import org.huzhu.payouts.PayoutStatus;
import org.huzhu.payouts.Payouts;
import org.huzhu.support.ApiTest;
import org.huzhu.support.PayoutRound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Cancellations and refunds (退保与退费) over HTTP on the real database and the simulated bank: an unpaid line leaves its bill
 * and no money moves; a paid one before cover starts is refunded in full after a second person approves it, booked by
 * reversal, paid through a payout batch released by a second finance officer and settled by the bank; after cover starts the
 * default rule refuses; a claim on the cover refuses; a refused refund is re-issued to a corrected account and paid once; a
 * union subsidy's part goes back to its budget; other offices see nothing.
 */
class CancellationApiTest extends ApiTest {

    private static final String COUNTY = "江岸区总工会";

    @Autowired
    private Payouts payouts;
    @Autowired
    private Ledger ledger;
    @Autowired
    private SimulatedBank bank;

    @Test
    void anUnpaidLineLeavesItsBillAndNoMoneyMoves() {
        long unit = newUnit(COUNTY);
        JsonNode enrolment = enrol(unit, worker(unit), null, "ACCIDENT", 2);
        long id = enrolment.path("id").asLong();
        long bill = enrolment.path("billId").asLong();
        assertThat(new BigDecimal(get("demo-admin", "/api/v1/bills/" + bill).json().path("amountDue").asString())).isEqualByComparingTo("60.00");
        Map<String, BigDecimal> before = balances();

        Answer preview = get("demo-admin", "/api/v1/enrolments/" + id + "/cancellation-preview");
        assertThat(preview.json().path("stage").asString()).isEqualTo("UNPAID");
        assertThat(preview.json().path("needsApproval").asBoolean()).isFalse();
        assertProblem(post("demo-admin", "/api/v1/enrolments/" + id + "/cancellations", "{}"), 400);
        Answer cancelled = post("demo-admin", "/api/v1/enrolments/" + id + "/cancellations", "{\"reason\":\"职工离职\"}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(201);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("DONE");
        assertThat(new BigDecimal(cancelled.json().path("refund").asString())).isEqualByComparingTo("0.00");
        JsonNode billAfter = get("demo-admin", "/api/v1/bills/" + bill).json();
        assertThat(billAfter.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(new BigDecimal(billAfter.path("amountDue").asString())).isEqualByComparingTo("0.00");
        assertThat(billAfter.path("lines")).isEmpty();
        assertThat(get("demo-admin", "/api/v1/enrolments/" + id).json().path("status").asString()).isEqualTo("CANCELLED");
        Map<String, BigDecimal> after = balances();
        assertThat(after.get("1002")).as("no money moved").isEqualByComparingTo(before.get("1002"));
        assertThat(after.get("2204")).as("nothing to refund").isEqualByComparingTo(before.get("2204"));
        assertThat(after.get("1122.01").subtract(before.get("1122.01"))).as("the receivable billed is reversed").isEqualByComparingTo("-60.00");
        assertThat(jdbc.sql("select count(*) from payouts.payout where source = ?").param("REFUND:" + cancelled.json().path("id").asLong())
                .query(Long.class).single()).isZero();
        assertThat(ledger.trialBalance().balanced()).isTrue();
        assertProblem(post("demo-admin", "/api/v1/enrolments/" + id + "/cancellations", "{\"reason\":\"再次退保\"}"), 409);
    }

    @Test
    void paidBeforeCoverStartsIsRefundedInFullByReversalOnceASecondPersonApproves() {
        long unit = newUnit(COUNTY);
        long id = enrol(unit, worker(unit), today(), "HOSPITAL", 1).path("id").asLong();

        JsonNode preview = get("demo-admin", "/api/v1/enrolments/" + id + "/cancellation-preview").json();
        assertThat(preview.path("stage").asString()).isEqualTo("BEFORE_COVER");
        assertThat(new BigDecimal(preview.path("toPayer").asString())).isEqualByComparingTo("100.00");
        assertThat(preview.path("payer").asString()).isEqualTo("UNIT");
        assertThat(preview.path("needsApproval").asBoolean()).isTrue();
        assertThat(fields(post("demo-admin", "/api/v1/enrolments/" + id + "/cancellations", "{\"reason\":\"单位误报\"}")))
                .contains("bankName", "accountNumber");
        JsonNode requested = request(id, newCardNumber());
        assertThat(requested.path("status").asString()).isEqualTo("PROPOSED");
        assertThat(requested.path("payeeMaskedAccount").asString()).contains("*");
        assertThat(get("demo-admin", "/api/v1/enrolments/" + id).json().path("status").asString()).as("in force until approved")
                .isEqualTo("IN_FORCE");
        long cancellation = requested.path("id").asLong();

        Answer own = post("demo-admin", "/api/v1/enrolment-cancellations/" + cancellation + "/approve", "{}");
        assertProblem(own, 409);
        assertThat(own.field("detail")).contains("双人复核");
        JsonNode approved = approve(cancellation);

        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        String reference = approved.path("payoutReference").asString();
        assertThat(reference).isEqualTo("HZR-" + cancellation + "-1");
        JsonNode payout = get("demo-finance", "/api/v1/payouts/" + reference).json();
        assertThat(payout.path("kind").asString()).isEqualTo("REFUND");
        assertThat(payout.path("kindName").asString()).isEqualTo("退费");
        assertThat(new BigDecimal(payout.path("amount").asString())).isEqualByComparingTo("100.00");
        assertThat(payout.path("status").asString()).isEqualTo("REQUESTED");
        assertThat(postings("enrolment:" + id + ":refund-approved")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "4001", new BigDecimal("100.00"), "2204", new BigDecimal("-100.00")));
        assertThat(get("demo-admin", "/api/v1/enrolments/" + id).json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }

    @Test
    void afterCoverStartsTheDefaultRuleRefusesAndSaysWhy() {
        long unit = newUnit(COUNTY);
        long id = enrol(unit, worker(unit), today().minusDays(1), "ACCIDENT", 1).path("id").asLong();

        JsonNode preview = get("demo-admin", "/api/v1/enrolments/" + id + "/cancellation-preview").json();
        assertThat(preview.path("allowed").asBoolean()).isFalse();
        assertThat(preview.path("stage").asString()).isEqualTo("AFTER_COVER");
        Answer refused = post("demo-admin", "/api/v1/enrolments/" + id + "/cancellations", "{\"reason\":\"职工离职\"}");

        assertProblem(refused, 409);
        assertThat(refused.field("detail")).contains("保障已于 " + today() + " 开始").contains("保障开始后不退费").contains("不能退保");
        assertThat(get("demo-admin", "/api/v1/enrolments/" + id).json().path("status").asString()).isEqualTo("IN_FORCE");
    }

    @Test
    void anOfficesOwnTermsRefundTheDaysNotYetCoveredOnceTheCoverStartedAndOnlyForTheItemTheySayItOf() {
        // TEST-2090 (src/test/resources/catalogue-office, read through huzhu.catalogue.dir): HOSPITAL refunds PRO_RATA,
        // the version's own rule — and so ACCIDENT's — stays NONE
        testClock.moveTo(java.time.OffsetDateTime.parse("2090-03-01T10:00:00+08:00").toInstant());
        long unit = newUnit(COUNTY);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "按比例退费职工",
                "idNumber", newIdNumber(java.time.LocalDate.of(2051, 5, 20), 'M'), "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long worker = registered.json().path("id").asLong();
        JsonNode hospital = enrol(unit, worker, today(), "HOSPITAL", 2);
        JsonNode accident = enrol(unit, worker, today(), "ACCIDENT", 1);
        assertThat(hospital.path("catalogueVersion").asString()).isEqualTo("TEST-2090");
        java.time.LocalDate from = java.time.LocalDate.parse(hospital.path("coverages").get(0).path("from").asString());
        java.time.LocalDate to = java.time.LocalDate.parse(hospital.path("coverages").get(0).path("to").asString());
        testClock.advance(java.time.Duration.ofDays(100));
        long term = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        long notYetCovered = java.time.temporal.ChronoUnit.DAYS.between(today(), to);
        BigDecimal expected = new BigDecimal("200.00").multiply(BigDecimal.valueOf(notYetCovered))
                .divide(BigDecimal.valueOf(term), 2, java.math.RoundingMode.HALF_UP);
        long id = hospital.path("id").asLong();

        JsonNode preview = get("demo-admin", "/api/v1/enrolments/" + id + "/cancellation-preview").json();
        JsonNode accidentPreview = get("demo-admin", "/api/v1/enrolments/" + accident.path("id").asLong() + "/cancellation-preview").json();
        long cancellation = request(id, newCardNumber()).path("id").asLong();
        JsonNode approved = approve(cancellation);

        assertThat(preview.path("stage").asString()).isEqualTo("AFTER_COVER");
        assertThat(preview.path("allowed").asBoolean()).as(preview.toString()).isTrue();
        assertThat(preview.path("rule").asString()).contains("按未到期天数比例退费");
        assertThat(new BigDecimal(preview.path("toPayer").asString())).isEqualByComparingTo(expected).isLessThan(new BigDecimal("200.00"));
        assertThat(accidentPreview.path("allowed").asBoolean()).as("the version's own rule for the other item").isFalse();
        assertThat(new BigDecimal(approved.path("toPayer").asString())).isEqualByComparingTo(expected);
        assertThat(new BigDecimal(get("demo-finance", "/api/v1/payouts/" + approved.path("payoutReference").asString()).json()
                .path("amount").asString())).isEqualByComparingTo(expected);
        assertThat(postings("enrolment:" + id + ":refund-approved")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "4001", expected, "2204", expected.negate()));
        assertThat(get("demo-admin", "/api/v1/enrolments/" + id).json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }

    @Test
    void aClaimOnTheCoverBlocksTheCancellation() {
        long member = insuredWorker(COUNTY, 'M', 100, "HOSPITAL:1");
        long claim = fileClaim(member, appendicitisClaim("3000.00", true));
        long id = get("demo-admin", "/api/v1/members/" + member + "/enrolments").json().get(0).path("id").asLong();
        assertThat(get("demo-admin", "/api/v1/enrolments/" + id + "/cancellation-preview").json().path("refusal").asString())
                .as("a draft is no claim yet").doesNotContain("申领");
        attachMissingMaterials(claim);
        Answer submitted = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);

        Answer refused = post("demo-admin", "/api/v1/enrolments/" + id + "/cancellations", "{\"reason\":\"职工离职\"}");

        assertProblem(refused, 409);
        assertThat(refused.field("detail")).contains("申领 #" + claim).contains("不能退保");
    }

    @Test
    void theRefundIsBatchedReleasedByASecondOfficerPaidByTheBankAndSettledInTheLedger() {
        long unit = newUnit(COUNTY);
        long id = enrol(unit, worker(unit), today(), "CRITICAL_ILLNESS", 1).path("id").asLong();
        String reference = approve(request(id, newCardNumber()).path("id").asLong()).path("payoutReference").asString();

        Answer prepared = post("demo-finance", "/api/v1/payout-batches", "");
        assertThat(prepared.status()).as(prepared.body()).isEqualTo(201);
        long batch = get("demo-finance", "/api/v1/payouts/" + reference).json().path("batchId").asLong();
        assertProblem(post("demo-finance", "/api/v1/payout-batches/" + batch + "/release", ""), 409);
        Answer released = post("demo-finance-checker", "/api/v1/payout-batches/" + batch + "/release", "");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        var settled = PayoutRound.awaitFinal(payouts, reference);

        assertThat(settled.status()).isEqualTo(PayoutStatus.SETTLED);
        assertThat(postings("payout-batch:" + batch + ":sent").get("2204")).as("the batch's sent journal moves refunds payable")
                .isGreaterThanOrEqualTo(new BigDecimal("60.00"));
        assertThat(bankDebits(reference)).containsExactly(new BigDecimal("60.00"));
        Answer approved = get("demo-admin", "/api/v1/enrolment-cancellations?status=APPROVED&limit=200");
        assertThat(approved.json().findValuesAsString("payoutReference")).as(approved.body()).contains(reference);
        assertThat(approved.json().findValuesAsString("payoutStatus")).as(approved.body()).contains("SETTLED");
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }

    @Test
    void aRefundTheBankRefusedIsReissuedToTheCorrectedAccountAndPaidOnce() {
        long unit = newUnit(COUNTY);
        long id = enrol(unit, worker(unit), today(), "ACCIDENT", 1).path("id").asLong();
        long cancellation = request(id, cardEnding("0004")).path("id").asLong();
        String first = approve(cancellation).path("payoutReference").asString();

        assertThat(PayoutRound.pay(payouts, first).status()).isEqualTo(PayoutStatus.FAILED);
        assertProblem(post("demo-finance", "/api/v1/payouts/" + first + "/reissue", ""), 409);
        Answer corrected = put("demo-admin", "/api/v1/enrolment-cancellations/" + cancellation + "/refund-account",
                JSON.writeValueAsString(Map.of("bankName", "中国工商银行", "accountNumber", newCardNumber())));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        Answer reissued = post("demo-finance", "/api/v1/payouts/" + first + "/reissue", "");
        assertThat(reissued.status()).as(reissued.body()).isEqualTo(201);
        String second = reissued.field("reference");
        assertThat(second).isEqualTo("HZR-" + cancellation + "-2");
        assertProblem(post("demo-finance", "/api/v1/payouts/" + first + "/reissue", ""), 409);

        assertThat(PayoutRound.pay(payouts, second).status()).isEqualTo(PayoutStatus.SETTLED);
        assertThat(bankDebits(first)).as("the refused transfer never paid").isEmpty();
        assertThat(bankDebits(second)).containsExactly(new BigDecimal("30.00"));
        assertThat(get("demo-admin", "/api/v1/enrolment-cancellations/" + cancellation).json().path("payoutStatus").asString())
                .isEqualTo("SETTLED");
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }

    @Test
    void aUnionSubsidysPartGoesBackToTheBudgetAndOnlyTheUnitsPartToTheUnit() {
        long unit = stateOwnedUnit();
        long office = organisationIdsByName().get(COUNTY);
        int year = today().getYear();
        jdbc.sql("""
                insert into membership.subsidy_budget (org_node_id, year, amount) values (?, ?, 1000000.00)
                on conflict (org_node_id, year) do update set amount = greatest(membership.subsidy_budget.amount, 1000000.00)""")
                .params(office, year).update();
        JsonNode enrolment = enrol(unit, worker(unit), today(), "ACCIDENT", 1);
        assertThat(new BigDecimal(enrolment.path("funding").path("union").asString())).isEqualByComparingTo("20.00");
        long id = enrolment.path("id").asLong();
        long cancellation = request(id, newCardNumber()).path("id").asLong();
        BigDecimal usedBefore = used(office, year);

        JsonNode approved = approve(cancellation);

        assertThat(new BigDecimal(approved.path("toPayer").asString())).isEqualByComparingTo("10.00");
        assertThat(new BigDecimal(approved.path("toSubsidy").asString())).isEqualByComparingTo("20.00");
        assertThat(new BigDecimal(get("demo-finance", "/api/v1/payouts/" + approved.path("payoutReference").asString()).json().path("amount").asString()))
                .isEqualByComparingTo("10.00");
        assertThat(used(office, year)).isEqualByComparingTo(usedBefore.subtract(new BigDecimal("20.00")));
        assertThat(postings("enrolment:" + id + ":refund-approved")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "4001", new BigDecimal("30.00"), "2204", new BigDecimal("-10.00"), "1122.02", new BigDecimal("-20.00")));
        assertThat(new BigDecimal(get("demo-admin", "/api/v1/bills/" + enrolment.path("billId").asLong()).json().path("unionSubsidyDue").asString()))
                .isEqualByComparingTo("0.00");
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }

    @Test
    void anotherOfficeSeesNoneOfItAndOtherRolesAreRefused() {
        long unit = newUnit(COUNTY);
        long id = enrol(unit, worker(unit), today(), "ACCIDENT", 1).path("id").asLong();
        long cancellation = request(id, newCardNumber()).path("id").asLong();

        assertProblem(get("demo-jingmen", "/api/v1/enrolments/" + id + "/cancellation-preview"), 404);
        assertProblem(post("demo-jingmen", "/api/v1/enrolments/" + id + "/cancellations", "{\"reason\":\"越权\"}"), 404);
        assertProblem(get("demo-jingmen", "/api/v1/enrolment-cancellations/" + cancellation), 404);
        assertProblem(post("demo-jingmen", "/api/v1/enrolment-cancellations/" + cancellation + "/approve", "{}"), 404);
        assertThat(get("demo-jingmen", "/api/v1/enrolment-cancellations?limit=200").json().findValues("id").stream()
                .map(JsonNode::asLong).toList()).doesNotContain(cancellation);
        assertThat(post("demo-finance", "/api/v1/enrolment-cancellations/" + cancellation + "/approve", "{}").status()).isEqualTo(403);
        assertThat(get("demo-wuhan", "/api/v1/enrolment-cancellations/" + cancellation).json().path("canDecide").asBoolean()).isTrue();
        assertThat(get("demo-admin", "/api/v1/enrolment-cancellations/" + cancellation).json().path("canDecide").asBoolean())
                .as("the requester cannot decide").isFalse();
    }

    @Test
    void severalUnpaidLinesOfARosterBillLeaveItTogetherEachReversedFromTheImportsJournal() throws InterruptedException {
        long unit = unit("OTHER", 3);
        StringBuilder csv = new StringBuilder("姓名,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期\n");
        for (int i = 0; i < 3; i++) {
            csv.append("退保花名册").append(i).append(',').append(newIdNumber(java.time.LocalDate.of(1986, 3, 1 + i), 'M'))
                    .append(",,REGULAR,BASIC,1,\n");
        }
        Answer started = upload("demo-admin", "/api/v1/units/" + unit + "/roster-imports", "file", "roster.csv",
                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long importId = started.json().path("id").asLong();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (get("demo-admin", "/api/v1/roster-imports/" + importId).json().path("status").asString().equals("RUNNING")) {
            assertThat(System.nanoTime()).as("import still running").isLessThan(deadline);
            Thread.sleep(100);
        }
        List<Long> enrolments = jdbc.sql("select id from membership.enrolment where roster_import_id = ? order by roster_row")
                .param(importId).query(Long.class).list();
        long bill = jdbc.sql("select bill_id from membership.enrolment where id = ?").param(enrolments.get(0)).query(Long.class).single();
        assertThat(new BigDecimal(get("demo-admin", "/api/v1/bills/" + bill).json().path("amountDue").asString())).isEqualByComparingTo("570.00");
        BigDecimal receivable = ledger.balance("1122.01").amount();

        Answer elsewhere = post("demo-admin", "/api/v1/bills/" + bill + "/cancellations", JSON.writeValueAsString(Map.of(
                "enrolmentIds", List.of(enrolments.get(0), enrolments.get(1) + 100_000), "reason", "职工离职")));
        assertThat(elsewhere.status()).as("all or none").isIn(404, 409);
        Answer cancelled = post("demo-admin", "/api/v1/bills/" + bill + "/cancellations", JSON.writeValueAsString(Map.of(
                "enrolmentIds", enrolments.subList(0, 2), "reason", "职工离职")));

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(201);
        assertThat(cancelled.json().findValuesAsString("status")).containsExactly("DONE", "DONE");
        JsonNode after = get("demo-admin", "/api/v1/bills/" + bill).json();
        assertThat(new BigDecimal(after.path("amountDue").asString())).isEqualByComparingTo("190.00");
        assertThat(after.path("status").asString()).isEqualTo("OPEN");
        assertThat(after.path("lines").findValues("enrolmentId").stream().map(JsonNode::asLong).toList()).containsExactly(enrolments.get(2));
        assertThat(ledger.balance("1122.01").amount().subtract(receivable)).isEqualByComparingTo("-380.00");
        assertThat(postings("enrolment:" + enrolments.get(0) + ":cancelled")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "4001", new BigDecimal("190.00"), "1122.01", new BigDecimal("-190.00")));
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }

    // ------------------------------------------------------------------ fixtures

    private long worker(long unit) {
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "退保职工",
                "idNumber", newIdNumber(java.time.LocalDate.of(1984, 5, 20), 'M'), "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().path("id").asLong();
    }

    private JsonNode enrol(long unit, long member, java.time.LocalDate paidOn, String item, int shares) {
        Map<String, Object> body = new HashMap<>(Map.of("unitId", unit, "memberId", member, "items", List.of(Map.of("item", item,
                "shares", shares))));
        if (paidOn != null) body.put("paidOn", paidOn.toString());
        Answer enrolled = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(body));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        return enrolled.json();
    }

    private JsonNode request(long enrolment, String account) {
        Answer requested = post("demo-admin", "/api/v1/enrolments/" + enrolment + "/cancellations", JSON.writeValueAsString(Map.of(
                "reason", "单位误报，申请退保", "bankName", "中国工商银行", "accountNumber", account)));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        return requested.json();
    }

    private JsonNode approve(long cancellation) {
        Answer approved = post("demo-admin2", "/api/v1/enrolment-cancellations/" + cancellation + "/approve", "{\"note\":\"已核实\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return approved.json();
    }

    private long stateOwnedUnit() {
        return unit("STATE_OWNED", 50);
    }

    private long unit(String ownership, int headcount) {
        StringBuilder code = new StringBuilder("91420100").append(String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
        code.append(org.huzhu.shared.CreditCode.checkCharacter(code));
        Answer answer = post("demo-admin", "/api/v1/units", JSON.writeValueAsString(Map.of("name", "退保测试国企" + code.substring(10),
                "creditCode", code.toString(), "ownership", ownership, "headcount", headcount, "organisationId",
                organisationIdsByName().get(COUNTY))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    /** A Luhn-valid UnionPay card ending in {@code last4} (the simulated bank's rules key on it). */
    private static String cardEnding(String last4) {
        while (true) {
            String body = "622202" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            for (int d = 0; d <= 9; d++) {
                String number = body + d + last4;
                if (org.huzhu.shared.BankAccount.luhnValid(number)) return number;
            }
        }
    }

    private Map<String, BigDecimal> balances() {
        Map<String, BigDecimal> net = new HashMap<>();
        for (String account : List.of("1002", "1122.01", "2204")) net.put(account, ledger.balance(account).amount());
        return net;
    }

    /** A journal's net postings per account (debit positive, credit negative). */
    private Map<String, BigDecimal> postings(String key) {
        Map<String, BigDecimal> net = new HashMap<>();
        jdbc.sql("""
                select p.account_code, sum(p.debit - p.credit) from ledger.posting p join ledger.journal j on j.id = p.journal_id
                 where j.idempotency_key = ? group by p.account_code""").param(key)
                .query(rs -> {
                    net.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return net;
    }

    private List<BigDecimal> bankDebits(String reference) {
        return bank.entries().stream().filter(e -> reference.equals(e.endToEndId()) && !e.credit())
                .map(e -> e.amount().amount()).toList();
    }

    private BigDecimal used(long office, int year) {
        return jdbc.sql("select used from membership.subsidy_budget where org_node_id = ? and year = ?").params(office, year)
                .query(BigDecimal.class).single();
    }
}
