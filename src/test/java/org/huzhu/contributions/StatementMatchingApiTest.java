package org.huzhu.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huzhu.banking.statement.StatementFiles;
import org.huzhu.banking.statement.StatementFiles.Movement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Bank statements over HTTP: credits matched to bills by reference and amount (exact, partial,
 * over, unknown or missing reference), statements imported twice, two lines for one bill, money
 * declared or registered before the bank's word confirmed rather than booked again, unmatched
 * money assigned by hand, and bad files refused whole, naming the line.
 */
class StatementMatchingApiTest extends MoneyApiTest {

    /** A fresh unit's enrolment awaiting payment: a bill of exactly 100.00 (HOSPITAL, one share, the unit pays all). */
    private JsonNode awaitingHundred() {
        long unit = createUnit("武昌区总工会", "OTHER");
        JsonNode e = enrol(unit, member(unit), null, "HOSPITAL:1");
        assertThat(bill(e.path("billId").asLong()).path("amountDue").asString()).isEqualTo("100.00");
        return e;
    }

    @ParameterizedTest(name = "{0}: {1} with “{2}” → line {3}, bill {4}")
    @CsvSource(delimiter = '|', textBlock = """
            exact              | 100.00 | 互助金 HZB-{bill}        | MATCHED   | PAID           | 0.00   | 0.00  | 0.00   | IN_FORCE
            full-width         | 100.00 | 缴费ＨＺＢ－{bill}         | MATCHED   | PAID           | 0.00   | 0.00  | 0.00   | IN_FORCE
            partial            | 60.00  | HZB-{bill}               | PARTIAL   | PARTIALLY_PAID | 40.00  | 0.00  | 0.00   | AWAITING_PAYMENT
            over               | 130.00 | HZB {bill} 互助金         | OVERPAID  | OVERPAID       | 0.00   | 30.00 | 0.00   | IN_FORCE
            unknown reference  | 100.00 | HZB-987654321            | UNMATCHED | OPEN           | 100.00 | 0.00  | 100.00 | AWAITING_PAYMENT
            missing reference  | 100.00 | 互助金缴费                | UNMATCHED | OPEN           | 100.00 | 0.00  | 100.00 | AWAITING_PAYMENT
            two bills named    | 100.00 | HZB-{bill} HZB-987654321 | UNMATCHED | OPEN           | 100.00 | 0.00  | 100.00 | AWAITING_PAYMENT
            """)
    void matchesACreditByTheBillReferenceAndAmount(String label, String amount, String remittance, String lineStatus, String billStatus,
                                                   String outstanding, String toAdvance, String toSuspense, String enrolmentStatus) {
        JsonNode e = awaitingHundred();
        long billId = e.path("billId").asLong();
        LocalDate day = today.minusDays(2);
        String text = remittance.replace("{bill}", label.equals("full-width") ? fullWidth(billId) : String.valueOf(billId));
        BigDecimal bank = net("1002");
        BigDecimal advance = net("2242");
        BigDecimal suspense = net("2241");

        JsonNode summary = importOk("对账单.csv", StatementFiles.csv(List.of(Movement.credit(day, amount, text, reference()))));

        assertThat(summary.path("newLines").asInt()).isEqualTo(1);
        JsonNode line = summary.path("results").get(0);
        assertThat(line.path("status").asString()).isEqualTo(lineStatus);
        assertThat(line.path("note").asString()).matches("(?s).*\\p{IsHan}.*");
        JsonNode bill = bill(billId);
        assertThat(bill.path("status").asString()).isEqualTo(billStatus);
        assertThat(bill.path("outstanding").asString()).isEqualTo(outstanding);
        assertThat(bill.path("excess").asString()).isEqualTo(toAdvance);
        assertThat(net("1002").subtract(bank)).as("the bank account takes the money once").isEqualByComparingTo(amount);
        assertThat(advance.subtract(net("2242"))).as("credited to 2242").isEqualByComparingTo(toAdvance);
        assertThat(suspense.subtract(net("2241"))).as("credited to 2241").isEqualByComparingTo(toSuspense);
        JsonNode enrolment = enrolment(e.path("id").asLong());
        assertThat(enrolment.path("status").asString()).isEqualTo(enrolmentStatus);
        if (enrolmentStatus.equals("IN_FORCE")) {
            assertThat(enrolment.path("paidOn").asString()).isEqualTo(day.toString());
            assertThat(dates(enrolment.path("coverages"), "from")).containsExactly(day.plusDays(1).toString());
        }
        if (lineStatus.equals("UNMATCHED")) {
            Answer listed = get("demo-finance", "/api/v1/bank-statement-lines?status=UNMATCHED&limit=1000");
            assertThat(listed.json().findValuesAsString("id")).contains(line.path("lineId").asString());
        }
        assertBalanced();
    }

    @Test
    void theSameStatementImportedTwiceAddsNothing() {
        JsonNode e = awaitingHundred();
        long billId = e.path("billId").asLong();
        byte[] camt = StatementFiles.camt053("MSG-" + reference(), List.of(
                Movement.credit(today.minusDays(1), "100.00", "HZB-" + billId, reference()),
                Movement.credit(today.minusDays(1), "25.00", "无附言", reference())));
        JsonNode first = importOk("camt053.xml", camt);
        BigDecimal bank = net("1002");
        String billAfterFirst = bill(billId).toString();

        JsonNode second = importOk("camt053.xml", camt);

        assertThat(first.path("format").asString()).isEqualTo("CAMT053");
        assertThat(first.path("newLines").asInt()).isEqualTo(2);
        assertThat(first.path("matched").asInt()).isEqualTo(1);
        assertThat(first.path("unmatched").asInt()).isEqualTo(1);
        assertThat(second.path("lines").asInt()).isEqualTo(2);
        assertThat(second.path("newLines").asInt()).isZero();
        assertThat(second.path("duplicates").asInt()).isEqualTo(2);
        assertThat(second.path("results").size()).isZero();
        assertThat(net("1002")).isEqualByComparingTo(bank);
        assertThat(bill(billId).toString()).isEqualTo(billAfterFirst);
        assertThat(bill(billId).path("payments").size()).isEqualTo(1);
        JsonNode imports = get("demo-finance", "/api/v1/bank-statements").json();
        assertThat(imports.findValuesAsString("id")).contains(first.path("statementId").asString(), second.path("statementId").asString());
        JsonNode stored = get("demo-finance", "/api/v1/bank-statements/" + first.path("statementId").asLong() + "/lines").json();
        assertThat(stored.findValuesAsString("status")).containsExactly("MATCHED", "UNMATCHED");
        assertThat(get("demo-finance", "/api/v1/bank-statements/" + second.path("statementId").asLong() + "/lines").json().size()).isZero();
    }

    @Test
    void twoLinesForOneBillPayItInTwoStepsAndCoverRunsFromTheSecond() {
        JsonNode e = awaitingHundred();
        long billId = e.path("billId").asLong();
        LocalDate first = today.minusDays(6);
        LocalDate second = today.minusDays(3);

        JsonNode summary = importOk("两笔.csv", StatementFiles.csv(List.of(
                Movement.credit(first, "60.00", "HZB-" + billId + " 第一笔", reference()),
                Movement.credit(second, "40.00", "HZB-" + billId + " 第二笔", reference()))));

        assertThat(summary.path("results").findValuesAsString("status")).containsExactly("PARTIAL", "MATCHED");
        JsonNode bill = bill(billId);
        assertThat(bill.path("status").asString()).isEqualTo("PAID");
        assertThat(bill.path("paidOn").asString()).isEqualTo(second.toString());
        assertThat(bill.path("payments").findValuesAsString("source")).containsExactly("STATEMENT", "STATEMENT");
        assertThat(dates(enrolment(e.path("id").asLong()).path("coverages"), "from")).containsExactly(second.plusDays(1).toString());
    }

    @Test
    void aLineForADeclaredPaymentConfirmsItAndBooksNothingAgain() {
        long unit = createUnit("洪山区总工会", "OTHER");
        LocalDate declared = today.minusDays(20);
        JsonNode e = enrol(unit, member(unit), declared, "HOSPITAL:1");
        long billId = e.path("billId").asLong();
        BigDecimal bank = net("1002");

        JsonNode summary = importOk("确认.csv", StatementFiles.csv(List.of(Movement.credit(today.minusDays(18), "100.00",
                "HZB-" + billId, reference()))));

        assertThat(summary.path("confirmed").asInt()).isEqualTo(1);
        assertThat(summary.path("results").get(0).path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(net("1002")).as("money declared is not booked twice").isEqualByComparingTo(bank);
        JsonNode payment = bill(billId).path("payments").get(0);
        assertThat(payment.path("source").asString()).isEqualTo("DECLARED");
        assertThat(payment.path("bankConfirmed").asString()).isEqualTo("100.00");
        assertThat(payment.path("awaitingBankConfirmation").asBoolean()).isFalse();
        assertThat(bill(billId).path("status").asString()).isEqualTo("PAID");
    }

    @Test
    void aLineAboveTheMoneyRegisteredByHandConfirmsItAndBooksOnlyTheRest() {
        JsonNode e = awaitingHundred();
        long billId = e.path("billId").asLong();
        payOk(billId, "70.00", today.minusDays(4));
        BigDecimal bank = net("1002");

        JsonNode summary = importOk("部分确认.csv", StatementFiles.csv(List.of(Movement.credit(today.minusDays(3), "100.00",
                "HZB-" + billId, reference()))));

        assertThat(summary.path("results").get(0).path("status").asString()).isEqualTo("MATCHED");
        assertThat(summary.path("results").get(0).path("note").asString()).contains("70.00");
        assertThat(net("1002").subtract(bank)).isEqualByComparingTo("30.00");
        JsonNode bill = bill(billId);
        assertThat(bill.path("status").asString()).isEqualTo("PAID");
        assertThat(bill.path("payments").findValuesAsString("amount")).containsExactly("70.00", "30.00");
        assertThat(bill.path("payments").get(0).path("bankConfirmed").asString()).isEqualTo("70.00");
    }

    @Test
    void financeAssignsUnmatchedMoneyToABillOnceAndItsEnrolmentsComeIntoForce() {
        JsonNode e = awaitingHundred();
        long billId = e.path("billId").asLong();
        LocalDate day = today.minusDays(1);
        JsonNode line = importOk("未匹配.csv", StatementFiles.csv(List.of(Movement.credit(day, "100.00", "武昌某单位互助金", reference()))))
                .path("results").get(0);
        long lineId = line.path("lineId").asLong();
        assertThat(line.path("status").asString()).isEqualTo("UNMATCHED");
        BigDecimal bank = net("1002");
        BigDecimal suspense = net("2241");

        Answer assigned = post("demo-finance", "/api/v1/bank-statement-lines/" + lineId + "/assignment", "{\"billId\":" + billId + "}");
        Answer again = post("demo-finance", "/api/v1/bank-statement-lines/" + lineId + "/assignment", "{\"billId\":" + billId + "}");
        JsonNode other = awaitingHundred();
        Answer elsewhere = post("demo-finance", "/api/v1/bank-statement-lines/" + lineId + "/assignment",
                "{\"billId\":" + other.path("billId").asLong() + "}");

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        assertThat(assigned.json().path("bill").path("status").asString()).isEqualTo("PAID");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        assertProblem(elsewhere, 409);
        assertThat(net("1002")).as("the money was on the account already").isEqualByComparingTo(bank);
        assertThat(net("2241").subtract(suspense)).isEqualByComparingTo("100.00");
        assertThat(get("demo-finance", "/api/v1/bank-statement-lines/" + lineId).json().path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(enrolment(e.path("id").asLong()).path("paidOn").asString()).isEqualTo(day.toString());
        assertThat(bill(other.path("billId").asLong()).path("status").asString()).isEqualTo("OPEN");
        assertBalanced();
    }

    @Test
    void aGbkCsvIsReadAndADebitIsStoredForThePayoutsSide() {
        JsonNode e = awaitingHundred();
        long billId = e.path("billId").asLong();
        String csv = "交易日期,金额,对方户名,对方账号,摘要/附言,银行流水号\n"
                + today + ",100.00,武汉市某某有限公司,420100000001,互助金缴费 ＨＺＢ－" + fullWidth(billId) + "," + reference() + "\n"
                + today + ",-480.00,张三,6222020000000001,HZ-1-1 互助金给付," + reference() + "\n";

        JsonNode summary = importOk("gbk.csv", csv.getBytes(Charset.forName("GBK")));

        assertThat(summary.path("credits").asInt()).isEqualTo(1);
        assertThat(summary.path("debits").asInt()).isEqualTo(1);
        assertThat(summary.path("results").findValuesAsString("status")).containsExactly("MATCHED", "DEBIT");
        assertThat(bill(billId).path("status").asString()).isEqualTo("PAID");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a bad amount on line 3      | 交易日期,金额,对方户名,对方账号,摘要/附言,银行流水号\\n{d},100.00,A,1,HZB-1,{r1}\\n{d},12.345,A,1,HZB-1,{r2}\\n | 第 3 行
            a missing column            | 交易日期,对方户名,银行流水号\\n{d},A,{r1}\\n                                                             | 缺少列：金额
            broken xml                  | <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">\\n<BkToCstmrStmt>\\n<Stmt>\\n          | XML 格式错误
            """)
    void refusesABadFileWholeNamingWhereItIsWrong(String label, String content, String message) {
        String r1 = reference();
        String text = content.replace("\\n", "\n").replace("{d}", today.toString()).replace("{r1}", r1).replace("{r2}", reference());

        Answer answer = importStatement("bad.csv", text.getBytes(StandardCharsets.UTF_8));

        assertProblem(answer, 422);
        assertThat(answer.field("detail")).contains(message);
        assertThat(jdbc.sql("select count(*) from banking.statement_line where bank_reference = ?").param(r1).query(Long.class).single())
                .as("nothing half-written").isZero();
    }

    @Test
    void refusesAnEmptyFileAMissingFileAndOtherRoles() {
        assertProblem(importStatement("empty.csv", new byte[0]), 422);
        byte[] csv = StatementFiles.csv(List.of(Movement.credit(today, "1.00", "x", reference())));
        Answer noFilePart = upload("demo-finance", "/api/v1/bank-statements", "document", "s.csv", csv);
        assertProblem(noFilePart, 400);
        assertThat(fields(noFilePart)).containsExactly("file");
        assertProblem(upload("demo-wuhan", "/api/v1/bank-statements", "file", "s.csv", csv), 403);
        assertProblem(upload("demo-unit", "/api/v1/bank-statements", "file", "s.csv", csv), 403);
        assertProblem(get("demo-wuhan", "/api/v1/bank-statement-lines"), 403);
        assertProblem(post("demo-wuhan", "/api/v1/bank-statement-lines/1/assignment", JSON.writeValueAsString(Map.of("billId", 1))), 403);
    }

    private static String fullWidth(long number) {
        StringBuilder s = new StringBuilder();
        for (char c : String.valueOf(number).toCharArray()) s.append((char) ('０' + (c - '0')));
        return s.toString();
    }
}
