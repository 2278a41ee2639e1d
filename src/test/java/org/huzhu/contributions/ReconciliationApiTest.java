package org.huzhu.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huzhu.banking.statement.StatementFiles;
import org.huzhu.banking.statement.StatementFiles.Movement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The daily reconciliation over HTTP, on dates of 2023 that no other test uses: each kind of
 * difference between the bank's statement, the books and ledger account 1002 is listed in Chinese
 * and kept with the run; a clean day lists none; running it changes nothing else.
 */
class ReconciliationApiTest extends MoneyApiTest {

    private static final LocalDate DAY = LocalDate.of(2023, 3, 15);
    private static final LocalDate CLEAN_DAY = LocalDate.of(2023, 4, 20);

    private long awaitingBill() {
        long unit = createUnit("洪山区总工会", "OTHER");
        return enrol(unit, member(unit), null, "HOSPITAL:1").path("billId").asLong();
    }

    @Test
    void listsEveryKindOfDifferenceOfADayAndKeepsTheRun() {
        long registeredOnly = awaitingBill();
        long matched = awaitingBill();
        long confirmedLater = awaitingBill();
        payOk(registeredOnly, "100.00", DAY);                     // in the books, not on the statement
        payOk(confirmedLater, "100.00", DAY.minusDays(1));        // booked the day before the bank shows it
        String payout = "HZ-" + System.nanoTime() + "-1";
        importOk("2023-03-15.csv", StatementFiles.csv(List.of(
                Movement.credit(DAY, "100.00", "HZB-" + matched, reference()),
                Movement.credit(DAY, "77.00", "无附言转账", reference()),
                Movement.debit(DAY, "480.00", payout, reference()),
                Movement.credit(DAY, "100.00", "HZB-" + confirmedLater, reference()))));
        String billsBefore = bill(registeredOnly) + "|" + bill(matched) + "|" + bill(confirmedLater);

        Answer run = post("demo-finance", "/api/v1/reconciliations", "{\"date\":\"" + DAY + "\"}");

        assertThat(run.status()).as(run.body()).isEqualTo(201);
        JsonNode r = run.json();
        assertThat(r.path("date").asString()).isEqualTo(DAY.toString());
        assertThat(r.path("clean").asBoolean()).isFalse();
        assertThat(r.path("statementLines").asInt()).isEqualTo(4);
        assertThat(r.path("statementTotal").asString()).isEqualTo("-203.00");   // 100 + 77 − 480 + 100
        assertThat(r.path("ledgerTotal").asString()).isEqualTo("277.00");       // 100 by hand + 100 matched + 77 unmatched
        assertThat(r.path("booksTotal").asString()).isEqualTo("277.00");
        assertThat(r.path("differences").findValuesAsString("kind")).containsExactlyInAnyOrder(
                "ON_STATEMENT_NOT_IN_BOOKS", "IN_BOOKS_NOT_ON_STATEMENT", "DATE_DIFFERS", "UNASSIGNED_RECEIPT", "DAY_TOTAL_DIFFERS");
        assertThat(difference(r, "ON_STATEMENT_NOT_IN_BOOKS").path("statementAmount").asString()).isEqualTo("-480.00");
        assertThat(difference(r, "IN_BOOKS_NOT_ON_STATEMENT").path("reference").asString()).isEqualTo("HZB-" + registeredOnly);
        assertThat(difference(r, "DATE_DIFFERS").path("reference").asString()).isEqualTo("HZB-" + confirmedLater);
        assertThat(difference(r, "DATE_DIFFERS").path("message").asString()).contains(DAY.minusDays(1).toString());
        assertThat(difference(r, "UNASSIGNED_RECEIPT").path("statementAmount").asString()).isEqualTo("77.00");
        r.path("differences").forEach(d -> assertThat(d.path("message").asString()).matches("(?s).*\\p{IsHan}.*"));

        Answer kept = get("demo-finance", "/api/v1/reconciliations/" + DAY);
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.json().path("differences")).isEqualTo(r.path("differences"));
        assertThat(bill(registeredOnly) + "|" + bill(matched) + "|" + bill(confirmedLater)).as("a run marks nothing").isEqualTo(billsBefore);

        JsonNode dayBefore = post("demo-finance", "/api/v1/reconciliations", "{\"date\":\"" + DAY.minusDays(1) + "\"}").json();
        assertThat(dayBefore.path("differences").findValuesAsString("kind")).contains("DATE_DIFFERS", "DAY_TOTAL_DIFFERS");
        assertThat(difference(dayBefore, "DATE_DIFFERS").path("message").asString()).contains("银行于 " + DAY + " 入账");
    }

    @Test
    void aDayWhereEverythingAgreesIsClean() {
        long bill = awaitingBill();
        importOk("2023-04-20.xml", StatementFiles.camt053("CLEAN-" + reference(), List.of(
                Movement.credit(CLEAN_DAY, "100.00", "HZB-" + bill, reference()))));

        JsonNode r = post("demo-finance", "/api/v1/reconciliations", "{\"date\":\"" + CLEAN_DAY + "\"}").json();

        assertThat(r.path("clean").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.path("differences").size()).isZero();
        assertThat(r.path("statementTotal").asString()).isEqualTo("100.00");
        assertThat(r.path("ledgerTotal").asString()).isEqualTo("100.00");
    }

    @Test
    void onlyFinanceReconcilesAndOnlyDaysThatHaveBeen() {
        assertProblem(post("demo-wuhan", "/api/v1/reconciliations", "{\"date\":\"" + DAY + "\"}"), 403);
        assertProblem(get("demo-unit", "/api/v1/reconciliations/" + DAY), 403);
        Answer future = post("demo-finance", "/api/v1/reconciliations", "{\"date\":\"" + today.plusDays(1) + "\"}");
        assertProblem(future, 400);
        assertThat(fields(future)).containsExactly("date");
        assertProblem(post("demo-finance", "/api/v1/reconciliations", JSON.writeValueAsString(Map.of())), 400);
        assertProblem(get("demo-finance", "/api/v1/reconciliations/2001-01-01"), 404);
    }

    private static JsonNode difference(JsonNode run, String kind) {
        for (JsonNode d : run.path("differences")) if (d.path("kind").asString().equals(kind)) return d;
        throw new AssertionError("no " + kind + " in " + run);
    }
}
