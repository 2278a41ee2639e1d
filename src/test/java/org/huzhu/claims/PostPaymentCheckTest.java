package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huzhu.ledger.ChartOfAccounts;
import org.huzhu.ledger.Ledger;
import org.huzhu.organisation.OrgNode;
import org.huzhu.payouts.PayoutStatus;
import org.huzhu.payouts.Payouts;
import org.huzhu.shared.Money;
import org.huzhu.support.PayoutRound;
import org.junit.jupiter.api.AfterEach;
import org.huzhu.support.ClaimOffices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The post-payment check of automatic approvals (事后抽查): drawn by the configured share (none at 0, all at 1) or by a
 * risk score at or above the threshold; a checker who did not file the claim records 无问题 or a finding; a finding
 * becomes a recovery only when a second person confirms it after the benefit was paid, booked as a receivable, then
 * repaid and the rest written off by two finance officers; the ledger balances throughout and nothing books twice.
 */
class PostPaymentCheckTest extends OfficeFixtures {

    @Autowired
    private AuditSampling sampling;
    @Autowired
    private Ledger ledger;
    @Autowired
    private Payouts payouts;

    @AfterEach
    void defaultSampling() {
        sampling.setShare(new BigDecimal("0.05"));
        sampling.setRiskFrom(50);
    }

    @Test
    void atShareZeroOnlyRiskyApprovalsAreDrawnAndAtShareOneEveryOne() {
        OrgNode county = offices.newCounty();
        sampling.setShare(BigDecimal.ZERO);
        long settled = autoClaim(offices.worker(county, "HOSPITAL:1"), "1000.00", today().minusDays(30), today().minusDays(20));
        assertThat(audit(settled).path("drawn").asBoolean()).isFalse();

        sampling.setShare(BigDecimal.ONE);
        long drawn = autoClaim(offices.worker(county, "HOSPITAL:1"), "1000.00", today().minusDays(30), today().minusDays(20));
        JsonNode check = audit(drawn);
        assertThat(check.path("drawn").asBoolean()).isTrue();
        assertThat(check.path("drawnByShare").asBoolean()).isTrue();
        assertThat(check.path("riskScore").asInt()).isZero();
        assertThat(check.path("status").asString()).isEqualTo("OPEN");
        assertThat(check.path("paidAmount").asString()).isEqualTo("480.00");
        assertThat(check.path("drawnOn").asString()).isEqualTo(today().toString());

        // covered for 9 days: an accident's stay soon after, paid once; then a second one near the automatic limit
        sampling.setShare(BigDecimal.ZERO);
        long fresh = insuredWorker(county.name(), 'M', 10, "HOSPITAL:1");
        long first = autoClaim(fresh, ClaimOffices.accidentClaim("1200.00", today().minusDays(6), today().minusDays(4)));
        JsonNode early = audit(first);
        assertThat(early.path("drawn").asBoolean()).as("early incident alone scores 25 < 50").isFalse();
        long second = autoClaim(fresh, ClaimOffices.accidentClaim("4866.67", today().minusDays(3), today().minusDays(1)));
        JsonNode risky = audit(second);
        assertThat(risky.path("drawn").asBoolean()).isTrue();
        assertThat(risky.path("drawnByShare").asBoolean()).isFalse();
        assertThat(risky.path("paidAmount").asString()).isEqualTo("2800.00");
        assertThat(risky.path("riskScore").asInt()).isEqualTo(55);
        assertThat(risky.path("riskFactors")).extracting(f -> f.path("code").asString())
                .containsExactly("EARLY_INCIDENT", "NEAR_LIMIT", "PAID_BEFORE");
        assertThat(risky.path("riskFactors").get(0).path("name").asString()).isEqualTo("出险日距保障起期不足30天");

        // above 100 nothing is drawn by risk
        sampling.setRiskFrom(101);
        long third = autoClaim(fresh, ClaimOffices.accidentClaim("4866.67", today().minusDays(2), today().minusDays(1)));
        assertThat(audit(third).path("drawn").asBoolean()).isFalse();
        assertThat(get("demo-reviewer", "/api/v1/claim-audits?status=OPEN").json()).extracting(c -> c.path("claimId").asLong())
                .contains(drawn, second).doesNotContain(settled, first, third);
        assertProblem(get("demo-reviewer", "/api/v1/claim-audits?status=LATER"), 400);
    }

    @Test
    void aConfirmedFindingBecomesAReceivableRepaidAndWrittenOffByTwoPeopleWithTheLedgerBalanced() {
        sampling.setShare(BigDecimal.ONE);
        long claim = autoClaim(offices.worker(offices.newCounty(), "HOSPITAL:1"), "3000.00", today().minusDays(30), today().minusDays(20));
        String path = "/api/v1/claims/" + claim + "/audit";
        assertThat(audit(claim).path("paidAmount").asString()).isEqualTo("1680.00");   // 60% × (3,000.00 − 200.00)
        assertThat(get("demo-reviewer", path).json().path("canRecord").asBoolean()).isTrue();

        assertProblem(post("demo-admin", path + "/result", "{\"outcome\":\"NO_ISSUE\"}"), 409);   // demo-admin filed it
        assertProblem(post("demo-finance", path + "/result", "{\"outcome\":\"NO_ISSUE\"}"), 403);
        Answer over = post("demo-reviewer", path + "/result", finding("OVERCALCULATED", "1680.01"));
        assertProblem(over, 400);
        assertThat(fields(over)).containsExactly("amount");
        Answer uncoded = post("demo-reviewer", path + "/result", "{\"outcome\":\"FINDING\",\"amount\":\"10.00\"}");
        assertThat(fields(uncoded)).containsExactly("findingCode", "note");
        Answer found = post("demo-reviewer", path + "/result", finding("OVERCALCULATED", "500.00"));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("status").asString()).isEqualTo("FINDING");
        assertThat(found.json().path("findingName").asString()).isEqualTo("费用或金额计算有误，多付");

        assertProblem(post("demo-reviewer", path + "/confirmation", "{}"), 409);   // not the one who found it
        assertProblem(post("demo-reviewer2", path + "/confirmation", "{}"), 409);  // not paid yet
        assertThat(PayoutRound.pay(payouts, "HZ-" + claim + "-1").status()).isEqualTo(PayoutStatus.SETTLED);
        Money receivable = ledger.balance(ChartOfAccounts.BENEFIT_RECOVERY_RECEIVABLE);   // only recoveries book 1221

        Answer confirmed = post("demo-reviewer2", path + "/confirmation", "{\"note\":\"复核属实\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        JsonNode recovery = confirmed.json().path("recovery");
        assertThat(recovery.path("status").asString()).isEqualTo("OPEN");
        assertThat(recovery.path("outstanding").asString()).isEqualTo("500.00");
        assertThat(postings("claim:" + claim + ":recovery")).containsExactly("1221 500.00 0.00", "5101 0.00 500.00");
        assertThat(ledger.balance(ChartOfAccounts.BENEFIT_RECOVERY_RECEIVABLE)).isEqualTo(receivable.plus(Money.of("500.00")));
        assertProblem(post("demo-reviewer2", path + "/confirmation", "{}"), 409);
        long id = recovery.path("id").asLong();
        assertThat(offices.ids(get("demo-finance", "/api/v1/recoveries?status=OPEN"))).contains(id);

        String repayments = "/api/v1/recoveries/" + id + "/repayments";
        Answer repaid = post("demo-finance", repayments, repayment("300.00", "ZH" + claim + "01"));
        assertThat(repaid.status()).as(repaid.body()).isEqualTo(200);
        assertThat(repaid.json().path("outstanding").asString()).isEqualTo("200.00");
        Answer twice = post("demo-finance", repayments, repayment("100.00", "ZH" + claim + "01"));
        assertProblem(twice, 409);
        assertThat(fields(twice)).containsExactly("bankReference");
        Answer tooMuch = post("demo-finance", repayments, repayment("200.01", "ZH" + claim + "02"));
        assertProblem(tooMuch, 400);
        assertThat(fields(tooMuch)).containsExactly("amount");
        assertProblem(post("demo-reviewer", repayments, repayment("1.00", "ZH" + claim + "03")), 403);

        String writeOff = "/api/v1/recoveries/" + id + "/write-off";
        assertProblem(post("demo-finance", writeOff + "/approval", ""), 409);   // nothing proposed
        assertThat(post("demo-finance", writeOff, "{\"reason\":\"职工已离世，无可执行财产\"}").status()).isEqualTo(200);
        assertProblem(post("demo-finance", writeOff + "/approval", ""), 409);   // not by the one who proposed it
        Answer written = post("demo-finance-checker", writeOff + "/approval", "");
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(written.json().path("status").asString()).isEqualTo("WRITTEN_OFF");
        assertThat(written.json().path("writtenOff").asString()).isEqualTo("200.00");
        assertThat(written.json().path("outstanding").asString()).isEqualTo("0.00");
        assertProblem(post("demo-finance", repayments, repayment("1.00", "ZH" + claim + "04")), 409);

        long repayment = repaid.json().path("repayments").get(0).path("id").asLong();
        assertThat(postings("recovery:" + id + ":repayment:" + repayment)).containsExactly("1002 300.00 0.00", "1221 0.00 300.00");
        assertThat(postings("recovery:" + id + ":written-off")).containsExactly("5101 200.00 0.00", "1221 0.00 200.00");
        assertThat(ledger.balance(ChartOfAccounts.BENEFIT_RECOVERY_RECEIVABLE)).isEqualTo(receivable);
        assertThat(ledger.trialBalance().balanced()).isTrue();
        assertThat(offices.timeline(claim)).containsSubsequence("事后抽查确认多付（费用或金额计算有误，多付），应追回互助金500.00元",
                "收回追回款300.00元（流水号ZH" + claim + "01）", "追回余额200.00元经批准核销（职工已离世，无可执行财产）");
        JsonNode seen = audit(claim);
        assertThat(seen.path("steps")).extracting(s -> s.path("step").asString()).containsExactly("FINDING", "CONFIRMED");
        assertThat(seen.path("recovery").path("repayments")).extracting(r -> r.path("amount").asString()).containsExactly("300.00");
    }

    @Test
    void aCheckerClearsAClaimAndASecondPersonMaySendAFindingBack() {
        sampling.setShare(BigDecimal.ONE);
        OrgNode county = offices.newCounty();
        long clear = autoClaim(offices.worker(county, "HOSPITAL:1"), "1000.00", today().minusDays(30), today().minusDays(20));
        Answer cleared = post("demo-reviewer", "/api/v1/claims/" + clear + "/audit/result", "{\"outcome\":\"NO_ISSUE\",\"note\":\"票据真实\"}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().path("statusName").asString()).isEqualTo("无问题");
        assertProblem(post("demo-reviewer2", "/api/v1/claims/" + clear + "/audit/result", "{\"outcome\":\"NO_ISSUE\"}"), 409);

        long doubtful = autoClaim(offices.worker(county, "HOSPITAL:1"), "1000.00", today().minusDays(30), today().minusDays(20));
        String path = "/api/v1/claims/" + doubtful + "/audit";
        assertThat(post("demo-reviewer", path + "/result", finding("DUPLICATE_CLAIM", "480.00")).status()).isEqualTo(200);
        assertProblem(post("demo-reviewer2", path + "/refusal", "{}"), 400);
        Answer refused = post("demo-reviewer2", path + "/refusal", "{\"note\":\"另一张票据系同一次住院的费用清单，不是重复\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().path("status").asString()).isEqualTo("OPEN");
        assertThat(refused.json().path("findingCode").isNull()).isTrue();
        assertThat(refused.json().path("steps")).extracting(s -> s.path("step").asString()).containsExactly("FINDING", "REFUSED");
        assertThat(post("demo-reviewer2", path + "/result", "{\"outcome\":\"NO_ISSUE\"}").status()).isEqualTo(200);
        assertThat(get("demo-reviewer", "/api/v1/claim-audits?status=CLEARED").json()).extracting(c -> c.path("claimId").asLong())
                .contains(clear, doubtful);
        assertThat(get("demo-finance", path).json().path("canRecord").asBoolean()).isFalse();
        assertProblem(get("demo-wuhan", path), 403);
        assertProblem(get("demo-jingmen", "/api/v1/claim-audits"), 403);
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }

    private long autoClaim(long member, String selfPaid, LocalDate admission, LocalDate discharge) {
        return autoClaim(member, ClaimOffices.hospitalClaim(selfPaid, true, admission, discharge));
    }

    private long autoClaim(long member, Map<String, Object> body) {
        JsonNode submitted = offices.fileAndSubmit(member, body);
        assertThat(submitted.path("status").asString()).as(submitted.toString()).isEqualTo("PAYMENT_PENDING");
        return submitted.path("id").asLong();
    }

    private JsonNode audit(long claim) {
        Answer answer = get("demo-reviewer", "/api/v1/claims/" + claim + "/audit");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The postings of the journal booked under the key: account, debit, credit. */
    private List<String> postings(String key) {
        return jdbc.sql("""
                select p.account_code || ' ' || p.debit || ' ' || p.credit from ledger.posting p
                  join ledger.journal j on j.id = p.journal_id where j.idempotency_key = ? order by p.id""")
                .param(key).query(String.class).list();
    }

    private static String finding(String code, String amount) {
        return JSON.writeValueAsString(Map.of("outcome", "FINDING", "findingCode", code, "amount", amount, "note", "住院天数与出院小结不符"));
    }

    private String repayment(String amount, String reference) {
        return JSON.writeValueAsString(Map.of("amount", amount, "receivedOn", today().toString(), "bankReference", reference));
    }
}
