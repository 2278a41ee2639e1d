package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.ledger.Ledger;
import org.huzhu.payouts.PayoutStatus;
import org.huzhu.support.ListPages;
import org.huzhu.support.PayoutRound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Appeals (申诉) over HTTP on the real database: who may lodge one, against what, until when and how often; who may
 * decide it and at which level; keeping or changing a rejection and an adjustment, maker-checker included; what an
 * appeal adds paid once as a supplementary payout that never moves the claim backwards, with a balanced ledger; the
 * reviewers' queue; the worker and the unit told; scope and bad input.
 */
class ClaimAppealApiTest extends AppealTest {

    @Autowired
    Ledger ledger;

    // ---- lodging -----------------------------------------------------------------------------------

    @Test
    void aWorkerAppealsARejectionInTheAppWithANewDocumentAndTheClaimGoesOneLevelUp() {
        Worker w = worker(1);
        String county = reviewer("武昌区总工会");
        long claim = rejected(w, county);
        JsonNode before = get(w.account(), "/api/v1/m/claims/" + claim).json();
        assertThat(before.path("appealableUntil").asString()).isEqualTo(today().plusDays(60).toString());
        assertThat(before.path("letters")).extracting(l -> l.path("number").asInt()).containsExactly(1);

        Answer lodged = lodgeInApp(w, claim, "票据是医院补开的，出院小结可以证明住院", "DISCHARGE_SUMMARY");

        assertThat(lodged.status()).as(lodged.body()).isEqualTo(200);
        assertThat(lodged.json().path("status").asString()).isEqualTo("APPEALED");
        assertThat(lodged.json().path("appeal").path("words").asString()).contains("正在由上一级工会复核");
        assertThat(lodged.json().path("appealableUntil").isNull()).isTrue();
        JsonNode c = claim(claim);
        assertThat(c.path("statusName").asString()).isEqualTo("申诉中");
        assertThat(c.path("reviewLevel").asString()).isEqualTo("CITY");
        JsonNode appeal = c.path("appeal");
        assertThat(appeal.path("kind").asString()).isEqualTo("REJECTION");
        assertThat(appeal.path("lodgedBy").asString()).isEqualTo(w.account());
        assertThat(appeal.path("onBehalf").asBoolean()).isFalse();
        assertThat(appeal.path("reason").asString()).isEqualTo("票据是医院补开的，出院小结可以证明住院");
        assertThat(appeal.path("level").asString()).isEqualTo("CITY");
        assertThat(appeal.path("pending").asBoolean()).isTrue();
        long document = appeal.path("documentIds").get(0).asLong();
        assertThat(c.path("documents")).anySatisfy(d -> {
            assertThat(d.path("id").asLong()).isEqualTo(document);
            assertThat(d.path("kind").asString()).isEqualTo("DISCHARGE_SUMMARY");
            assertThat(d.path("uploadedBy").asString()).isEqualTo(w.account());
        });
        assertThat(transitions(c)).endsWith("UNDER_REVIEW→REJECTED", "REJECTED→APPEALED");
        // what the worker wrote is the appeal's, not the timeline's (which a unit operator reads)
        assertThat(reasons(c).getLast()).contains("市（州）级").doesNotContain("出院小结");
        assertThat(post(county, "/api/v1/claims/" + claim + "/reject", "{\"reason\":\"不符\"}").status()).isEqualTo(409);
    }

    @Test
    void staffLodgeForTheWorkerInTheConsoleAndTheUnitIsToldToo() {
        Worker w = worker(1);
        long operator = unitOperator(w);
        long claim = rejected(w, reviewer("武昌区总工会"));

        Answer lodged = lodgeInConsole("demo-wuhan", claim, "职工行动不便，由市总工会代为申诉");

        assertThat(lodged.status()).as(lodged.body()).isEqualTo(200);
        assertThat(lodged.json().path("appeal").path("lodgedBy").asString()).isEqualTo("demo-wuhan");
        assertThat(lodged.json().path("appeal").path("onBehalf").asBoolean()).isTrue();
        assertThat(reasons(lodged.json()).getLast()).contains("代职工提出");
        String ref = ClaimReference.of(claim);
        assertThat(messages("member_id", w.member(), "APPEAL_RECEIVED")).isNotEmpty()
                .allSatisfy(body -> assertThat(body).contains(ref, "申诉已受理").doesNotContain("行动不便"));
        assertThat(messages("account_id", operator, "APPEAL_RECEIVED_UNIT")).isNotEmpty()
                .allSatisfy(body -> assertThat(body).contains(ref, "已提出申诉"));
    }

    @Test
    void anAppealIsLodgedWithinSixtyDaysOfTheDecision() {
        Worker w = worker(1);
        String county = reviewer("武昌区总工会");
        long onTheLastDay = rejected(w, county);
        long aDayLate = rejected(w, county);
        LocalDate decided = today();

        testClock.advance(Duration.ofDays(60));
        assertThat(claim(onTheLastDay).path("appealableUntil").asString()).isEqualTo(decided.plusDays(60).toString());
        assertThat(lodgeInApp(w, onTheLastDay, "第60天提出").status()).isEqualTo(200);

        testClock.advance(Duration.ofDays(1));
        assertThat(claim(aDayLate).path("appealableUntil").isNull()).isTrue();
        Answer late = lodgeInApp(w, aDayLate, "第61天提出");
        assertProblem(late, 409);
        assertThat(late.field("detail")).contains("已超过申诉期限", "60日内", decided.plusDays(60).toString());
        assertThat(claim(aDayLate).path("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void aClaimIsAppealedOnceOnly() {
        Worker w = worker(1);
        long claim = rejected(w, reviewer("武昌区总工会"));
        assertThat(lodgeInApp(w, claim, "第一次申诉").status()).isEqualTo(200);

        Answer again = lodgeInConsole("demo-admin", claim, "再次申诉");
        assertProblem(again, 409);
        assertThat(again.field("detail")).contains("只能申诉一次");

        assertThat(decide(reviewer("武汉市总工会"), claim, "{\"outcome\":\"UPHELD_ORIGINAL\",\"reason\":\"票据确与病历不符\"}").status())
                .isEqualTo(200);
        assertProblem(lodgeInApp(w, claim, "复核后再申诉"), 409);
    }

    @Test
    void onlyARejectionOrACutMayBeAppealed() {
        Worker w = worker(1);
        long inReview = inReview(w, "1000.00");
        long approvedAsComputed = inReview(w, "1000.00");
        assertThat(post(reviewer("武昌区总工会"), "/api/v1/claims/" + approvedAsComputed + "/approve", "{}").status()).isEqualTo(200);

        for (long claim : List.of(inReview, approvedAsComputed)) {
            Answer refused = lodgeInApp(w, claim, "我要申诉");
            assertProblem(refused, 409);
            assertThat(refused.field("detail")).contains("只有被拒付或被核减金额的申领可以申诉");
            assertThat(claim(claim).path("appealableUntil").isNull()).isTrue();
            assertThat(claim(claim).path("appeal").isNull()).isTrue();
        }
    }

    // ---- deciding a rejection -----------------------------------------------------------------------

    @Test
    void aRejectionIsChangedToAnApprovalByAReviewerOneLevelUpWhoTookNoPartInIt() {
        Worker w = worker(1);
        String county = reviewer("武昌区总工会");
        long claim = rejected(w, county);
        assertThat(lodgeInApp(w, claim, "材料齐全，请复核").status()).isEqualTo(200);
        String changed = "{\"outcome\":\"CHANGED\",\"reason\":\"补充材料证明住院属实\"}";

        assertThat(decide(county, claim, changed).status()).as("the county is below the appeal's city level").isEqualTo(403);
        assertThat(decide(reviewer("武昌区总工会"), claim, changed).status()).isEqualTo(403);
        assertThat(decide("demo-admin", claim, changed).status()).as("demo-admin filed the claim").isEqualTo(409);
        assertThat(claim(claim).path("status").asString()).isEqualTo("APPEALED");

        Answer decided = decide(reviewer("武汉市总工会"), claim, changed);

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonNode c = decided.json();
        assertThat(c.path("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(c.path("approvedTotal").asString()).isEqualTo("480.00");
        assertThat(c.path("payoutRequests").get(0).path("reference").asString()).isEqualTo("HZ-" + claim + "-1");
        assertThat(c.path("appeal").path("outcome").asString()).isEqualTo("CHANGED");
        assertThat(c.path("appeal").path("decidedTotal").asString()).isEqualTo("480.00");
        assertThat(c.path("appeal").path("decisionReason").asString()).isEqualTo("补充材料证明住院属实");
        assertThat(transitions(c)).containsSubsequence("UNDER_REVIEW→REJECTED", "REJECTED→APPEALED", "APPEALED→APPROVED",
                "APPROVED→PAYMENT_PENDING");
        assertThat(c.path("letters")).extracting(l -> l.path("number").asInt()).containsExactly(1, 2);
        assertThat(messages("member_id", w.member(), "APPEAL_DECIDED")).isNotEmpty()
                .allSatisfy(body -> assertThat(body).contains("改为核准给付", "480.00").doesNotContain("住院属实"));
        assertProblem(decide(reviewer("武汉市总工会"), claim, changed), 409);
    }

    @Test
    void whoeverTookPartInTheDecisionOrLodgedTheAppealDoesNotDecideIt() {
        Worker w = worker(1);
        long claim = rejected(w, "demo-reviewer");   // a province reviewer, who reaches the city level of the appeal
        assertThat(lodgeInConsole("demo-wuhan", claim, "代为申诉").status()).isEqualTo(200);

        Answer original = decide("demo-reviewer", claim, "{\"outcome\":\"UPHELD_ORIGINAL\",\"reason\":\"维持\"}");
        assertProblem(original, 409);
        assertThat(original.field("detail")).contains("参与了原决定");

        assertThat(decide("demo-reviewer2", claim, "{\"outcome\":\"UPHELD_ORIGINAL\",\"reason\":\"票据确与病历不符\"}").status())
                .isEqualTo(200);
    }

    @Test
    void keepingARejectionNeedsAReasonAndClosesTheClaimAgain() {
        Worker w = worker(1);
        long claim = rejected(w, reviewer("武昌区总工会"));
        assertThat(lodgeInApp(w, claim, "请复核").status()).isEqualTo(200);
        String city = reviewer("武汉市总工会");

        Answer noReason = decide(city, claim, "{\"outcome\":\"UPHELD_ORIGINAL\",\"reason\":\" \"}");
        assertProblem(noReason, 400);
        assertThat(fields(noReason)).containsExactly("reason");

        Answer kept = decide(city, claim, "{\"outcome\":\"UPHELD_ORIGINAL\",\"reason\":\"新材料不能证明住院费用\"}");

        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(kept.json().path("appeal").path("outcome").asString()).isEqualTo("UPHELD_ORIGINAL");
        assertThat(transitions(kept.json())).endsWith("REJECTED→APPEALED", "APPEALED→REJECTED");
        assertThat(reasons(kept.json()).getLast()).contains("维持原决定", "新材料不能证明住院费用");
        assertThat(messages("member_id", w.member(), "APPEAL_DECIDED")).isNotEmpty()
                .allSatisfy(body -> assertThat(body).contains("维持原决定"));
    }

    @Test
    void aLargeApprovalOnAppealNeedsASecondReviewerAsEveryLargeApprovalDoes() {
        Worker w = worker(4);
        long claim = inReview(w, "40000.00");   // 40,000.00 computed: city level, and above the dual-approval threshold
        assertThat(post(reviewer("武汉市总工会"), "/api/v1/claims/" + claim + "/reject", "{\"reason\":\"票据存疑\"}").status()).isEqualTo(200);
        assertThat(lodgeInApp(w, claim, "票据真实").status()).isEqualTo(200);
        assertThat(claim(claim).path("appeal").path("level").asString()).isEqualTo("PROVINCE");
        String maker = reviewer("湖北省总工会");
        String changed = "{\"outcome\":\"CHANGED\"}";

        Answer first = decide(maker, claim, changed);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("status").asString()).isEqualTo("APPEALED");
        assertThat(first.json().path("appeal").path("pending").asBoolean()).isTrue();
        assertThat(first.json().path("appeal").path("proposedBy").asString()).isEqualTo(maker);
        assertThat(decide(maker, claim, changed).status()).isEqualTo(409);

        Answer checked = decide(reviewer("湖北省总工会"), claim, changed);
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.json().path("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(checked.json().path("approvedTotal").asString()).isEqualTo("40000.00");
    }

    // ---- deciding an adjustment ---------------------------------------------------------------------

    @Test
    void aCutRaisedOnAppealIsPaidOnceAsASupplementaryPayoutAndNeverMovesThePaidClaimBack() {
        Worker w = worker(1);
        long claim = cut(w, reviewer("武昌区总工会"));
        assertThat(PayoutRound.pay(payouts, "HZ-" + claim + "-1").status()).isEqualTo(PayoutStatus.SETTLED);
        assertThat(claim(claim).path("status").asString()).isEqualTo("PAID");
        assertThat(lodgeInApp(w, claim, "重复的票据其实是两次不同的检查").status()).isEqualTo(200);
        JsonNode appealed = claim(claim);
        assertThat(appealed.path("status").asString()).as("an appeal against a cut leaves the claim's state").isEqualTo("PAID");
        assertThat(appealed.path("appeal").path("kind").asString()).isEqualTo("ADJUSTMENT");
        assertThat(appealed.path("appeal").path("originalTotal").asString()).isEqualTo("300.00");
        String city = reviewer("武汉市总工会");

        Answer lower = decide(city, claim, "{\"outcome\":\"CHANGED\",\"items\":[{\"item\":\"HOSPITAL\",\"amount\":\"200.00\","
                + "\"reasonCode\":\"DUPLICATE_EXPENSES\"}]}");
        assertProblem(lower, 400);
        assertThat(fields(lower)).containsExactly("items[0].amount");

        Answer raised = decide(city, claim, "{\"outcome\":\"CHANGED\",\"reason\":\"两次检查均属实\",\"items\":[{\"item\":\"HOSPITAL\",\"amount\":\"480.00\"}]}");

        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        JsonNode c = raised.json();
        assertThat(c.path("status").asString()).isEqualTo("PAID");
        assertThat(c.path("approvedTotal").asString()).isEqualTo("480.00");
        assertThat(c.path("benefits").get(0).path("adjustedAmount").isNull()).as("back at the computed amount").isTrue();
        assertThat(c.path("appeal").path("supplement").asString()).isEqualTo("180.00");
        assertThat(c.path("payoutRequests")).extracting(p -> p.path("reference").asString() + " " + p.path("amount").asString())
                .containsExactly("HZ-" + claim + "-1 300.00", "HZA-" + claim + "-1 180.00");
        long appealId = jdbc.sql("select id from claims.appeal where claim_id = ?").param(claim).query(Long.class).single();
        assertThat(jdbc.sql("""
                select p.account_code || ' ' || p.debit || ' ' || p.credit from ledger.journal j join ledger.posting p on p.journal_id = j.id
                 where j.idempotency_key = ? order by p.id""").param("claim:" + claim + ":appeal:" + appealId).query(String.class).list())
                .containsExactly("5101 180.00 0.00", "2202 0.00 180.00");
        assertProblem(decide(reviewer("武汉市总工会"), claim, "{\"outcome\":\"CHANGED\",\"items\":[{\"item\":\"HOSPITAL\",\"amount\":\"480.00\"}]}"),
                409);

        assertThat(PayoutRound.pay(payouts, "HZA-" + claim + "-1").status()).isEqualTo(PayoutStatus.SETTLED);
        JsonNode paid = claim(claim);
        assertThat(paid.path("status").asString()).isEqualTo("PAID");
        assertThat(reasons(paid)).anySatisfy(r -> assertThat(r).startsWith("申诉补发互助金：已到账 HZA-" + claim + "-1"));
        assertThat(transitions(paid)).as("paid once; the appeal's steps leave the state").filteredOn(t -> t.endsWith("→PAID"))
                .containsExactly("PAYMENT_PENDING→PAID", "PAID→PAID", "PAID→PAID", "PAID→PAID", "PAID→PAID");
        assertThat(jdbc.sql("select count(*) from ledger.journal where source_type = 'CLAIM' and source_id = ?").param(Long.toString(claim))
                .query(Integer.class).single()).as("the approval and the appeal, each once").isEqualTo(2);
        assertThat(messages("member_id", w.member(), "PAYOUT_SENT")).anySatisfy(body -> assertThat(body).contains("180.00"));
        assertThat(ledger.trialBalance().balanced()).isTrue();
        assertThat(get(w.account(), "/api/v1/m/claims/" + claim).json().path("timeline")).extracting(s -> s.path("text").asString())
                .contains("提出申诉，等待上一级工会复核", "申诉复核：调增给付，差额另行支付", "补发的互助金已到账");
    }

    @Test
    void raisingACutAboveTheComputedAmountOnAppealNeedsASecondReviewer() {
        Worker w = worker(1);
        long claim = cut(w, reviewer("武昌区总工会"));
        assertThat(lodgeInApp(w, claim, "票据金额录入少了").status()).isEqualTo(200);
        String maker = reviewer("武汉市总工会");
        String raise = "{\"outcome\":\"CHANGED\",\"items\":[{\"item\":\"HOSPITAL\",\"amount\":\"600.00\",\"reasonCode\":\"ENTRY_CORRECTED_UP\"}]}";

        Answer proposed = decide(maker, claim, raise);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        assertThat(proposed.json().path("appeal").path("pending").asBoolean()).isTrue();
        assertThat(proposed.json().path("appeal").path("proposedBy").asString()).isEqualTo(maker);
        assertThat(proposed.json().path("appeal").path("proposed").get(0).path("amount").asString()).isEqualTo("600.00");
        assertThat(proposed.json().path("approvedTotal").asString()).isEqualTo("300.00");
        assertThat(proposed.json().path("payoutRequests").size()).isEqualTo(1);
        assertThat(decide(maker, claim, raise).status()).isEqualTo(409);

        Answer confirmed = decide(reviewer("武汉市总工会"), claim, "{\"outcome\":\"CHANGED\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("approvedTotal").asString()).isEqualTo("600.00");
        assertThat(confirmed.json().path("appeal").path("supplement").asString()).isEqualTo("300.00");
        assertThat(confirmed.json().path("status").asString()).isEqualTo("PAYMENT_PENDING");
    }

    // ---- the queue, scope and bad input -------------------------------------------------------------

    @Test
    void anAppealIsQueuedForReviewersWhoseOfficeReachesItsLevelInsideTheirScope() {
        Worker w = worker(1);
        long claim = rejected(w, reviewer("武昌区总工会"));
        assertThat(lodgeInApp(w, claim, "请复核").status()).isEqualTo(200);
        String city = reviewer("武汉市总工会");

        assertThat(queued(city)).contains(claim);
        assertThat(queued("demo-reviewer")).contains(claim);
        assertThat(queued(reviewer("武昌区总工会"))).as("a county office does not reach a city-level appeal").doesNotContain(claim);
        assertThat(queued(reviewer("荆门市总工会"))).doesNotContain(claim);
        JsonNode row = null;
        for (JsonNode r : get(city, "/api/v1/claims/appeals?limit=500").json()) if (r.path("claimId").asLong() == claim) row = r;
        assertThat(row).isNotNull();
        assertThat(row.path("reference").asString()).isEqualTo(ClaimReference.of(claim));
        assertThat(row.path("kind").asString()).isEqualTo("REJECTION");
        assertThat(row.path("level").asString()).isEqualTo("CITY");
        assertThat(row.path("statusName").asString()).isEqualTo("申诉中");

        assertThat(decide(city, claim, "{\"outcome\":\"UPHELD_ORIGINAL\",\"reason\":\"维持\"}").status()).isEqualTo(200);
        assertThat(queued(city)).doesNotContain(claim);
    }

    @Test
    void aClaimOutsideTheCallersScopeIsA404() {
        Worker w = worker(1);
        Worker other = worker(1);
        long claim = rejected(w, reviewer("武昌区总工会"));

        assertThat(lodgeInConsole("demo-jingmen", claim, "代为申诉").status()).isEqualTo(404);
        assertThat(lodgeInApp(other, claim, "别人的申领").status()).isEqualTo(404);
        assertThat(lodgeInApp(w, claim, "本人申诉").status()).isEqualTo(200);
        assertThat(decide(reviewer("荆门市总工会"), claim, "{\"outcome\":\"UPHELD_ORIGINAL\",\"reason\":\"维持\"}").status()).isEqualTo(404);
        assertThat(get(reviewer("荆门市总工会"), "/api/v1/claims/" + claim + "/letters/1").status()).isEqualTo(404);
        assertThat(get(other.account(), "/api/v1/m/claims/" + claim + "/letters/1").status()).isEqualTo(404);
    }

    @Test
    void badInputIsA400NamingTheField() {
        Worker w = worker(1);
        long claim = rejected(w, reviewer("武昌区总工会"));

        Answer noReason = lodgeInApp(w, claim, null);
        assertProblem(noReason, 400);
        assertThat(fields(noReason)).containsExactly("reason");
        Answer tooLong = lodgeInApp(w, claim, "理".repeat(501));
        assertProblem(tooLong, 400);
        assertThat(fields(tooLong)).containsExactly("reason");
        Answer badKind = lodgeInConsole("demo-admin", claim, "附材料", "DIPLOMA");
        assertProblem(badKind, 400);
        assertThat(fields(badKind)).containsExactly("documents[0].kind");
        assertThat(claim(claim).path("status").asString()).as("nothing was lodged").isEqualTo("REJECTED");

        assertThat(lodgeInApp(w, claim, "请复核").status()).isEqualTo(200);
        String city = reviewer("武汉市总工会");
        Answer noOutcome = decide(city, claim, "{\"outcome\":\"MAYBE\"}");
        assertProblem(noOutcome, 400);
        assertThat(fields(noOutcome)).containsExactly("outcome");
        Answer zero = decide(city, claim, "{\"outcome\":\"CHANGED\",\"items\":[{\"item\":\"HOSPITAL\",\"amount\":\"0.00\","
                + "\"reasonCode\":\"EXPENSES_NOT_PROVEN\"}]}");
        assertProblem(zero, 400);
        assertThat(fields(zero)).containsExactly("items");
    }

    /**
     * The appeal queue comes a page at a time ({@code limit}, {@code offset}), oldest first (by when lodged, then id): the
     * pages are disjoint and together are the whole queue in its order, and the summary counts every appeal on every page.
     */
    @Test
    void theQueueComesInDisjointPagesThatTogetherAreTheWholeQueueWhichTheSummaryCounts() {
        Worker w = worker(1);
        String county = reviewer("武昌区总工会");
        List<Long> lodged = new ArrayList<>();
        for (int i = 0; i <= 2 * PAGE; i++) {
            long claim = rejected(w, county);
            assertThat(lodgeInApp(w, claim, "请复核").status()).isEqualTo(200);
            lodged.add(claim);
        }
        String city = reviewer("武汉市总工会");

        List<JsonNode> queue = pages(city, "/api/v1/claims/appeals");
        assertThat(queue).extracting(a -> Instant.parse(a.path("lodgedAt").asString())).isSorted();
        assertThat(queue).extracting(a -> a.path("claimId").asLong()).containsSubsequence(lodged);
        ListPages.assertCounts(get(city, SUMMARY), queue);
        ListPages.assertCounts(get("demo-reviewer", SUMMARY), pages("demo-reviewer", "/api/v1/claims/appeals"));
    }

    /**
     * A reviewer sees, listed or counted, only the appeals inside their scope at the levels their office reaches: not
     * another city's, and not a county office the city-level appeals of its own county.
     */
    @Test
    void aReviewerSeesNeitherTheAppealsBeyondTheirScopeOrLevelNorTheirCount() {
        Worker w = worker(1);
        String county = reviewer("武昌区总工会");
        List<Long> lodged = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long claim = rejected(w, county);
            assertThat(lodgeInApp(w, claim, "请复核").status()).isEqualTo(200);
            lodged.add(claim);
        }

        for (String outsider : List.of(reviewer("荆门市总工会"), county)) {
            List<JsonNode> theirs = pages(outsider, "/api/v1/claims/appeals");
            assertThat(theirs).extracting(a -> a.path("claimId").asLong()).as(outsider).doesNotContainAnyElementsOf(lodged);
            ListPages.assertCounts(get(outsider, SUMMARY), theirs);
        }
        String city = reviewer("武汉市总工会");
        List<JsonNode> theirs = pages(city, "/api/v1/claims/appeals");
        assertThat(theirs).extracting(a -> a.path("claimId").asLong()).containsAll(lodged);
        ListPages.assertCounts(get(city, SUMMARY), theirs);
    }

    @Test
    void aNegativeOffsetIsRefusedNamingIt() {
        Answer negative = get("demo-reviewer", "/api/v1/claims/appeals?offset=-1");
        assertProblem(negative, 400);
        assertThat(fields(negative)).containsExactly("offset");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** The page size the queue tests read with: small, so that a few appeals of a test's own make several pages. */
    private static final int PAGE = 3;

    private static final String SUMMARY = "/api/v1/claims/appeals/summary";

    /** Every appeal of the queue as the reviewer reads it {@link #PAGE} at a time ({@link ListPages#every}). */
    private List<JsonNode> pages(String reviewer, String path) {
        return ListPages.every(p -> get(reviewer, p), path, PAGE);
    }

    private List<Long> queued(String reviewer) {
        Answer answer = get(reviewer, "/api/v1/claims/appeals?limit=500");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().findValues("claimId").stream().map(JsonNode::asLong).toList();
    }

    /** The bodies of the messages of a template written for a member ({@code member_id}) or an account ({@code account_id}). */
    private List<String> messages(String column, long id, String template) {
        return jdbc.sql("select body from notifications.message where " + column + " = ? and template_code = ? order by id")
                .params(id, template).query(String.class).list();
    }
}
