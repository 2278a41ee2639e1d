package org.huzhu.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huzhu.banking.statement.StatementFiles;
import org.huzhu.banking.statement.StatementFiles.Movement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A roster import is one batch: rows with a 缴费日期 go on the import's declared bill (settled at
 * once), rows with it blank on the import's bill awaiting payment — enrolled without cover until
 * that bill is paid, then in force from the day after payment.
 */
class RosterBillingApiTest extends MoneyApiTest {

    @Test
    void blankPaymentDatesWaitOnOneBillForTheImportAndComeIntoForceWhenItIsPaid() throws Exception {
        long unit = createUnit("江岸区总工会", "OTHER", 5);
        LocalDate declared = today.minusDays(5);
        StringBuilder csv = new StringBuilder("姓名,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期\n");
        for (int i = 0; i < 5; i++) {
            csv.append("花名册职工").append(i).append(',').append(idNumber(LocalDate.of(1985, 1, 1 + i), 'M')).append(",1390000000")
                    .append(i).append(",REGULAR,BASIC,1,").append(i < 2 ? declared.toString() : "").append('\n');
        }

        Answer started = upload("demo-admin", "/api/v1/units/" + unit + "/roster-imports", "file", "roster.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long importId = started.json().path("id").asLong();
        JsonNode done = await(importId);

        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("accepted").asInt()).isEqualTo(5);
        List<Map<String, Object>> rows = jdbc.sql("""
                select status, paid_on, coverage_from, bill_id from membership.enrolment where roster_import_id = ? order by roster_row""")
                .param(importId).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("IN_FORCE", "IN_FORCE", "AWAITING_PAYMENT",
                "AWAITING_PAYMENT", "AWAITING_PAYMENT");
        assertThat(rows.subList(2, 5)).allSatisfy(r -> {
            assertThat(r.get("paid_on")).isNull();
            assertThat(r.get("coverage_from")).isNull();
        });
        assertThat(rows.get(0).get("coverage_from").toString()).isEqualTo(declared.plusDays(1).toString());

        JsonNode bills = get("demo-finance", "/api/v1/bills?unitId=" + unit).json();
        assertThat(bills.size()).isEqualTo(2);
        JsonNode paid = find(bills, "DECLARED");
        JsonNode open = find(bills, "AWAITING_PAYMENT");
        assertThat(paid.path("status").asString()).isEqualTo("PAID");
        assertThat(paid.path("lineCount").asInt()).isEqualTo(2);
        assertThat(paid.path("batchKind").asString()).isEqualTo("ROSTER_IMPORT");
        assertThat(paid.path("batchId").asLong()).isEqualTo(importId);
        assertThat(open.path("status").asString()).isEqualTo("OPEN");
        assertThat(open.path("lineCount").asInt()).isEqualTo(3);
        assertThat(open.path("amountDue").asString()).isEqualTo("570.00");   // 3 men × BASIC 190.00
        assertThat(rows.get(2).get("bill_id")).isEqualTo(open.path("id").asLong());

        LocalDate bankDay = today.minusDays(2);
        JsonNode summary = importOk("roster-pay.csv", StatementFiles.csv(List.of(
                Movement.credit(bankDay, "570.00", "花名册缴费 " + open.path("reference").asString(), reference()))));

        assertThat(summary.path("results").get(0).path("status").asString()).isEqualTo("MATCHED");
        List<Map<String, Object>> after = jdbc.sql("""
                select status, paid_on, coverage_from, coverage_to from membership.enrolment where roster_import_id = ? order by roster_row""")
                .param(importId).query().listOfRows();
        assertThat(after).extracting(r -> r.get("status")).containsOnly("IN_FORCE");
        assertThat(after.subList(2, 5)).allSatisfy(r -> {
            assertThat(r.get("paid_on").toString()).isEqualTo(bankDay.toString());
            assertThat(r.get("coverage_from").toString()).isEqualTo(bankDay.plusDays(1).toString());
            assertThat(r.get("coverage_to").toString()).isEqualTo(bankDay.plusDays(1).plusYears(1).minusDays(1).toString());
        });
        assertBalanced();
    }

    private static JsonNode find(JsonNode bills, String settlement) {
        for (JsonNode b : bills) if (b.path("settlement").asString().equals(settlement)) return b;
        throw new AssertionError("no " + settlement + " bill in " + bills);
    }

    private JsonNode await(long importId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode view = get("demo-admin", "/api/v1/roster-imports/" + importId).json();
            if (!view.path("status").asString().equals("RUNNING")) return view;
            assertThat(System.nanoTime()).as("import still running").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
