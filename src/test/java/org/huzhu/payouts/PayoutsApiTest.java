package org.huzhu.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.banking.Bank;
import org.huzhu.banking.BankAcceptance;
import org.huzhu.banking.BankMessage;
import org.huzhu.banking.CreditTransfer;
import org.huzhu.banking.PaymentFile;
import org.huzhu.banking.simulator.SimulatedBank;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.Role;
import org.huzhu.support.ApiTest;
import org.huzhu.support.PayoutRound;
import org.huzhu.support.ReceiptNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Payouts end to end on the real database and the simulated bank on loopback: claim approval hands
 * over a payout, finance batches it per city and a second officer releases it, the bank answers, the
 * claim follows, and the ledger books every step once. Also: maker-checker and scope, a resent file
 * never paying twice, a failed payout re-issued to the corrected account, a bounce, and a bank message
 * applied twice.
 */
class PayoutsApiTest extends ApiTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String MAKER = "pay-test-maker";
    private static final String CHECKER = "pay-test-checker";
    private static final String JINGMEN_FINANCE = "pay-test-jingmen";

    @Autowired
    private Payouts payouts;
    @Autowired
    private BankStatusApplier applier;
    @Autowired
    private Bank bank;
    @Autowired
    private SimulatedBank simulatedBank;
    @Autowired
    private Accounts accounts;
    @Autowired
    private Organisations organisations;
    @Autowired
    private org.huzhu.shared.crypto.PersonalDataCipher personalData;

    private Map<String, Long> orgIds;
    private LocalDate today;

    @BeforeEach
    void financeOfficers() {
        orgIds = organisationIdsByName();
        today = today();
        var province = organisations.node(orgIds.get("湖北省总工会"));
        var jingmen = organisations.node(orgIds.get("荆门市总工会"));
        for (String name : List.of(MAKER, CHECKER)) {
            if (!accounts.exists(name)) {
                accounts.create(new Accounts.NewAccount(name, name, "支付测试财务", Role.FINANCE, province.id(), null, null, province.path(), true));
            }
        }
        if (!accounts.exists(JINGMEN_FINANCE)) {
            accounts.create(new Accounts.NewAccount(JINGMEN_FINANCE, JINGMEN_FINANCE, "荆门财务", Role.FINANCE, jingmen.id(), null, null,
                    jingmen.path(), true)); // demo-mode fixtures: exempt from the second factor
        }
    }

    // ---- the journey ----------------------------------------------------------------------

    @Test
    void anApprovedClaimIsPaidThroughABatchTheBankAndTheLedgerAndTheWorkerSeesEachStep() {
        long claim = approvedClaim("江岸区总工会", newCardNumber());
        String reference = "HZ-" + claim + "-1";
        JsonNode requested = get(MAKER, "/api/v1/payouts/" + reference).json();
        assertThat(requested.path("status").asString()).isEqualTo("REQUESTED");
        assertThat(requested.path("maskedAccount").asString()).matches("6222 \\*\\*\\*\\* \\*\\*\\*\\* \\d{4}");
        assertThat(requested.toString()).doesNotContain(accountOf(claim));

        Answer prepared = post(MAKER, "/api/v1/payout-batches", "");
        assertThat(prepared.status()).as(prepared.body()).isEqualTo(201);
        long batch = get(MAKER, "/api/v1/payouts/" + reference).json().path("batchId").asLong();
        JsonNode batchView = get(MAKER, "/api/v1/payout-batches/" + batch).json();
        assertThat(batchView.path("status").asString()).isEqualTo("PREPARED");
        assertThat(batchView.path("cityName").asString()).isEqualTo("武汉市总工会");
        assertThat(batchView.path("payouts")).extracting(p -> p.path("reference").asString()).contains(reference);
        assertThat(batchView.path("payouts").toString()).doesNotContain(accountOf(claim));

        Answer released = post(CHECKER, "/api/v1/payout-batches/" + batch + "/release", "");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().path("releasedBy").asString()).isEqualTo(CHECKER);
        assertThat(PayoutRound.awaitFinal(payouts, reference).status()).isEqualTo(PayoutStatus.SETTLED);

        JsonNode paid = get("demo-admin", "/api/v1/claims/" + claim).json();
        assertThat(paid.path("status").asString()).isEqualTo("PAID");
        assertThat(reasons(paid)).anyMatch(r -> r.startsWith("已生成支付指令 " + reference))
                .anyMatch(r -> r.startsWith("已发送银行 " + reference)).anyMatch(r -> r.startsWith("已到账 " + reference));
        assertThat(paid.path("payoutRequests").get(0).path("status").asString()).isEqualTo("SETTLED");
        JsonNode timeline = get(MAKER, "/api/v1/payouts/" + reference).json().path("timeline");
        assertThat(timeline).extracting(s -> s.path("to").asString())
                .containsSubsequence("REQUESTED", "BATCH_PREPARED", "BATCH_RELEASED", "BATCH_SENT", "SETTLED");
        assertThat(simulatedBank.timesPaid(reference)).isEqualTo(1);
        Answer listed = get(MAKER, "/api/v1/payouts?status=SETTLED&reference=" + reference);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json()).extracting(p -> p.path("reference").asString()).containsExactly(reference);
        assertBooksTraceable(reference);
        assertThat(get("demo-finance", "/api/v1/ledger/trial-balance").json().path("balanced").asBoolean()).isTrue();
    }

    // ---- maker-checker and scope ------------------------------------------------------------

    @Test
    void aBatchIsReleasedOnlyByASecondFinanceOfficerWhoseScopeHoldsItsCity() {
        long claim = approvedClaim("洪山区总工会", newCardNumber());
        assertThat(post(MAKER, "/api/v1/payout-batches", "").status()).isEqualTo(201);
        long batch = get(MAKER, "/api/v1/payouts/HZ-" + claim + "-1").json().path("batchId").asLong();

        Answer own = post(MAKER, "/api/v1/payout-batches/" + batch + "/release", "");
        assertProblem(own, 409);
        assertThat(own.field("detail")).contains("双人复核");
        assertProblem(post(JINGMEN_FINANCE, "/api/v1/payout-batches/" + batch + "/release", ""), 404);
        assertProblem(get(JINGMEN_FINANCE, "/api/v1/payout-batches/" + batch), 404);
        Answer jingmenBatches = get(JINGMEN_FINANCE, "/api/v1/payout-batches");
        assertThat(jingmenBatches.status()).as(jingmenBatches.body()).isEqualTo(200);
        assertThat(jingmenBatches.json()).extracting(b -> b.path("id").asLong()).doesNotContain(batch);
        assertThat(jingmenBatches.json()).extracting(b -> b.path("cityName").asString()).containsOnly("荆门市总工会");
        Answer all = get(CHECKER, "/api/v1/payout-batches?status=PREPARED");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json()).extracting(b -> b.path("id").asLong()).contains(batch);
        assertThat(post("demo-reviewer", "/api/v1/payout-batches/" + batch + "/release", "").status()).isEqualTo(403);
        assertThat(post("demo-admin", "/api/v1/payout-batches", "").status()).isEqualTo(403);
        assertThat(get("demo-member", "/api/v1/payouts").status()).isEqualTo(403);

        Answer released = post(CHECKER, "/api/v1/payout-batches/" + batch + "/release", "");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        Answer again = post(CHECKER, "/api/v1/payout-batches/" + batch + "/release", "");
        assertProblem(again, 409);
        assertThat(again.field("detail")).contains("不能变为");
        PayoutRound.awaitFinal(payouts, "HZ-" + claim + "-1");
    }

    // ---- the bank never pays twice ----------------------------------------------------------

    @Test
    void aBatchSentAgainOrItsPayoutsInAnotherFileAreNeverPaidTwice() {
        long claim = approvedClaim("武昌区总工会", newCardNumber());
        String reference = "HZ-" + claim + "-1";
        long batch = PayoutRound.release(payouts, reference);
        assertThat(PayoutRound.awaitFinal(payouts, reference).status()).isEqualTo(PayoutStatus.SETTLED);
        String file = bankFileOf(batch);
        String messageId = jdbc.sql("select message_id from payouts.batch where id = ?").param(batch).query(String.class).single();

        BankAcceptance resent = bank.send(messageId, file);
        BankAcceptance otherFile = bank.send("HZPB-RESEND-" + batch, bank.render(new PaymentFile("HZPB-RESEND-" + batch,
                testClock.instant(), today, List.of(new CreditTransfer(reference, "支付测试职工", "中国工商银行", accountOf(claim),
                Money.of("480.00"), "重复支付测试")))));
        assertThat(payouts.send(batch)).as("a SENT batch is not sent again").isFalse();
        awaitQuiet();

        assertThat(resent.accepted()).isTrue();
        assertThat(resent.duplicate()).isTrue();
        assertThat(otherFile.accepted()).isTrue();
        assertThat(simulatedBank.timesPaid(reference)).isEqualTo(1);
        assertThat(payouts.payout(reference, PayoutRound.MAKER).status()).isEqualTo(PayoutStatus.SETTLED);
        assertThat(journalsOf(reference)).hasSize(2);
    }

    // ---- payouts to a recently changed account ------------------------------------------------

    @Test
    void aPayoutToARecentlyChangedAccountIsHeldForTheChecker() {
        long changed = approvedClaim("江岸区总工会", newCardNumber(), newCardNumber());
        long unchanged = approvedClaim("江岸区总工会", newCardNumber());
        String held = "HZ-" + changed + "-1";
        String normal = "HZ-" + unchanged + "-1";
        JsonNode requested = get(MAKER, "/api/v1/payouts/" + held).json();
        assertThat(requested.path("held").asBoolean()).isTrue();
        assertThat(requested.path("holdReason").asString()).contains("收款账户于").contains("变更");
        assertThat(get(MAKER, "/api/v1/payouts/" + normal).json().path("held").asBoolean()).isFalse();

        assertThat(post(MAKER, "/api/v1/payout-batches", "").status()).isEqualTo(201);
        long batch = get(MAKER, "/api/v1/payouts/" + held).json().path("batchId").asLong();
        assertThat(get(MAKER, "/api/v1/payouts/" + normal).json().path("batchId").asLong()).isEqualTo(batch);
        JsonNode batchView = get(CHECKER, "/api/v1/payout-batches/" + batch).json();
        assertThat(batchView.path("heldPayouts").asInt()).isPositive();
        assertThat(batchView.path("payouts")).anySatisfy(p -> {
            assertThat(p.path("reference").asString()).isEqualTo(held);
            assertThat(p.path("held").asBoolean()).isTrue();
        });
        assertProblem(post(MAKER, "/api/v1/payouts/" + held + "/release-hold", ""), 409);   // the batch's maker

        Answer released = post(CHECKER, "/api/v1/payout-batches/" + batch + "/release", "");

        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(PayoutRound.awaitFinal(payouts, normal).status()).isEqualTo(PayoutStatus.SETTLED);
        JsonNode kept = get(MAKER, "/api/v1/payouts/" + held).json();
        assertThat(kept.path("status").asString()).isEqualTo("REQUESTED");
        assertThat(kept.path("batchId").isNull()).isTrue();
        assertThat(simulatedBank.timesPaid(held)).isZero();
        assertThat(bankFileOf(batch)).doesNotContain(held);

        Answer freed = post(CHECKER, "/api/v1/payouts/" + held + "/release-hold", "");
        assertThat(freed.status()).as(freed.body()).isEqualTo(200);
        assertThat(freed.json().path("held").asBoolean()).isFalse();
        assertThat(freed.json().path("holdReleasedBy").asString()).isEqualTo(CHECKER);
        assertThat(PayoutRound.pay(payouts, held).status()).isEqualTo(PayoutStatus.SETTLED);
    }

    @Test
    void aReissueToARecentlyChangedAccountIsHeldForTheChecker() {
        long claim = approvedClaim("东宝区总工会", "9558801234560004");
        String first = "HZ-" + claim + "-1";
        assertThat(PayoutRound.pay(payouts, first).status()).isEqualTo(PayoutStatus.FAILED);
        long member = get("demo-admin", "/api/v1/claims/" + claim).json().path("memberId").asLong();
        setBankAccount("demo-jingmen", member, "中国建设银行", newCardNumber());

        Answer reissued = post(MAKER, "/api/v1/payouts/" + first + "/reissue", "");

        assertThat(reissued.status()).as(reissued.body()).isEqualTo(201);
        assertThat(reissued.json().path("held").asBoolean()).isTrue();
        String second = reissued.json().path("reference").asString();
        long other = approvedClaim("东宝区总工会", newCardNumber());
        long batch = PayoutRound.release(payouts, "HZ-" + other + "-1");
        assertThat(PayoutRound.awaitFinal(payouts, "HZ-" + other + "-1").status()).isEqualTo(PayoutStatus.SETTLED);
        assertThat(get(MAKER, "/api/v1/payouts/" + second).json().path("status").asString()).isEqualTo("REQUESTED");
        assertThat(bankFileOf(batch)).doesNotContain(second);
        assertThat(simulatedBank.timesPaid(second)).isZero();
        assertThat(post(CHECKER, "/api/v1/payouts/" + second + "/release-hold", "").status()).isEqualTo(200);
        assertThat(PayoutRound.pay(payouts, second).status()).isEqualTo(PayoutStatus.SETTLED);
    }

    @Test
    void aPayoutNotYetSentGoesToTheHeirOfAWorkerWhoDiedAndOneTheBankHasIsLeftToIt() {
        long waiting = approvedClaim("江岸区总工会", newCardNumber());
        String unsent = "HZ-" + waiting + "-1";
        long member = get("demo-admin", "/api/v1/claims/" + waiting).json().path("memberId").asLong();
        String deceasedAccount = accountOf(waiting);
        assertThat(post(MAKER, "/api/v1/payout-batches", "").status()).isEqualTo(201);
        long batch = get(MAKER, "/api/v1/payouts/" + unsent).json().path("batchId").asLong();
        assertThat(get(CHECKER, "/api/v1/payout-batches/" + batch).json().path("status").asString()).isEqualTo("PREPARED");

        long gone = approvedClaim("江岸区总工会", newCardNumber());
        String paid = "HZ-" + gone + "-1";
        long goneMember = get("demo-admin", "/api/v1/claims/" + gone).json().path("memberId").asLong();
        PayoutRound.release(payouts, paid);
        assertThat(PayoutRound.awaitFinal(payouts, paid).status()).isEqualTo(PayoutStatus.SETTLED);
        String paidAccount = accountOf(gone);

        String heirAccount = newCardNumber();
        heirPaid(member, heirAccount);
        heirPaid(goneMember, newCardNumber());

        JsonNode redirected = get(MAKER, "/api/v1/payouts/" + unsent).json();
        assertThat(redirected.path("status").asString()).isEqualTo("BATCHED");
        assertThat(redirected.path("payeeName").asString()).isEqualTo("身故职工之女");
        assertThat(redirected.path("maskedAccount").asString()).endsWith(heirAccount.substring(heirAccount.length() - 4));
        assertThat(accountOf(waiting)).isEqualTo(heirAccount).isNotEqualTo(deceasedAccount);
        assertThat(redirected.path("held").asBoolean()).as("a new account is checked by a second finance officer").isTrue();
        assertThat(redirected.path("timeline")).anySatisfy(step -> assertThat(step.path("reason").asString())
                .startsWith("职工身故，改由继承人（子女）收款：改付 身故职工之女").doesNotContain(heirAccount));
        assertThat(post(CHECKER, "/api/v1/payouts/" + unsent + "/release-hold", "").status()).isEqualTo(200);
        assertThat(post(CHECKER, "/api/v1/payout-batches/" + batch + "/release", "").status()).isEqualTo(200);
        assertThat(PayoutRound.awaitFinal(payouts, unsent).status()).isEqualTo(PayoutStatus.SETTLED);
        assertThat(bankFileOf(batch)).contains(heirAccount).doesNotContain(deceasedAccount);
        assertThat(simulatedBank.timesPaid(unsent)).isEqualTo(1);

        JsonNode settled = get(MAKER, "/api/v1/payouts/" + paid).json();
        assertThat(settled.path("payeeName").asString()).as("what the bank paid stays as paid").isEqualTo("支付测试职工");
        assertThat(accountOf(gone)).isEqualTo(paidAccount);
        assertThat(get("demo-finance", "/api/v1/ledger/trial-balance").json().path("balanced").asBoolean()).isTrue();
    }

    /** Records the member's death and makes their heir (身故职工之女) the payee: proposed by one person, approved by another. */
    private void heirPaid(long member, String account) {
        Answer died = post("demo-admin", "/api/v1/members/" + member + "/death",
                JSON.writeValueAsString(Map.of("diedOn", today.minusDays(1).toString(), "documentRef", "死亡医学证明 H4201001")));
        assertThat(died.status()).as(died.body()).isEqualTo(200);
        Answer proposed = post("demo-admin", "/api/v1/members/" + member + "/heir-payee", JSON.writeValueAsString(Map.of(
                "payeeName", "身故职工之女", "relation", "子女", "bankName", "中国农业银行", "accountNumber", account,
                "documentRef", "（2026）鄂武汉江岸证字第 2001 号继承公证书")));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        Answer approved = post("demo-admin2", "/api/v1/members/" + member + "/heir-payee-changes/" + proposed.json().path("id").asLong()
                + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    /** The payment file a batch sent (stored encrypted), or "" before it is sent. */
    private String bankFileOf(long batch) {
        return jdbc.sql("select file_cipher from payouts.batch where id = ?").param(batch).query(byte[].class).optional()
                .map(personalData::decrypt).orElse("");
    }

    // ---- failures, re-issues and bounces ------------------------------------------------------

    @Test
    void aRejectedPayoutIsReissuedToTheCorrectedAccountUnderANewLinkedReferenceAndPaidOnce() {
        long claim = approvedClaim("东宝区总工会", "9558801234560004");
        String first = "HZ-" + claim + "-1";
        PayoutView failed = PayoutRound.pay(payouts, first);
        assertThat(failed.status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(failed.reasonCode()).isEqualTo("AC04");
        assertThat(failed.reason()).isEqualTo("账户已销户");
        JsonNode claimView = get("demo-admin", "/api/v1/claims/" + claim).json();
        assertThat(claimView.path("status").asString()).isEqualTo("PAYMENT_FAILED");
        assertThat(reasons(claimView)).anyMatch(r -> r.startsWith("支付失败（账户已销户）" + first));

        Answer unchanged = post(MAKER, "/api/v1/payouts/" + first + "/reissue", "");
        assertProblem(unchanged, 409);
        assertThat(unchanged.field("detail")).contains("更正");
        long member = claimView.path("memberId").asLong();
        String corrected = newCardNumber();
        setBankAccount(member, "中国建设银行", corrected);
        Answer reissued = post(MAKER, "/api/v1/payouts/" + first + "/reissue", "");
        assertThat(reissued.status()).as(reissued.body()).isEqualTo(201);
        String second = "HZ-" + claim + "-2";
        assertThat(reissued.json().path("reference").asString()).isEqualTo(second);
        assertThat(reissued.json().path("reissueOf").asString()).isEqualTo(first);
        assertThat(reissued.json().path("amount").asString()).isEqualTo(failed.amount().toString());
        assertThat(reissued.json().path("bankName").asString()).isEqualTo("中国建设银行");
        assertThat(get(MAKER, "/api/v1/payouts/" + first).json().path("reissuedBy").asString()).isEqualTo(second);
        assertThat(get(MAKER, "/api/v1/payouts/" + first).json().path("status").asString()).isEqualTo("REISSUED");
        assertProblem(post(MAKER, "/api/v1/payouts/" + first + "/reissue", ""), 409);
        assertThat(get("demo-admin", "/api/v1/claims/" + claim).json().path("status").asString()).isEqualTo("PAYMENT_PENDING");

        assertThat(reissued.json().path("held").asBoolean()).as("to an account changed just now").isTrue();
        assertThat(post(CHECKER, "/api/v1/payouts/" + second + "/release-hold", "").status()).isEqualTo(200);
        assertThat(PayoutRound.pay(payouts, second).status()).isEqualTo(PayoutStatus.SETTLED);
        JsonNode paid = get("demo-admin", "/api/v1/claims/" + claim).json();
        assertThat(paid.path("status").asString()).isEqualTo("PAID");
        assertThat(reasons(paid)).anyMatch(r -> r.startsWith("重新支付 " + second + "（原支付指令 " + first + "）"));
        assertThat(simulatedBank.timesPaid(first)).isZero();
        assertThat(simulatedBank.timesPaid(second)).isEqualTo(1);
        assertThat(paid.path("payoutRequests")).extracting(p -> p.path("reference").asString() + " " + p.path("status").asString())
                .containsExactly(first + " REISSUED", second + " SETTLED");
        // the failed payout's journals: sent, then failed (Dr 2203 Cr 2202) — the member was owed it again until re-issued
        assertThat(journalsOf(first)).hasSize(2);
        assertBooksTraceable(second);
    }

    @Test
    void aBounceAfterSuccessMakesTheClaimPayableAgainAndTheMemberSeesIt() {
        long claim = approvedClaim("掇刀区总工会", "9558801234560013");
        String reference = "HZ-" + claim + "-1";
        assertThat(PayoutRound.pay(payouts, reference).status()).isEqualTo(PayoutStatus.SETTLED);
        assertThat(get("demo-admin", "/api/v1/claims/" + claim).json().path("status").asString()).isEqualTo("PAID");
        Money bankBefore = simulatedBank.balance();

        simulatedBank.advanceClock(Duration.ofDays(3));
        PayoutView bounced = PayoutRound.awaitStatus(payouts, reference, PayoutStatus.BOUNCED);

        assertThat(bounced.reasonCode()).isEqualTo("AC04");
        assertThat(simulatedBank.balance()).isEqualTo(bankBefore.plus(bounced.amount()));
        JsonNode view = get("demo-admin", "/api/v1/claims/" + claim).json();
        assertThat(view.path("status").asString()).isEqualTo("PAYMENT_FAILED");
        assertThat(reasons(view)).anyMatch(r -> r.startsWith("退票（账户已销户）" + reference));
        assertThat(view.path("timeline")).extracting(e -> e.path("from").asString() + "→" + e.path("to").asString())
                .containsSubsequence("PAYMENT_PENDING→PAID", "PAID→PAYMENT_FAILED");
        // sent, settled, bounced (Dr 1002 Cr 2202): the member is owed it again
        assertThat(journalsOf(reference)).hasSize(3);
        BigDecimal bouncedBooked = jdbc.sql("""
                select sum(p.credit) from ledger.posting p join ledger.journal j on j.id = p.journal_id
                join payouts.payout o on o.bounced_journal_key = j.idempotency_key where o.reference = ? and p.account_code = '2202'""").param(reference).query(BigDecimal.class).single();
        assertThat(bouncedBooked).isGreaterThanOrEqualTo(bounced.amount().amount());
        assertThat(get("demo-finance", "/api/v1/ledger/trial-balance").json().path("balanced").asBoolean()).isTrue();
    }

    @Test
    void applyingTheSameBankMessageAgainChangesNothing() {
        long claim = approvedClaim("京山市总工会", newCardNumber());
        String reference = "HZ-" + claim + "-1";
        assertThat(PayoutRound.pay(payouts, reference).status()).isEqualTo(PayoutStatus.SETTLED);
        String messageId = jdbc.sql("""
                select e.bank_message_id from payouts.move_event e join payouts.payout p on e.journal_key = p.settled_journal_key
                where p.reference = ? and e.to_status = 'SETTLED'""").param(reference).query(String.class).single();
        BankMessage message = bank.messagesAfter(0, List.of(BankMessage.STATUS_REPORT, BankMessage.NOTIFICATION), 100_000).stream()
                .filter(m -> m.messageId().equals(messageId)).findFirst().orElseThrow();
        long journals = jdbc.sql("select count(*) from ledger.journal").query(Long.class).single();
        long events = jdbc.sql("select (select count(*) from payouts.payout_event) + (select count(*) from payouts.move_event)")
                .query(Long.class).single();
        long claimEvents = jdbc.sql("select count(*) from claims.claim_event where claim_id = ?").param(claim).query(Long.class).single();

        jdbc.sql("delete from payouts.applied_message where message_id = ?").param(messageId).update();   // as if never recorded
        assertThat(applier.apply(message)).isZero();

        assertThat(jdbc.sql("select count(*) from ledger.journal").query(Long.class).single()).isEqualTo(journals);
        assertThat(jdbc.sql("select (select count(*) from payouts.payout_event) + (select count(*) from payouts.move_event)")
                .query(Long.class).single()).isEqualTo(events);
        assertThat(jdbc.sql("select count(*) from claims.claim_event where claim_id = ?").param(claim).query(Long.class).single())
                .isEqualTo(claimEvents);
        assertThat(payouts.payout(reference, PayoutRound.MAKER).status()).isEqualTo(PayoutStatus.SETTLED);
    }

    // ---- reconciliation ------------------------------------------------------------------------

    @Autowired
    private org.huzhu.banking.statement.Statements statements;
    @Autowired
    private org.huzhu.banking.reconciliation.Reconciliation reconciliation;

    @Test
    void theBanksStatementOfTheDayAgreesWithThePayoutsBooks() {
        long claim = approvedClaim("东宝区总工会", newCardNumber());
        String reference = "HZ-" + claim + "-1";
        assertThat(PayoutRound.pay(payouts, reference).status()).isEqualTo(PayoutStatus.SETTLED);
        LocalDate settledOn = jdbc.sql("select settled_on from payouts.payout where reference = ?").param(reference)
                .query(LocalDate.class).single();

        String statementId = simulatedBank.closeDay(settledOn);
        bank.receive();
        BankMessage statement = bank.messagesAfter(0, List.of(BankMessage.STATEMENT), 100_000).stream()
                .filter(m -> m.messageId().equals(statementId)).findFirst().orElseThrow();
        statements.importFromBank(statementId, statement.xml().getBytes(StandardCharsets.UTF_8));
        var run = reconciliation.run(settledOn, "pay-test");

        // the bank shows the payout leaving the account, and our books say the same: no difference names it
        assertThat(statements.valuedOn(settledOn)).anyMatch(line -> reference.equals(line.endToEndId()) && !line.credit());
        assertThat(run.differences()).noneMatch(d -> reference.equals(d.reference())
                || (d.message() != null && d.message().contains(reference)));
    }

    // ---- personal data at rest ----------------------------------------------------------------

    @Test
    void theStoredPaymentFileHoldsNoPlainCardNumber() {
        String card = newCardNumber();
        long claim = approvedClaim("江岸区总工会", card);
        String reference = "HZ-" + claim + "-1";
        long batch = PayoutRound.release(payouts, reference);
        assertThat(PayoutRound.awaitFinal(payouts, reference).status()).isEqualTo(PayoutStatus.SETTLED);

        String row = jdbc.sql("select b::text from payouts.batch b where id = ?").param(batch).query(String.class).single();
        assertThat(row).doesNotContain(card).doesNotContain("Document").doesNotContain(reference);
    }

    @Test
    void bankMessagesAtRestHoldNoPlainCardNumber() {
        String card = newCardNumber();
        long claim = approvedClaim("江岸区总工会", card);
        String reference = "HZ-" + claim + "-1";
        assertThat(PayoutRound.pay(payouts, reference).status()).isEqualTo(PayoutStatus.SETTLED);
        String statementId = simulatedBank.closeDay(today());
        bank.receive();

        List<String> rows = jdbc.sql("select m::text from banking.bank_message m").query(String.class).list();
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).doesNotContain(card).doesNotContain("Document")
                .doesNotContain(reference));
        assertThat(bank.messagesAfter(0, List.of(BankMessage.STATEMENT), 100_000)).filteredOn(m -> m.messageId().equals(statementId))
                .singleElement().satisfies(m -> assertThat(m.xml()).contains("<Document"));
    }

    // ---- fixtures ---------------------------------------------------------------------------

    /**
     * A claim approved automatically (small, electronic receipt, complete materials) for a fresh
     * worker of a fresh unit in {@code county} with bank account {@code account}: its payout is REQUESTED.
     */
    private long approvedClaim(String county, String account) {
        return approvedClaim(county, account, null);
    }

    /** As {@link #approvedClaim(String, String)}, the account then changed (a second person approving) to {@code changedTo} if given. */
    private long approvedClaim(String county, String account, String changedTo) {
        long unit = newUnit(county);
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", "支付测试职工");
        person.put("idNumber", idNumber());
        person.put("employmentForm", "REGULAR");
        person.put("unitId", unit);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(person));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        enrolItems(unit, member, today.minusDays(200), "HOSPITAL:1");
        setBankAccount(member, "中国工商银行", account);
        if (changedTo != null) setBankAccount("demo-wuhan", member, "中国银行", changedTo);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", member);
        body.put("kind", "ILLNESS");
        body.put("incidentDate", today.minusDays(30).toString());
        body.put("diagnoses", List.of("K35.800"));
        body.put("hospitalStay", Map.of("admission", today.minusDays(30).toString(), "discharge", today.minusDays(20).toString()));
        body.put("expenses", Map.of("total", "2000.00", "fundPaid", "1000.00", "selfPaid", "1000.00", "selfFunded", "0.00"));
        body.put("receipts", List.of(Map.of("invoiceCode", "42060127", "invoiceNumber", ReceiptNumbers.next(),
                "electronic", true, "amount", "2000.00")));
        Answer filed = post("demo-admin", "/api/v1/claims", JSON.writeValueAsString(body));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long claim = filed.json().path("id").asLong();
        for (String kind : List.of("ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY")) {
            assertThat(upload("demo-admin", "/api/v1/claims/" + claim + "/documents?kind=" + kind, "file", kind + ".pdf", PDF).status())
                    .isEqualTo(201);
        }
        Answer submitted = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().path("status").asString()).isEqualTo("PAYMENT_PENDING");
        // 1 share: 60% × (1,000.00 − 200.00) = 480.00, booked Dr 5101 Cr 2202 at approval
        assertThat(submitted.json().path("approvedTotal").asString()).isEqualTo("480.00");
        assertThat(jdbc.sql("""
                select sum(p.credit) from ledger.posting p join ledger.journal j on j.id = p.journal_id
                where j.idempotency_key = ? and p.account_code = '2202'""").param("claim:" + claim + ":approved")
                .query(BigDecimal.class).single()).isEqualByComparingTo("480.00");
        return claim;
    }

    /**
     * Every journal that booked this payout names it through the payout row, and each aggregated
     * journal's amount is exactly the sum of the payouts that point at it: so the claim's 2202 (credited
     * at approval, debited when sent) and 2203 (credited when sent, debited when settled) are back to zero.
     */
    private void assertBooksTraceable(String reference) {
        for (String column : List.of("sent_journal_key", "settled_journal_key")) {
            String journal = jdbc.sql("select " + column + " from payouts.payout where reference = ?").param(reference).query(String.class).single();
            assertThat(journal).as(column).isNotNull();
            BigDecimal payoutsOfJournal = jdbc.sql("select sum(amount) from payouts.payout where " + column + " = ?").param(journal)
                    .query(BigDecimal.class).single();
            BigDecimal booked = jdbc.sql("""
                    select sum(p.debit) from ledger.posting p join ledger.journal j on j.id = p.journal_id where j.idempotency_key = ?""")
                    .param(journal).query(BigDecimal.class).single();
            assertThat(booked).as(column + " journal " + journal).isEqualByComparingTo(payoutsOfJournal);
        }
        List<String> accounts = jdbc.sql("""
                select p.account_code || ' ' || case when p.debit > 0 then 'Dr' else 'Cr' end from ledger.posting p
                join ledger.journal j on j.id = p.journal_id
                join payouts.payout o on j.idempotency_key in (o.sent_journal_key, o.settled_journal_key) where o.reference = ?
                order by p.journal_id, p.debit desc""").param(reference).query(String.class).list();
        assertThat(accounts).containsExactly("2202 Dr", "2203 Cr", "2203 Dr", "1002 Cr");
    }

    private List<Long> journalsOf(String reference) {
        return jdbc.sql("""
                select j.id from ledger.journal j join payouts.payout o
                on j.idempotency_key in (o.sent_journal_key, o.settled_journal_key, o.failed_journal_key, o.bounced_journal_key)
                where o.reference = ?""").param(reference).query(Long.class).list()
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    private String accountOf(long claim) {
        String reference = "HZ-" + claim + "-1";
        byte[] cipher = jdbc.sql("select account_cipher from payouts.payout where reference = ?").param(reference).query(byte[].class).single();
        return personalData.decrypt(cipher);
    }

    /** Lets the bank's answers to a resent file arrive and be applied. */
    private void awaitQuiet() {
        for (int i = 0; i < 10; i++) {
            payouts.applyBankMessages();
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<String> reasons(JsonNode claim) {
        List<String> out = new ArrayList<>();
        claim.path("timeline").forEach(e -> out.add(e.path("reason").asString()));
        return out;
    }

    private static String idNumber() {
        int n = SEQUENCE.incrementAndGet();
        String first17 = "420111" + LocalDate.of(1975, 1, 1).plusDays(n % 9000).toString().replace("-", "")
                + String.format("%03d", (n % 499) * 2 + 1);
        return first17 + IdNumber.checkCharacter(first17);
    }
}
