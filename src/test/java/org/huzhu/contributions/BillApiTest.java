package org.huzhu.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.scope.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Bills over HTTP: an enrolment without a payment date waits, without cover, for its bill; paid in
 * full (not in part) it comes into force from the day after payment; with a payment date the
 * contract §4 answer is unchanged and the bill is settled by the unit's declaration; payments by
 * hand are idempotent by reference and reversible while unconfirmed; the union's subsidy is a
 * receivable of its own; bills are seen only within scope.
 */
class BillApiTest extends MoneyApiTest {

    @Autowired
    Accounts accounts;
    @Autowired
    Organisations organisations;

    @Test
    void anEnrolmentWithoutAPaymentDateAwaitsPaymentWithoutCoverAndIsBilledToItsUnit() {
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = member(unit);

        JsonNode e = enrol(unit, member, null, "HOSPITAL:1", "ACCIDENT:2");

        assertThat(e.path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(e.path("paidOn").isNull()).isTrue();
        assertThat(e.path("premium").asString()).isEqualTo("160.00");
        assertThat(dates(e.path("coverages"), "from")).containsExactly(null, null);
        assertThat(dates(e.path("coverages"), "to")).containsExactly(null, null);
        long billId = e.path("billId").asLong();
        assertThat(e.path("billReference").asString()).isEqualTo("HZB-" + billId);
        JsonNode bill = bill(billId);
        assertThat(bill.path("reference").asString()).isEqualTo("HZB-" + billId);
        assertThat(bill.path("status").asString()).isEqualTo("OPEN");
        assertThat(bill.path("statusName").asString()).isEqualTo("待缴费");
        assertThat(bill.path("amountDue").asString()).isEqualTo("160.00");
        assertThat(bill.path("outstanding").asString()).isEqualTo("160.00");
        assertThat(bill.path("unitId").asLong()).isEqualTo(unit);
        assertThat(bill.path("batchKind").asString()).isEqualTo("ENROLMENT");
        assertThat(bill.path("lines").get(0).path("enrolmentId").asLong()).isEqualTo(e.path("id").asLong());
        assertThat(bill.path("payments").size()).isZero();
        assertThat(get("demo-admin", "/api/v1/members/" + member + "/enrolments").json().get(0).path("status").asString())
                .isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void aPartPaymentKeepsTheEnrolmentWaitingAndTheRestBringsItIntoForceFromTheDayAfter() {
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = member(unit);
        BigDecimal bankBefore = net("1002");
        BigDecimal unitReceivableBefore = net("1122.01");
        JsonNode e = enrol(unit, member, null, "HOSPITAL:1", "ACCIDENT:1");   // 100.00 + 30.00
        long billId = e.path("billId").asLong();

        JsonNode part = payOk(billId, "60.00", today.minusDays(10));

        assertThat(part.path("bill").path("status").asString()).isEqualTo("PARTIALLY_PAID");
        assertThat(part.path("bill").path("outstanding").asString()).isEqualTo("70.00");
        assertThat(enrolment(e.path("id").asLong()).path("status").asString()).isEqualTo("AWAITING_PAYMENT");

        LocalDate paidOn = today.minusDays(5);
        JsonNode rest = payOk(billId, "70.00", paidOn);

        assertThat(rest.path("bill").path("status").asString()).isEqualTo("PAID");
        assertThat(rest.path("bill").path("paidOn").asString()).isEqualTo(paidOn.toString());
        JsonNode inForce = enrolment(e.path("id").asLong());
        assertThat(inForce.path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(inForce.path("paidOn").asString()).isEqualTo(paidOn.toString());
        LocalDate from = paidOn.plusDays(1);
        assertThat(dates(inForce.path("coverages"), "from")).containsOnly(from.toString());
        assertThat(dates(inForce.path("coverages"), "to")).containsOnly(from.plusYears(1).minusDays(1).toString());
        assertThat(net("1002").subtract(bankBefore)).isEqualByComparingTo("130.00");
        assertThat(net("1122.01").subtract(unitReceivableBefore)).as("billed 130.00 then received 130.00").isEqualByComparingTo("0.00");
        assertBalanced();
    }

    @Test
    void aPaymentSubmittedTwiceWithTheSameReferenceIsBookedOnce() {
        long unit = createUnit("洪山区总工会", "OTHER");
        JsonNode e = enrol(unit, member(unit), null, "HOSPITAL:1");
        long billId = e.path("billId").asLong();
        String reference = reference();
        BigDecimal bankBefore = net("1002");

        Answer first = pay("demo-finance", billId, "100.00", today, reference);
        Answer again = pay("demo-finance", billId, "100.00", today, reference);
        Answer different = pay("demo-finance", billId, "90.00", today, reference);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        assertThat(again.json().path("payment").path("id").asLong()).isEqualTo(first.json().path("payment").path("id").asLong());
        assertProblem(different, 409);
        assertThat(fields(different)).containsExactly("reference");
        assertThat(net("1002").subtract(bankBefore)).isEqualByComparingTo("100.00");
        assertThat(bill(billId).path("payments").size()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from ledger.journal where idempotency_key like ?").param("bill:" + billId + ":unit:hand:%")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSamePaymentSubmittedTwiceAtOnceIsBookedOnce() throws Exception {
        long unit = createUnit("洪山区总工会", "OTHER");
        long billId = enrol(unit, member(unit), null, "HOSPITAL:1").path("billId").asLong();
        String reference = reference();
        BigDecimal bankBefore = net("1002");
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return pay("demo-finance", billId, "100.00", today, reference);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var a : answers) statuses.add(a.get(60, java.util.concurrent.TimeUnit.SECONDS).status());

            assertThat(statuses).containsExactlyInAnyOrder(201, 200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(net("1002").subtract(bankBefore)).isEqualByComparingTo("100.00");
        assertThat(bill(billId).path("payments").size()).isEqualTo(1);
        assertThat(bill(billId).path("status").asString()).isEqualTo("PAID");
    }

    @Test
    void withAPaymentDateLongAgoTheDeclarationWaitsForFinanceAndOnceConfirmedSettlesTheBillAsBefore() {
        long unit = createUnit("恩施市总工会", "GOVERNMENT");   // unit pays, union 20.00 from 恩施州's budget
        long member = member(unit);
        LocalDate paidOn = LocalDate.of(2026, 1, 9);
        BigDecimal bankBefore = net("1002");

        Answer held = post("demo-admin", "/api/v1/enrolments", enrolmentJson(unit, member, paidOn, "HOSPITAL:2"));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.field("status")).as("dated more than 7 days back: no cover before finance confirms").isEqualTo("AWAITING_PAYMENT");
        assertThat(net("1002").subtract(bankBefore)).as("nothing booked before finance confirms").isEqualByComparingTo("0.00");
        confirmDeclaration(held.json().path("billId").asLong());
        JsonNode e = enrolment(held.json().path("id").asLong());

        assertThat(e.path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(e.path("paidOn").asString()).isEqualTo("2026-01-09");
        assertThat(e.path("premium").asString()).isEqualTo("200.00");
        assertThat(dates(e.path("coverages"), "from")).containsExactly("2026-01-10");
        assertThat(dates(e.path("coverages"), "to")).containsExactly("2027-01-09");
        assertThat(e.path("funding").path("unit").asString()).isEqualTo("180.00");
        assertThat(e.path("funding").path("union").asString()).isEqualTo("20.00");
        JsonNode bill = bill(e.path("billId").asLong());
        assertThat(bill.path("status").asString()).isEqualTo("PAID");
        assertThat(bill.path("settlement").asString()).isEqualTo("DECLARED");
        assertThat(bill.path("paidOn").asString()).isEqualTo("2026-01-09");
        assertThat(bill.path("unionSubsidyOutstanding").asString()).as("the union pays its part apart").isEqualTo("20.00");
        JsonNode declared = bill.path("payments").get(0);
        assertThat(declared.path("source").asString()).isEqualTo("DECLARED");
        assertThat(declared.path("amount").asString()).isEqualTo("180.00");
        assertThat(declared.path("paidOn").asString()).isEqualTo("2026-01-09");
        assertThat(declared.path("awaitingBankConfirmation").asBoolean()).isTrue();
        assertThat(net("1002").subtract(bankBefore)).isEqualByComparingTo("180.00");
        assertBalanced();
    }

    @Test
    void theUnionSubsidyIsAReceivableOfItsOwnPaidByTheUnion() {
        long unit = createUnit("恩施市总工会", "PRIVATE");   // union pays half while 恩施州's budget lasts
        JsonNode e = enrol(unit, member(unit), null, "HOSPITAL:1");
        long billId = e.path("billId").asLong();
        assertThat(e.path("funding").path("union").asString()).isEqualTo("50.00");
        BigDecimal subsidyBefore = net("1122.02");

        Answer receipt = post("demo-finance", "/api/v1/union-subsidies/receipts", JSON.writeValueAsString(Map.of(
                "billId", billId, "amount", "50.00", "receivedOn", today.toString(), "reference", reference())));

        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        JsonNode bill = receipt.json().path("bill");
        assertThat(bill.path("unionSubsidyReceived").asString()).isEqualTo("50.00");
        assertThat(bill.path("unionSubsidyOutstanding").asString()).isEqualTo("0.00");
        assertThat(bill.path("status").asString()).as("the unit has not paid its part").isEqualTo("OPEN");
        assertThat(bill.path("amountDue").asString()).isEqualTo("50.00");
        assertThat(net("1122.02").subtract(subsidyBefore)).isEqualByComparingTo("-50.00");
        assertThat(enrolment(e.path("id").asLong()).path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        payOk(billId, "50.00", today);
        assertThat(enrolment(e.path("id").asLong()).path("status").asString()).isEqualTo("IN_FORCE");
    }

    @Test
    void aPaymentRegisteredInErrorIsReversedButNotOneThatWouldUnpayAPaidBill() {
        long unit = createUnit("洪山区总工会", "OTHER");
        JsonNode e = enrol(unit, member(unit), null, "HOSPITAL:1");
        long billId = e.path("billId").asLong();
        BigDecimal bankBefore = net("1002");
        long wrong = payOk(billId, "30.00", today).path("payment").path("id").asLong();

        Answer reversed = post("demo-finance", "/api/v1/bills/" + billId + "/payments/" + wrong + "/reversal", "{\"reason\":\"登记错单\"}");
        Answer again = post("demo-finance", "/api/v1/bills/" + billId + "/payments/" + wrong + "/reversal", "{\"reason\":\"重复点击\"}");

        assertThat(reversed.status()).as(reversed.body()).isEqualTo(200);
        assertThat(reversed.json().path("status").asString()).isEqualTo("OPEN");
        assertThat(reversed.json().path("payments").get(0).path("reversed").asBoolean()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(net("1002")).isEqualByComparingTo(bankBefore);
        assertThat(jdbc.sql("select count(*) from ledger.journal where idempotency_key = ?").param("payment:" + wrong + ":reversal")
                .query(Long.class).single()).isEqualTo(1);

        long full = payOk(billId, "100.00", today).path("payment").path("id").asLong();
        Answer refused = post("demo-finance", "/api/v1/bills/" + billId + "/payments/" + full + "/reversal", "{\"reason\":\"试试\"}");
        assertProblem(refused, 409);
        assertThat(bill(billId).path("status").asString()).isEqualTo("PAID");
        assertProblem(post("demo-finance", "/api/v1/bills/" + billId + "/payments/" + full + "/reversal", "{}"), 400);
        assertBalanced();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no amount          | {"paidOn":"TODAY","reference":"R"}                      | amount
            zero amount        | {"amount":"0.00","paidOn":"TODAY","reference":"R"}      | amount
            three decimals     | {"amount":"1.005","paidOn":"TODAY","reference":"R"}     | amount
            no date            | {"amount":"1.00","reference":"R"}                       | paidOn
            a future date      | {"amount":"1.00","paidOn":"TOMORROW","reference":"R"}   | paidOn
            no reference       | {"amount":"1.00","paidOn":"TODAY","reference":" "}      | reference
            """)
    void refusesABadPaymentNamingTheField(String label, String template, String field) {
        long unit = createUnit("武昌区总工会", "OTHER");
        long billId = enrol(unit, member(unit), null, "ACCIDENT:1").path("billId").asLong();
        String json = template.replace("TODAY", today.toString()).replace("TOMORROW", today.plusDays(1).toString());

        Answer answer = post("demo-finance", "/api/v1/bills/" + billId + "/payments", json);

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly(field);
        assertThat(bill(billId).path("payments").size()).isZero();
    }

    @Test
    void onlyFinanceRegistersPaymentsAndOtherRolesSeeBillsOnlyWithinTheirScope() {
        long wuhanUnit = createUnit("江岸区总工会", "OTHER");
        long wuhanBill = enrol(wuhanUnit, member(wuhanUnit), null, "ACCIDENT:1").path("billId").asLong();
        long jingmenUnit = createUnit("东宝区总工会", "OTHER");
        long jingmenBill = enrol(jingmenUnit, member(jingmenUnit), null, "ACCIDENT:1").path("billId").asLong();
        String jingmenFinance = "finance-jingmen-" + reference().toLowerCase();
        long jingmen = orgIds.get("荆门市总工会");
        accounts.create(new Accounts.NewAccount(jingmenFinance, jingmenFinance, "荆门财务", Role.FINANCE, jingmen, null, null,
                organisations.node(jingmen).path(), true)); // a demo-mode fixture: exempt from the second factor

        assertProblem(get(jingmenFinance, "/api/v1/bills/" + wuhanBill), 404);
        assertProblem(pay(jingmenFinance, wuhanBill, "30.00", today, reference()), 404);
        assertThat(ids(get(jingmenFinance, "/api/v1/bills?limit=500"))).contains(jingmenBill).doesNotContain(wuhanBill);
        assertThat(pay(jingmenFinance, jingmenBill, "30.00", today, reference()).status()).isEqualTo(201);

        assertThat(get("demo-wuhan", "/api/v1/bills/" + wuhanBill).status()).isEqualTo(200);
        assertProblem(get("demo-wuhan", "/api/v1/bills/" + jingmenBill), 404);
        assertProblem(pay("demo-wuhan", wuhanBill, "30.00", today, reference()), 403);
        assertProblem(get("demo-member", "/api/v1/bills"), 403);
        assertProblem(get("demo-reviewer", "/api/v1/bills/" + wuhanBill), 403);
        assertThat(ids(get("demo-finance", "/api/v1/bills?status=OPEN&unitId=" + wuhanUnit))).containsExactly(wuhanBill);
        assertProblem(get("demo-finance", "/api/v1/bills?status=LOST"), 400);
        assertThat(bill(wuhanBill).path("status").asString()).isEqualTo("OPEN");
    }

    private static List<Long> ids(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        answer.json().forEach(b -> ids.add(b.path("id").asLong()));
        return ids;
    }
}
