package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.Organisations;
import org.huzhu.payouts.PayoutStatus;
import org.huzhu.payouts.Payouts;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.scope.Role;
import org.huzhu.support.ApiTest;
import org.huzhu.support.PayoutRound;
import org.huzhu.support.ReceiptNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Claims over HTTP on the real database: filing, judging against the member's real coverages and
 * earlier payouts, routing, review under maker-checker, receipts used once, scope, documents, and
 * the whole journey from enrolment to a payout request the worker can follow.
 */
class ClaimApiTest extends ApiTest {

    /** ID numbers of this class use area 3201xx (Nanjing), used by no other test or the demo data. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(300));
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    private Organisations organisations;
    @Autowired
    private Accounts accounts;
    @Autowired
    private Payouts payouts;

    private Map<String, Long> orgIds;
    private LocalDate today;

    @BeforeEach
    void readTree() {
        orgIds = organisationIdsByName();
        today = today();
    }

    // ---- judging and routing -------------------------------------------------------------

    @Test
    void aSmallClaimWithElectronicReceiptsAndCompleteMaterialsIsApprovedAutomaticallyAndHandedToPayment() {
        long member = member('M', "HOSPITAL:1");
        long claim = file(member, hospitalClaim("1000.00", true));
        attach(claim, "ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY");

        Answer submitted = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode c = submitted.json();
        // 1 share: 60% × (1,000.00 − 200.00) = 480.00
        assertThat(c.path("benefits").get(0).path("amount").asString()).isEqualTo("480.00");
        assertThat(c.path("benefits").get(0).path("decision").asString()).isEqualTo("PAY");
        assertThat(c.path("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(c.path("approvedTotal").asString()).isEqualTo("480.00");
        assertThat(c.path("materialsCompleteOn").asString()).isEqualTo(today.toString());
        assertThat(c.path("workingDaysElapsed").asInt()).isZero();
        assertThat(transitions(c)).containsExactly("null→DRAFT", "DRAFT→SUBMITTED", "SUBMITTED→APPROVED", "APPROVED→PAYMENT_PENDING");
        assertThat(c.path("timeline").get(2).path("actor").asString()).isEqualTo("系统");
        JsonNode payout = c.path("payoutRequests").get(0);
        assertThat(payout.path("reference").asString()).isEqualTo("HZ-" + claim + "-1");
        assertThat(payout.path("amount").asString()).isEqualTo("480.00");
        assertThat(payout.path("maskedAccount").asString()).matches("6222 \\*\\*\\*\\* \\*\\*\\*\\* \\d{4}");
    }

    @ParameterizedTest(name = "{0} claim: what filing and submitting answer is what is read back")
    @CsvSource({"auto-approved, 1000.00, true", "reviewed, 8000.00, false"})
    void whatFilingAndSubmittingAnswerIsExactlyWhatIsReadBack(String route, String selfPaid, boolean electronic) {
        long member = member('F', "HOSPITAL:1", "CRITICAL_ILLNESS:1", "FEMALE_SPECIAL:1");
        Map<String, Object> body = hospitalClaim(member, selfPaid, electronic);
        body.put("diagnoses", List.of("C50.901"));
        body.put("items", List.of("HOSPITAL"));
        Answer filed = post("demo-admin", "/api/v1/claims", JSON.writeValueAsString(body));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long claim = filed.json().path("id").asLong();
        assertThat(filed.json().path("hints").size()).isEqualTo(2);
        assertThat(filed.json()).isEqualTo(get("demo-admin", "/api/v1/claims/" + claim).json());
        attach(claim, "ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY");
        // the documents are read in the background: compared once every reading has its outcome, not while one lands
        awaitJson("demo-admin", "/api/v1/claims/" + claim, ClaimApiTest::readingsDone);

        JsonNode submitted = submit(claim);

        assertThat(submitted.path("status").asString()).isEqualTo(electronic ? "PAYMENT_PENDING" : "UNDER_REVIEW");
        assertThat(submitted.path("payoutRequests").size()).isEqualTo(electronic ? 1 : 0);
        assertThat(submitted).isEqualTo(get("demo-admin", "/api/v1/claims/" + claim).json());
    }

    @Test
    void aClaimSubmittedIncompleteIsSentBackForWhatIsMissingAndJudgedOnceTheLastMaterialArrives() {
        long claim = file(member('M', "HOSPITAL:1"), hospitalClaim("8000.00", false));
        attach(claim, "ID_CARD", "BANK_CARD");
        JsonNode submitted = submitAsItIs(claim);
        assertThat(submitted.path("status").asString()).isEqualTo("MATERIALS_REQUESTED");
        assertThat(submitted.path("materialsCompleteOn").isNull()).isTrue();
        assertThat(submitted.path("promiseDueOn").isNull()).isTrue();   // the promise waits for the materials
        assertThat(submitted.path("missingMaterials")).extracting(JsonNode::asString).containsExactly("医疗收费票据", "医保结算单", "出院小结");
        JsonNode request = submitted.path("evidence").path("materialRequests").get(0);
        assertThat(request.path("status").asString()).isEqualTo("OPEN");
        assertThat(request.path("requestedBy").asString()).isEqualTo("系统");
        assertThat(request.path("reasons").get(0).path("code").asString()).isEqualTo("MISSING");
        assertThat(request.path("requirements")).extracting(r -> r.path("code").asString())
                .containsExactly("RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY");
        assertThat(request.path("dueOn").asString()).isEqualTo(today.plusDays(60).toString());
        assertThat(submitted).isEqualTo(get("demo-admin", "/api/v1/claims/" + claim).json());

        attach(claim, "RECEIPT", "SETTLEMENT");
        JsonNode stillMissing = get("demo-admin", "/api/v1/claims/" + claim).json();
        assertThat(stillMissing.path("status").asString()).isEqualTo("MATERIALS_REQUESTED");
        assertThat(stillMissing.path("missingMaterials")).extracting(JsonNode::asString).containsExactly("出院小结");

        attach(claim, "DISCHARGE_SUMMARY");
        JsonNode judged = get("demo-admin", "/api/v1/claims/" + claim).json();
        assertThat(judged.path("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(transitions(judged)).containsSubsequence("SUBMITTED→MATERIALS_REQUESTED", "MATERIALS_REQUESTED→SUBMITTED",
                "SUBMITTED→UNDER_REVIEW");
        assertThat(judged.path("evidence").path("materialRequests").get(0).path("status").asString()).isEqualTo("ANSWERED");
        assertThat(judged.path("materialsCompleteOn").asString()).isEqualTo(today.toString());
        assertThat(judged.path("missingMaterials").size()).isZero();
        assertThat(judged.path("promiseDueOn").isNull()).isFalse();
    }

    @ParameterizedTest(name = "self-paid {0} → {1} for {2} review")
    @CsvSource({
            "8000.00, 8000.00, COUNTY",
            "20000.00, 20000.00, CITY",
            "55000.00, 55000.00, PROVINCE"})
    void claimsGoToTheReviewLevelTheirAmountCalls(String selfPaid, String amount, String level) {
        // 4 shares: the formula exceeds what the worker paid, so the benefit is the self-paid amount (cap 60,000.00)
        long member = member('M', "HOSPITAL:4");
        long claim = file(member, hospitalClaim(selfPaid, false));

        JsonNode c = submit(claim);

        assertThat(c.path("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(c.path("computedTotal").asString()).isEqualTo(amount);
        assertThat(c.path("reviewLevel").asString()).isEqualTo(level);
        List<JsonNode> queue = list("demo-admin", "/api/v1/claims?status=UNDER_REVIEW&reviewLevel=" + level + "&memberId=" + member);
        assertThat(queue).extracting(s -> s.path("id").asLong()).containsExactly(claim);
    }

    @Test
    void aClaimFiledMoreThanTwoYearsAfterDischargeIsRejectedAutomatically() {
        long member = member('M', "HOSPITAL:1");
        Map<String, Object> body = hospitalClaim("3000.00", true);
        LocalDate discharge = today.minusYears(2).minusDays(1);
        body.put("incidentDate", discharge.minusDays(7).toString());
        body.put("hospitalStay", Map.of("admission", discharge.minusDays(7).toString(), "discharge", discharge.toString()));
        long claim = file(member, body);

        JsonNode c = submit(claim);

        assertThat(c.path("status").asString()).isEqualTo("REJECTED");
        assertThat(reasonCodes(c.path("benefits").get(0))).contains("CLAIM_TOO_LATE");
        assertThat(c.path("timeline").get(2).path("actor").asString()).isEqualTo("系统");
        assertThat(c.path("payoutRequests").size()).isZero();
    }

    @Test
    void aBreastCancerHospitalisationTellsTheWomanWhatElseSheCanClaimAndWhichMaterialsAreMissing() {
        long member = member('F', "HOSPITAL:1", "CRITICAL_ILLNESS:1", "FEMALE_SPECIAL:1");
        Map<String, Object> body = hospitalClaim("10200.00", false);
        body.put("diagnoses", List.of("C50.901"));
        body.put("items", List.of("HOSPITAL"));
        long claim = file(member, body);
        attach(claim, "ID_CARD", "BANK_CARD", "DISCHARGE_SUMMARY");

        JsonNode c = submit(claim);

        assertThat(c.path("benefits").size()).isEqualTo(1);
        // 60% × 5,000 + 70% × 5,000 = 6,500.00
        assertThat(c.path("benefits").get(0).path("amount").asString()).isEqualTo("6500.00");
        JsonNode hints = c.path("hints");
        assertThat(hints).extracting(h -> h.path("item").asString() + " " + h.path("amount").asString())
                .containsExactly("CRITICAL_ILLNESS 10000.00", "FEMALE_SPECIAL 10000.00");
        assertThat(hints.get(0).path("message").asString()).startsWith("您还参加了重大疾病互助保障（A款）").contains("可一并申请");
        assertThat(hints.get(1).path("message").asString()).startsWith("您还参加了女职工特殊疾病互助保障（标准版）");
        assertThat(hints.get(0).path("missingMaterials")).extracting(JsonNode::asString).containsExactly("病理报告");
    }

    @Test
    void whatEarlierClaimsPaidForTheSamePeriodIsTakenFromTheDatabase() {
        long member = member('M', "HOSPITAL:1");
        long first = file(member, hospitalClaim("10200.00", false));
        assertThat(submit(first).path("computedTotal").asString()).isEqualTo("6500.00");
        assertThat(post("demo-reviewer", "/api/v1/claims/" + first + "/approve", "{}").status()).isEqualTo(200);

        Map<String, Object> second = hospitalClaim("20200.00", false);
        second.put("hospitalStay", Map.of("admission", today.minusDays(10).toString(), "discharge", today.minusDays(5).toString()));
        second.put("incidentDate", today.minusDays(10).toString());
        JsonNode c = submit(file(member, second));

        // formula 13,500.00, but the period cap 15,000.00 less the 6,500.00 already paid leaves 8,500.00
        JsonNode benefit = c.path("benefits").get(0);
        assertThat(benefit.path("amount").asString()).isEqualTo("8500.00");
        assertThat(benefit.path("decision").asString()).isEqualTo("REDUCED");
        assertThat(reasonCodes(benefit)).contains("ANNUAL_CAP");
    }

    @Test
    void twoClaimsInReviewNeverSpendTheSameCapTwice() {
        long member = member('M', "HOSPITAL:1");
        long first = file(member, hospitalClaim("10200.00", false));
        Map<String, Object> later = hospitalClaim("20200.00", false);
        later.put("hospitalStay", Map.of("admission", today.minusDays(10).toString(), "discharge", today.minusDays(5).toString()));
        later.put("incidentDate", today.minusDays(10).toString());
        long second = file(member, later);
        // both judged while nothing was paid: 6,500.00 and 13,500.00 (formula), together above the 15,000.00 cap
        assertThat(submit(first).path("computedTotal").asString()).isEqualTo("6500.00");
        assertThat(submit(second).path("computedTotal").asString()).isEqualTo("13500.00");

        assertThat(post("demo-reviewer", "/api/v1/claims/" + first + "/approve", "{}").status()).isEqualTo(200);
        Answer stale = post("demo-reviewer", "/api/v1/claims/" + second + "/approve", "{}");
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.field("detail")).contains("8500.00");

        JsonNode rejudged = get("demo-reviewer", "/api/v1/claims/" + second).json();
        assertThat(rejudged.path("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(rejudged.path("benefits").get(0).path("amount").asString()).isEqualTo("8500.00");
        assertThat(reasonCodes(rejudged.path("benefits").get(0))).contains("ANNUAL_CAP");

        Answer approved = post("demo-reviewer", "/api/v1/claims/" + second + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("approvedTotal").asString()).isEqualTo("8500.00");
    }

    // ---- receipts and form -------------------------------------------------------------------

    @Test
    void oneReceiptBacksOnlyOneClaimAcrossMembers() {
        long first = member('M', "HOSPITAL:1");
        long second = member('F', "HOSPITAL:1");
        Map<String, Object> body = hospitalClaim("1000.00", true);
        file(first, body);

        body.put("memberId", second);
        Answer again = post("demo-admin", "/api/v1/claims", JSON.writeValueAsString(body));

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(fields(again)).containsExactly("receipts[0].invoiceNumber");
    }

    @Test
    void badInputIsA400NamingTheClaimsOwnFields() {
        long member = member('M', "HOSPITAL:1");
        Map<String, Object> body = hospitalClaim(member, "1000.00", true);
        body.put("diagnoses", List.of("XYZ"));
        body.put("hospitalStay", Map.of("admission", today.minusDays(5).toString(), "discharge", today.minusDays(9).toString()));
        body.put("receipts", List.of(Map.of("invoiceCode", "1234", "invoiceNumber", "0000000001", "electronic", true, "amount", "10.00")));
        body.put("items", List.of("ACCIDENT"));

        Answer answer = post("demo-admin", "/api/v1/claims", JSON.writeValueAsString(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("receipts[0].invoiceCode");

        body.remove("receipts");
        answer = post("demo-admin", "/api/v1/claims", JSON.writeValueAsString(body));
        assertThat(fields(answer)).containsExactly("items[0]");

        body.remove("items");
        answer = post("demo-admin", "/api/v1/claims", JSON.writeValueAsString(body));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("diagnoses[0]", "hospitalStay.discharge");
    }

    @Test
    void submittingNeedsABankAccountForThePayout() {
        long member = member('M', false, "HOSPITAL:1");
        long claim = file(member, hospitalClaim("1000.00", true));

        Answer answer = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("memberId");
        assertThat(get("demo-admin", "/api/v1/claims/" + claim).json().path("status").asString()).isEqualTo("DRAFT");
    }

    // ---- the state machine -------------------------------------------------------------------

    static Stream<Arguments> illegalTransitions() {
        return Stream.of(
                Arguments.of("DRAFT", "approve"),
                Arguments.of("DRAFT", "reject"),
                Arguments.of("UNDER_REVIEW", "submit"),
                Arguments.of("REJECTED", "approve"),
                Arguments.of("REJECTED", "submit"),
                Arguments.of("PAYMENT_PENDING", "approve"),
                Arguments.of("PAYMENT_PENDING", "reject"),
                Arguments.of("PAYMENT_PENDING", "submit"),
                Arguments.of("PAID", "reject"),
                Arguments.of("PAID", "approve"));
    }

    @ParameterizedTest(name = "{1} a {0} claim → 409")
    @MethodSource("illegalTransitions")
    void anIllegalTransitionIsAConflictNamingBothStates(String state, String action) {
        long claim = claimIn(state);
        // the documents are read in the background: the claim is taken as it stands once every reading has its outcome
        JsonNode before = awaitJson("demo-admin", "/api/v1/claims/" + claim, ClaimApiTest::readingsDone);

        Answer answer = post("demo-admin", "/api/v1/claims/" + claim + "/" + action, action.equals("reject") ? "{\"reason\":\"不符\"}" : "{}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("detail").asString()).contains("（" + state + "）");
        assertThat(get("demo-admin", "/api/v1/claims/" + claim).json()).isEqualTo(before);
    }

    /** No document of the claim is still waiting for its background reading. */
    private static boolean readingsDone(JsonNode claim) {
        for (JsonNode d : claim.path("documents")) if ("PENDING".equals(d.path("reading").path("status").asString())) return false;
        return true;
    }

    @Test
    void twoReviewersApprovingAtOnceExactlyOneWins() throws Exception {
        String second = reviewer("湖北省总工会");
        long claim = claimIn("UNDER_REVIEW");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (String user : List.of("demo-reviewer", second)) {
                answers.add(pool.submit((Callable<Answer>) () -> {
                    start.await();
                    return post(user, "/api/v1/claims/" + claim + "/approve", "{}");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> f : answers) statuses.add(f.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        JsonNode c = get("demo-admin", "/api/v1/claims/" + claim).json();
        assertThat(c.path("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(c.path("payoutRequests").size()).isEqualTo(1);
        assertThat(transitions(c)).filteredOn(t -> t.endsWith("→APPROVED")).hasSize(1);
    }

    @Test
    void aLargeApprovalNeedsASecondReviewer() {
        String second = reviewer("湖北省总工会");
        long member = member('M', "HOSPITAL:4");
        long claim = file(member, hospitalClaim("40000.00", false));
        assertThat(submit(claim).path("computedTotal").asString()).isEqualTo("40000.00");

        Answer first = post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", "{\"reason\":\"材料核实无误\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(first.json().path("firstApprovedBy").asString()).isEqualTo("demo-reviewer");

        Answer again = post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", "{}");
        assertThat(again.status()).isEqualTo(409);

        Answer checked = post(second, "/api/v1/claims/" + claim + "/approve", "{}");
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.json().path("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(checked.json().path("approvedTotal").asString()).isEqualTo("40000.00");
        assertThat(checked.json().path("timeline")).extracting(e -> e.path("actor").asString())
                .containsSubsequence("demo-reviewer", second);
    }

    // ---- adjustments and maker-checker ------------------------------------------------------

    @Test
    void aDownwardAdjustmentIsAcceptedAlone() {
        long claim = claimIn("UNDER_REVIEW");

        Answer cut = post("demo-reviewer", "/api/v1/claims/" + claim + "/approve",
                "{\"items\":[{\"item\":\"HOSPITAL\",\"amount\":\"300.00\",\"reasonCode\":\"DUPLICATE_EXPENSES\",\"reason\":\"两张票据重复\"}]}");

        assertThat(cut.status()).as(cut.body()).isEqualTo(200);
        JsonNode c = cut.json();
        assertThat(c.path("status").asString()).isEqualTo("PAYMENT_PENDING");
        JsonNode benefit = c.path("benefits").get(0);
        assertThat(benefit.path("amount").asString()).isEqualTo("480.00");
        assertThat(benefit.path("adjustedAmount").asString()).isEqualTo("300.00");
        assertThat(benefit.path("adjustReasonCode").asString()).isEqualTo("DUPLICATE_EXPENSES");
        assertThat(benefit.path("adjustReasonName").asString()).isEqualTo("重复票据或重复计费");
        assertThat(benefit.path("adjustReason").asString()).isEqualTo("两张票据重复");
        assertThat(benefit.path("adjustedBy").asString()).isEqualTo("demo-reviewer");
        assertThat(c.path("approvedTotal").asString()).isEqualTo("300.00");
        assertThat(c.path("payoutRequests").get(0).path("amount").asString()).isEqualTo("300.00");
    }

    @Test
    void anAdjustmentNeedsACodedReason() {
        long claim = claimIn("UNDER_REVIEW");
        String cut = "{\"items\":[{\"item\":\"HOSPITAL\",\"amount\":\"300.00\"%s}]}";

        for (String reason : List.of("", ",\"reason\":\"部分票据重复\"", ",\"reasonCode\":\"BECAUSE\",\"reason\":\"部分票据重复\"",
                ",\"reasonCode\":\"SPECIAL_APPROVAL\"")) {
            Answer refused = post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", cut.formatted(reason));
            assertThat(refused.status()).as(reason + " " + refused.body()).isEqualTo(400);
            assertThat(fields(refused)).containsExactly("items[0].reasonCode");
        }
        assertThat(get("demo-reviewer", "/api/v1/claims/" + claim).json().path("status").asString()).isEqualTo("UNDER_REVIEW");

        // the one list of codes, with their Chinese, as the console reads it
        JsonNode rules = get("demo-reviewer", "/api/v1/claims/review-rules").json();
        List<String> codes = new ArrayList<>();
        rules.path("adjustmentReasons").forEach(r -> codes.add(r.path("code").asString() + " " + r.path("name").asString() + " "
                + r.path("raises").asBoolean()));
        assertThat(codes).containsExactlyElementsOf(Stream.of(AdjustmentReason.values())
                .map(r -> r.name() + " " + r.chinese() + " " + r.raises()).toList());
        assertThat(rules.path("dualApprovalFrom").asString()).isEqualTo("30000.00");
        assertThat(get("demo-finance", "/api/v1/claims/review-rules").status()).isEqualTo(403);
    }

    @Test
    void aReviewerCannotRaiseAnItemAboveItsComputedAmountAlone() {
        String second = reviewer("湖北省总工会");
        long claim = claimIn("UNDER_REVIEW");
        String raise = "{\"items\":[{\"item\":\"HOSPITAL\",\"amount\":\"600.00\",\"reasonCode\":\"%s\",\"reason\":\"票据金额录入少了\"}]}";

        Answer withAReducingCode = post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", raise.formatted("DUPLICATE_EXPENSES"));
        assertThat(withAReducingCode.status()).isEqualTo(400);
        assertThat(fields(withAReducingCode)).containsExactly("items[0].reasonCode");

        Answer proposed = post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", raise.formatted("ENTRY_CORRECTED_UP"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        assertThat(proposed.json().path("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(proposed.json().path("firstApprovedBy").asString()).isEqualTo("demo-reviewer");
        assertThat(proposed.json().path("payoutRequests").size()).isZero();
        assertThat(proposed.json().path("benefits").get(0).path("adjustedAmount").asString()).isEqualTo("600.00");
        assertThat(post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", "{}").status()).isEqualTo(409);

        Answer checked = post(second, "/api/v1/claims/" + claim + "/approve", "{}");
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.json().path("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(checked.json().path("approvedTotal").asString()).isEqualTo("600.00");
        assertThat(checked.json().path("benefits").get(0).path("adjustedBy").asString()).isEqualTo("demo-reviewer");
    }

    @Test
    void aCountyReviewerCannotApproveAnAdjustedTotalAboveTheCountyLimit() {
        String county = reviewer("武昌区总工会");
        String otherCounty = reviewer("武昌区总工会");
        long claim = file(member('M', "HOSPITAL:4"), hospitalClaim("8000.00", false));
        assertThat(submit(claim).path("reviewLevel").asString()).isEqualTo("COUNTY");

        Answer raised = post(county, "/api/v1/claims/" + claim + "/approve",
                "{\"items\":[{\"item\":\"HOSPITAL\",\"amount\":\"12000.00\",\"reasonCode\":\"SPECIAL_APPROVAL\",\"reason\":\"困难职工\"}]}");
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        assertThat(raised.json().path("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(raised.json().path("reviewLevel").asString()).isEqualTo("CITY");

        assertThat(post(otherCounty, "/api/v1/claims/" + claim + "/approve", "{}").status()).isEqualTo(403);
        Answer city = post(reviewer("武汉市总工会"), "/api/v1/claims/" + claim + "/approve", "{}");
        assertThat(city.status()).as(city.body()).isEqualTo(200);
        assertThat(city.json().path("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(city.json().path("approvedTotal").asString()).isEqualTo("12000.00");
        assertThat(city.json().path("reviewLevel").asString()).isEqualTo("CITY");
    }

    @Test
    void theCheckerMustApproveExactlyTheMakersFigures() {
        String second = reviewer("湖北省总工会");
        long claim = file(member('M', "HOSPITAL:4"), hospitalClaim("40000.00", false));
        assertThat(submit(claim).path("reviewLevel").asString()).isEqualTo("CITY");
        String figures = "{\"items\":[{\"item\":\"HOSPITAL\",\"amount\":\"%s\",\"reasonCode\":\"UNRELATED_EXPENSES\",\"reason\":\"门诊费用\"}]}";

        Answer made = post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", figures.formatted("35000.00"));
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        assertThat(made.json().path("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(made.json().path("firstApprovedBy").asString()).isEqualTo("demo-reviewer");

        // the checker changes the figures: no approval, the approval restarts with the checker as the maker of the new ones
        Answer changed = post(second, "/api/v1/claims/" + claim + "/approve", figures.formatted("36000.00"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(changed.json().path("firstApprovedBy").asString()).isEqualTo(second);
        assertThat(changed.json().path("benefits").get(0).path("adjustedAmount").asString()).isEqualTo("36000.00");
        assertThat(changed.json().path("payoutRequests").size()).isZero();
        assertThat(post(second, "/api/v1/claims/" + claim + "/approve", "{}").status()).isEqualTo(409);
        assertThat(post(second, "/api/v1/claims/" + claim + "/reject", "{\"reason\":\"不符\"}").status()).isEqualTo(409);

        Answer checked = post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", figures.formatted("36000.00"));
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.json().path("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(checked.json().path("approvedTotal").asString()).isEqualTo("36000.00");
        assertThat(checked.json().path("payoutRequests").get(0).path("amount").asString()).isEqualTo("36000.00");
    }

    @Test
    void anAdministratorCannotApproveAClaimTheyFiled() {
        long claim = claimIn("UNDER_REVIEW");   // filed by demo-admin

        Answer approved = post("demo-admin", "/api/v1/claims/" + claim + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(409);
        assertThat(approved.field("detail")).contains("本人提交");
        assertThat(post("demo-admin", "/api/v1/claims/" + claim + "/reject", "{\"reason\":\"不符\"}").status()).isEqualTo(409);
        assertThat(get("demo-admin", "/api/v1/claims/" + claim).json().path("status").asString()).isEqualTo("UNDER_REVIEW");

        assertThat(post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", "{}").status()).isEqualTo(200);
    }

    @Test
    void nobodyApprovesAClaimOfTheirOwnMembership() {
        long member = member('M', "HOSPITAL:1");
        long claim = file(member, hospitalClaim("1000.00", false));
        assertThat(submit(claim).path("status").asString()).isEqualTo("UNDER_REVIEW");
        long province = orgIds.get("湖北省总工会");
        for (Role role : List.of(Role.REVIEWER, Role.ADMIN)) {
            String own = "claim-own-" + role.name().toLowerCase() + "-" + SEQUENCE.incrementAndGet();
            accounts.create(new Accounts.NewAccount(own, own, "本人会员", role, province, null, member,
                    organisations.node(province).path(), true)); // a demo-mode fixture: exempt from the second factor

            Answer approved = post(own, "/api/v1/claims/" + claim + "/approve", "{}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(409);
            assertThat(approved.field("detail")).contains("本人");
        }
        assertThat(post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", "{}").status()).isEqualTo(200);
    }

    @Test
    void rejectingNeedsAReason() {
        long claim = claimIn("UNDER_REVIEW");

        Answer answer = post("demo-reviewer", "/api/v1/claims/" + claim + "/reject", "{\"reason\":\" \"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("reason");
    }

    // ---- scope -------------------------------------------------------------------------------

    @Test
    void aReviewerOfJingmenCannotSeeOrDecideAWuhanClaim() {
        String jingmen = reviewer("荆门市总工会");
        long claim = claimIn("UNDER_REVIEW");

        assertThat(get(jingmen, "/api/v1/claims/" + claim).status()).isEqualTo(404);
        assertThat(post(jingmen, "/api/v1/claims/" + claim + "/approve", "{}").status()).isEqualTo(404);
        assertThat(list(jingmen, "/api/v1/claims?status=UNDER_REVIEW")).extracting(s -> s.path("id").asLong()).doesNotContain(claim);
        assertThat(get("demo-wuhan", "/api/v1/claims/" + claim).status()).isEqualTo(200);
    }

    @Test
    void aCountyReviewerCannotDecideACityLevelClaim() {
        String county = reviewer("武昌区总工会");
        long member = member('M', "HOSPITAL:4");
        long claim = file(member, hospitalClaim("20000.00", false));
        assertThat(submit(claim).path("reviewLevel").asString()).isEqualTo("CITY");

        assertThat(post(county, "/api/v1/claims/" + claim + "/approve", "{}").status()).isEqualTo(403);
        assertThat(post(reviewer("武汉市总工会"), "/api/v1/claims/" + claim + "/approve", "{}").status()).isEqualTo(200);
    }

    @Test
    void aCountyUnionStaffWhoAlsoReviewsDecidesUpToTheCountyLevelOnly() {
        long node = orgIds.get("武昌区总工会");
        String staffReviewer = "claim-staff-reviewer-" + SEQUENCE.incrementAndGet();
        accounts.create(new Accounts.NewAccount(staffReviewer, staffReviewer, "工会兼审核", Role.UNION_STAFF, node, null, null,
                organisations.node(node).path(), true, false, java.util.Set.of(Role.REVIEWER))); // demo-mode fixture

        long countyClaim = file(member('M', "HOSPITAL:4"), hospitalClaim("8000.00", false));
        assertThat(submit(countyClaim).path("reviewLevel").asString()).isEqualTo("COUNTY");
        Answer approved = post(staffReviewer, "/api/v1/claims/" + countyClaim + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        long cityClaim = file(member('M', "HOSPITAL:4"), hospitalClaim("20000.00", false));
        assertThat(submit(cityClaim).path("reviewLevel").asString()).isEqualTo("CITY");
        assertThat(post(staffReviewer, "/api/v1/claims/" + cityClaim + "/approve", "{}").status()).isEqualTo(403);
    }

    @Test
    void aClaimForAMemberOutsideTheCallersScopeIsA400NamingTheMember() {
        long member = member('M', "HOSPITAL:1");

        Answer answer = post("demo-jingmen", "/api/v1/claims", JSON.writeValueAsString(hospitalClaim(member, "1000.00", true)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("memberId");
    }

    // ---- documents ---------------------------------------------------------------------------

    @Test
    void documentsAreCheckedByContentStoredEncryptedAndReturnedIntact() {
        long claim = file(member('M', "HOSPITAL:1"), hospitalClaim("1000.00", true));
        String path = "/api/v1/claims/" + claim + "/documents";

        Answer stored = upload("demo-admin", path + "?kind=RECEIPT", "file", "发票.pdf", PDF);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().path("contentType").asString()).isEqualTo("application/pdf");
        long id = stored.json().path("id").asLong();
        byte[] cipher = jdbc.sql("select content_cipher from claims.document where id = ?").param(id).query(byte[].class).single();
        assertThat(new String(cipher, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(get("demo-admin", path + "/" + id).body()).isEqualTo(new String(PDF, StandardCharsets.UTF_8));

        assertThat(upload("demo-admin", path + "?kind=RECEIPT", "file", "empty.pdf", new byte[0]).status()).isEqualTo(422);
        assertThat(upload("demo-admin", path + "?kind=RECEIPT", "file", "note.pdf", "hello".getBytes()).status()).isEqualTo(422);
        assertThat(fields(upload("demo-admin", path + "?kind=SELFIE", "file", "a.pdf", PDF))).containsExactly("kind");
        assertThat(upload("demo-admin", path + "?kind=RECEIPT", "file", "big.pdf", new byte[11 * 1024 * 1024]).status()).isEqualTo(413);
        assertThat(get("demo-jingmen", path).status()).isEqualTo(404);
    }

    @Test
    void documentsUploadedTogetherAreStoredInTheirOrderAndTheClaimIsApprovedOnThem() {
        long claim = file(member('M', "HOSPITAL:1"), hospitalClaim("1000.00", true));
        List<String> kinds = List.of("ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY");

        Answer stored = uploadAll("demo-admin", claim, kinds);

        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        List<String> answered = new ArrayList<>();
        stored.json().forEach(d -> answered.add(d.path("kind").asString() + " " + d.path("fileName").asString()));
        assertThat(answered).containsExactlyElementsOf(kinds.stream().map(k -> k + " " + k + ".pdf").toList());
        assertThat(stored.json().get(2).path("reading").path("status").asString()).isEqualTo("PENDING");
        assertThat(list("demo-admin", "/api/v1/claims/" + claim + "/documents")).extracting(d -> d.path("kind").asString())
                .containsExactlyElementsOf(kinds);
        Answer submitted = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");
        assertThat(submitted.json().path("status").asString()).as(submitted.body()).isEqualTo("PAYMENT_PENDING");
        assertThat(submitted.json().path("missingMaterials").size()).isZero();
    }

    @ParameterizedTest(name = "a batch with {0} stores none of its documents")
    @CsvSource({"an unknown kind, demo-admin, SELFIE, 400", "an empty file, demo-admin, EMPTY, 422",
            "a claim outside the caller's scope, demo-jingmen, RECEIPT, 404"})
    void aBatchWithOneBadDocumentStoresNone(String problem, String user, String secondKind, int status) {
        long claim = file(member('M', "HOSPITAL:1"), hospitalClaim("1000.00", true));

        Answer answer = uploadAll(user, claim, List.of("ID_CARD", secondKind));

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        if (status == 400) assertThat(fields(answer)).containsExactly("documents[1].kind");
        assertThat(jdbc.sql("select count(*) from claims.document where claim_id = ?").param(claim).query(Long.class).single()).isZero();
    }

    @Test
    void aClaimFiledWithItsDocumentsInOneRequestIsStoredWholeAndApprovedOnThem() {
        long member = member('M', "HOSPITAL:1");
        List<String> kinds = List.of("ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY");

        Answer filed = fileWithDocuments("demo-admin", hospitalClaim(member, "1000.00", true), kinds);

        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(filed.json().path("missingMaterials").size()).as(filed.body()).isZero();
        List<String> answered = new ArrayList<>();
        filed.json().path("documents").forEach(d -> answered.add(d.path("kind").asString() + " " + d.path("fileName").asString()
                + " " + d.path("reading").path("status").asString("-")));
        assertThat(answered).containsExactly("ID_CARD ID_CARD.pdf -", "BANK_CARD BANK_CARD.pdf -", "RECEIPT RECEIPT.pdf PENDING",
                "SETTLEMENT SETTLEMENT.pdf PENDING", "DISCHARGE_SUMMARY DISCHARGE_SUMMARY.pdf PENDING");
        long claim = filed.json().path("id").asLong();
        long id = filed.json().path("documents").get(2).path("id").asLong();
        byte[] cipher = jdbc.sql("select content_cipher from claims.document where id = ?").param(id).query(byte[].class).single();
        assertThat(new String(cipher, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(get("demo-admin", "/api/v1/claims/" + claim + "/documents/" + id).body()).isEqualTo(new String(PDF, StandardCharsets.UTF_8));
        assertThat(list("demo-admin", "/api/v1/claims/" + claim + "/documents")).extracting(d -> d.path("kind").asString())
                .containsExactlyElementsOf(kinds);

        assertThat(submit(claim).path("status").asString()).isEqualTo("PAYMENT_PENDING");
        // the two receipt-kind documents are read in the background, as when they are attached later
        JsonNode read = awaitJson("demo-admin", "/api/v1/claims/" + claim, c -> c.path("documents").get(2).path("reading")
                .path("status").asString().equals("UNREADABLE") && c.path("documents").get(3).path("reading").path("status").asString()
                .equals("UNREADABLE"));
        assertThat(read.path("status").asString()).isEqualTo("PAYMENT_PENDING");
    }

    @ParameterizedTest(name = "a filing with {0} stores no claim and no document")
    @CsvSource({"an unknown kind, SELFIE, 400", "an empty file, EMPTY, 422", "a receipt another claim holds, TAKEN, 409"})
    void aFilingWithOneBadDocumentOrReceiptStoresNothing(String problem, String secondKind, int status) {
        long member = member('M', "HOSPITAL:1");
        Map<String, Object> body = hospitalClaim(member, "1000.00", true);
        if (secondKind.equals("TAKEN")) {
            file(member('F', "HOSPITAL:1"), new LinkedHashMap<>(body));   // another member's claim holds the receipt first
            secondKind = "BANK_CARD";
        }

        Answer answer = fileWithDocuments("demo-admin", body, List.of("ID_CARD", secondKind));

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        if (status == 400) assertThat(fields(answer)).containsExactly("documents[1].kind");
        if (status == 409) assertThat(fields(answer)).containsExactly("receipts[0].invoiceNumber");
        assertThat(jdbc.sql("select count(*) from claims.claim where member_id = ?").param(member).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from claims.document d join claims.claim c on c.id = d.claim_id where c.member_id = ?")
                .param(member).query(Long.class).single()).isZero();
    }

    @Test
    void aFilingWhoseFilesAndKindsDoNotPairIsA400() {
        long member = member('M', "HOSPITAL:1");
        String boundary = "----huzhu-filing-" + SEQUENCE.incrementAndGet();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"claim\"\r\nContent-Type: application/json\r\n\r\n"
                + JSON.writeValueAsString(hospitalClaim(member, "1000.00", true)) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nRECEIPT\r\n--" + boundary + "--\r\n";

        Answer answer = send("demo-admin", java.net.http.HttpRequest.newBuilder(uri("/api/v1/claims"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("kind");
        assertThat(jdbc.sql("select count(*) from claims.claim where member_id = ?").param(member).query(Long.class).single()).isZero();
    }

    /** A claim filed with its documents in one multipart request: the claim as JSON, then a kind and a file per document. */
    private Answer fileWithDocuments(String user, Map<String, Object> claim, List<String> kinds) {
        String boundary = "----huzhu-filing-" + SEQUENCE.incrementAndGet();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"claim\"\r\nContent-Type: application/json\r\n\r\n"
                + JSON.writeValueAsString(claim) + "\r\n").getBytes(StandardCharsets.UTF_8));
        writeDocuments(body, boundary, kinds);
        return send(user, java.net.http.HttpRequest.newBuilder(uri("/api/v1/claims"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** One multipart request with a file part and a kind per document; kind EMPTY sends an empty RECEIPT. */
    private Answer uploadAll(String user, long claim, List<String> kinds) {
        String boundary = "----huzhu-batch-" + SEQUENCE.incrementAndGet();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        writeDocuments(body, boundary, kinds);
        return send(user, java.net.http.HttpRequest.newBuilder(uri("/api/v1/claims/" + claim + "/documents/batch"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A kind part and a file part per document, and the closing boundary; kind EMPTY sends an empty RECEIPT. */
    private static void writeDocuments(java.io.ByteArrayOutputStream body, String boundary, List<String> kinds) {
        for (String kind : kinds) {
            boolean empty = kind.equals("EMPTY");
            String name = empty ? "RECEIPT" : kind;
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + name + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(empty ? new byte[0] : PDF);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    }

    // ---- the whole journey -------------------------------------------------------------------

    @Test
    void aWorkerFilesAClaimThatIsReviewedAndHandedToPaymentAndFollowsItsTimeline() {
        long unit = newUnit("江岸区总工会");
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", "李旅程");
        person.put("idNumber", idNumber(LocalDate.of(1984, 4, 4), 'M'));
        person.put("employmentForm", "REGULAR");
        person.put("unitId", unit);
        Answer registered = post("demo-wuhan", "/api/v1/members", JSON.writeValueAsString(person));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        Answer enrolled = post("demo-wuhan", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit, "memberId", member,
                "bundle", "BASIC", "shares", 1, "paidOn", today.minusDays(200).toString())));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        confirmDeclaration(enrolled.json().path("billId").asLong());
        setBankAccount("demo-wuhan", member, "中国工商银行", newCardNumber());
        String worker = "claim-worker-" + member;
        accounts.create(new Accounts.NewAccount(worker, worker, "李旅程", Role.MEMBER, null, unit, member,
                organisations.unit(unit).orElseThrow().path(), false));

        Map<String, Object> body = hospitalClaim(member, "5200.00", false);
        Answer filed = post(worker, "/api/v1/claims", JSON.writeValueAsString(body));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long claim = filed.json().path("id").asLong();
        for (String kind : List.of("ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY")) {
            assertThat(upload(worker, "/api/v1/claims/" + claim + "/documents?kind=" + kind, "file", kind + ".pdf", PDF).status())
                    .isEqualTo(201);
        }
        Answer submitted = post(worker, "/api/v1/claims/" + claim + "/submit", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode s = submitted.json();
        // BASIC for a man: HOSPITAL pays 60% × 5,000 = 3,000.00; CRITICAL_ILLNESS (K35 not listed) and ACCIDENT do not
        assertThat(s.path("benefits")).extracting(b -> b.path("item").asString() + " " + b.path("decision").asString() + " "
                + b.path("amount").asString()).containsExactly("HOSPITAL PAY 3000.00", "CRITICAL_ILLNESS REJECT 0.00", "ACCIDENT REJECT 0.00");
        assertThat(s.path("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(s.path("reviewLevel").asString()).isEqualTo("COUNTY");
        assertThat(s.path("missingMaterials").size()).isZero();
        assertThat(s.path("promiseDueOn").isNull()).isFalse();
        assertThat(post(worker, "/api/v1/claims/" + claim + "/approve", "{}").status()).isEqualTo(403);

        Answer approved = post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", "{\"reason\":\"材料齐全\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        Answer seen = get(worker, "/api/v1/claims/" + claim);
        assertThat(seen.status()).isEqualTo(200);
        JsonNode c = seen.json();
        assertThat(c.path("status").asString()).isEqualTo("PAYMENT_PENDING");
        // handed to a reviewer of 江岸区 (or left to be taken), then taken over by demo-reviewer, who decided it
        assertThat(transitions(c)).containsExactly("null→DRAFT", "DRAFT→SUBMITTED", "SUBMITTED→UNDER_REVIEW",
                "UNDER_REVIEW→UNDER_REVIEW", "UNDER_REVIEW→UNDER_REVIEW", "UNDER_REVIEW→APPROVED", "APPROVED→PAYMENT_PENDING");
        assertThat(c.path("timeline")).extracting(e -> e.path("actor").asString())
                .containsExactly(worker, worker, "系统", "系统", "demo-reviewer", "demo-reviewer", "系统");
        assertThat(c.path("timeline").get(4).path("reason").asString()).startsWith("由").contains("接办");
        assertThat(c.path("timeline").get(5).path("reason").asString()).contains("材料齐全");
        JsonNode payout = c.path("payoutRequests").get(0);
        assertThat(payout.path("reference").asString()).isEqualTo("HZ-" + claim + "-1");
        assertThat(payout.path("payeeName").asString()).isEqualTo("李旅程");
        assertThat(payout.path("amount").asString()).isEqualTo("3000.00");
        assertThat(list(worker, "/api/v1/claims")).extracting(x -> x.path("id").asLong()).containsExactly(claim);
        assertThat(get("demo-member", "/api/v1/claims/" + claim).status()).isEqualTo(404);

        // the claim is paid only on the bank's word: a real batch round through the simulated bank (was a direct
        // Claims.paymentSettled call, which no longer exists now that the payouts module owns the payment)
        assertThat(PayoutRound.pay(payouts, "HZ-" + claim + "-1").status()).isEqualTo(PayoutStatus.SETTLED);
        JsonNode paid = get(worker, "/api/v1/claims/" + claim).json();
        assertThat(paid.path("status").asString()).isEqualTo("PAID");
        assertThat(paid.path("overdue").asBoolean()).isFalse();
    }

    // ---- fixtures ----------------------------------------------------------------------------

    /** A claim brought to a state through the API (and, for PAID, a payout round through the simulated bank). */
    private long claimIn(String state) {
        long member = member('M', "HOSPITAL:1");
        long claim = file(member, hospitalClaim("1000.00", false));
        if (state.equals("DRAFT")) return claim;
        assertThat(submit(claim).path("status").asString()).isEqualTo("UNDER_REVIEW");
        switch (state) {
            case "UNDER_REVIEW" -> { }
            case "REJECTED" -> assertThat(post("demo-reviewer", "/api/v1/claims/" + claim + "/reject", "{\"reason\":\"票据不清\"}").status())
                    .isEqualTo(200);
            case "PAYMENT_PENDING", "PAID" -> {
                assertThat(post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", "{}").status()).isEqualTo(200);
                if (state.equals("PAID")) {
                    assertThat(PayoutRound.pay(payouts, "HZ-" + claim + "-1").status()).isEqualTo(PayoutStatus.SETTLED);
                }
            }
            default -> throw new IllegalArgumentException(state);
        }
        assertThat(get("demo-admin", "/api/v1/claims/" + claim).json().path("status").asString()).isEqualTo(state);
        return claim;
    }

    private long member(char sex, String... items) {
        return member(sex, true, items);
    }

    /** A fresh worker of a fresh unit in 武昌区, enrolled 200 days ago (waiting periods over) in the given items (ITEM:shares). */
    private long member(char sex, boolean withBankAccount, String... items) {
        long unit = newUnit("武昌区总工会");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", sex == 'F' ? "理赔女工" : "理赔职工");
        body.put("idNumber", idNumber(LocalDate.of(1982, 5, 6), sex));
        body.put("employmentForm", "REGULAR");
        body.put("unitId", unit);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(body));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        enrolItems(unit, member, today.minusDays(200), items);
        if (withBankAccount) {
            setBankAccount(member, "中国工商银行", newCardNumber());
        }
        return member;
    }

    private Map<String, Object> hospitalClaim(String selfPaid, boolean electronic) {
        return hospitalClaim(null, selfPaid, electronic);
    }

    /** An appendicitis stay 30 to 20 days ago; the bill is self-paid plus 1,000.00 from the fund; one receipt. */
    private Map<String, Object> hospitalClaim(Long member, String selfPaid, boolean electronic) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (member != null) body.put("memberId", member);
        body.put("kind", "ILLNESS");
        body.put("incidentDate", today.minusDays(30).toString());
        body.put("diagnoses", List.of("K35.800"));
        body.put("hospitalStay", Map.of("admission", today.minusDays(30).toString(), "discharge", today.minusDays(20).toString()));
        String total = new java.math.BigDecimal(selfPaid).add(new java.math.BigDecimal("1000.00")).toPlainString();
        body.put("expenses", Map.of("total", total, "fundPaid", "1000.00", "selfPaid", selfPaid, "selfFunded", "0.00"));
        body.put("receipts", List.of(Map.of("invoiceCode", "42060126", "invoiceNumber", ReceiptNumbers.next(),
                "electronic", electronic, "amount", total)));
        return body;
    }

    private long file(long member, Map<String, Object> body) {
        body.put("memberId", member);
        Answer answer = post("demo-admin", "/api/v1/claims", JSON.writeValueAsString(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("status").asString()).isEqualTo("DRAFT");
        return answer.json().path("id").asLong();
    }

    /** Submits the claim with every material it needs handed in first (see {@link #submitAsItIs} for one without). */
    private JsonNode submit(long claim) {
        attachMissingMaterials(claim);
        return submitAsItIs(claim);
    }

    private JsonNode submitAsItIs(long claim) {
        Answer answer = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private void attach(long claim, String... kinds) {
        for (String kind : kinds) {
            Answer answer = upload("demo-admin", "/api/v1/claims/" + claim + "/documents?kind=" + kind, "file", kind + ".pdf", PDF);
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
    }

    private List<JsonNode> list(String user, String path) {
        Answer answer = get(user, path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        answer.json().forEach(rows::add);
        return rows;
    }

    /** A REVIEWER account placed at the named union office. */
    private String reviewer(String office) {
        long node = orgIds.get(office);
        String username = "claim-reviewer-" + SEQUENCE.incrementAndGet() + "-" + node;
        accounts.create(new Accounts.NewAccount(username, username, "审核员", Role.REVIEWER, node, null, null,
                organisations.node(node).path(), true)); // a demo-mode fixture: exempt from the second factor
        return username;
    }

    private static String idNumber(LocalDate birth, char sex) {
        int n = SEQUENCE.incrementAndGet();
        int sequence = (n % 450) * 2 + (sex == 'M' ? 1 : 0);
        String first17 = "3201" + String.format("%02d", n / 450 % 100) + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + IdNumber.checkCharacter(first17);
    }


    private static List<String> reasonCodes(JsonNode benefit) {
        List<String> out = new ArrayList<>();
        benefit.path("reasons").forEach(r -> out.add(r.path("code").asString()));
        return out;
    }
}
