package org.huzhu.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.shared.BankAccount;
import org.huzhu.support.ReceiptNumbers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Claims see no cover from an enrolment awaiting payment: the claim is judged against the cover
 * the member really had (here an expired one: NOT_COVERED), and once the bill is paid the same
 * incident is covered from the day after payment.
 */
class CoverAwaitingPaymentTest extends MoneyApiTest {

    @Test
    void anIncidentIsNotCoveredWhileTheBillIsUnpaidAndCoveredOnceItIsPaidBeforeTheIncident() {
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = member(unit);
        bankAccount(member);
        JsonNode expired = enrol(unit, member, today.minusDays(500), "HOSPITAL:1");
        assertThat(LocalDate.parse(expired.path("coverages").get(0).path("to").asString())).isBefore(today.minusDays(100));
        JsonNode awaiting = enrol(unit, member, null, "HOSPITAL:1");
        assertThat(awaiting.path("status").asString()).isEqualTo("AWAITING_PAYMENT");

        JsonNode unpaid = submit(file(member));

        JsonNode benefit = unpaid.path("benefits").get(0);
        assertThat(benefit.path("decision").asString()).isEqualTo("REJECT");
        assertThat(codes(benefit)).contains("NOT_COVERED");
        assertThat(benefit.path("coverageFrom").asString()).isEqualTo(expired.path("coverages").get(0).path("from").asString());

        LocalDate paidOn = today.minusDays(100);   // the waiting period (30 days) is over by the incident
        payOk(awaiting.path("billId").asLong(), "100.00", paidOn);
        JsonNode paid = submit(file(member));

        JsonNode covered = paid.path("benefits").get(0);
        assertThat(codes(covered)).doesNotContain("NOT_COVERED", "WAITING_PERIOD");
        assertThat(covered.path("decision").asString()).isIn("PAY", "REDUCED");
        assertThat(covered.path("coverageFrom").asString()).isEqualTo(paidOn.plusDays(1).toString());
    }

    @Test
    void aMemberWhoseOnlyEnrolmentAwaitsPaymentHasNoCoverToClaimAgainst() {
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = member(unit);
        enrol(unit, member, null, "HOSPITAL:1", "ACCIDENT:1");
        Map<String, Object> body = claim(member);

        Answer answer = post("demo-admin", "/api/v1/claims", JSON.writeValueAsString(body));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly("memberId");
    }

    // ---------------------------------------------------------------- helpers

    /** An appendicitis stay 10 to 5 days ago: 3,000.00 self-paid, 1,000.00 from the medical insurance fund. */
    private Map<String, Object> claim(long member) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", member);
        body.put("kind", "ILLNESS");
        body.put("incidentDate", today.minusDays(10).toString());
        body.put("diagnoses", List.of("K35.800"));
        body.put("hospitalStay", Map.of("admission", today.minusDays(10).toString(), "discharge", today.minusDays(5).toString()));
        body.put("expenses", Map.of("total", "4000.00", "fundPaid", "1000.00", "selfPaid", "3000.00", "selfFunded", "0.00"));
        body.put("receipts", List.of(Map.of("invoiceCode", "33010126", "invoiceNumber",
                ReceiptNumbers.next(), "electronic", true, "amount", "4000.00")));
        return body;
    }

    private long file(long member) {
        Answer answer = post("demo-admin", "/api/v1/claims", JSON.writeValueAsString(claim(member)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    private JsonNode submit(long claim) {
        Answer answer = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private void bankAccount(long member) {
        String body = "622202" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        String number = null;
        for (int d = 0; d <= 9 && number == null; d++) if (BankAccount.luhnValid(body + d)) number = body + d;
        setBankAccount(member, "中国工商银行", number);
    }

    private static List<String> codes(JsonNode benefit) {
        List<String> out = new ArrayList<>();
        benefit.path("reasons").forEach(r -> out.add(r.path("code").asString()));
        return out;
    }
}
