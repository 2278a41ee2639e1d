package org.huzhu.banking.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.huzhu.banking.reconciliation.BankMovement.Confirmation;
import org.huzhu.banking.reconciliation.Reconciler.Difference;
import org.huzhu.banking.statement.LineStatus;
import org.huzhu.banking.statement.StatementLine;
import org.huzhu.shared.Money;
import org.junit.jupiter.api.Test;

/** One day's comparison of statement, books and ledger 1002: each kind of difference, and a clean day with none. */
class ReconcilerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private static StatementLine credit(long id, String amount, String remittance) {
        return new StatementLine(id, 1, "A", DAY, DAY, true, Money.of(amount), "CNY", "单位", "1", remittance, null, "B" + id,
                LineStatus.MATCHED, null, null);
    }

    private static StatementLine debit(long id, String amount, String endToEnd) {
        return new StatementLine(id, 1, "A", DAY, DAY, false, Money.of(amount), "CNY", "职工", "2", "互助金给付", endToEnd, "B" + id,
                LineStatus.DEBIT, null, null);
    }

    private static BankMovement movement(String kind, String reference, String amount, LocalDate on, Confirmation... by) {
        return new BankMovement(kind, reference, Money.of(amount), on, kind, List.of(by));
    }

    private static Confirmation by(long line, String amount) {
        return new Confirmation(line, Money.of(amount));
    }

    private static Reconciler.Result compare(List<StatementLine> lines, List<BankMovement> movements, String ledger) {
        return Reconciler.compare(DAY, lines, movements, Money.of(ledger), id -> Optional.of(DAY.plusDays(2)));
    }

    private static List<DifferenceKind> kinds(Reconciler.Result result) {
        return result.differences().stream().map(Difference::kind).toList();
    }

    @Test
    void aDayWhereStatementBooksAndLedgerAgreeHasNoDifference() {
        var result = compare(
                List.of(credit(1, "190.00", "HZB-1"), credit(2, "100.00", "HZB-2"), debit(3, "480.00", "HZ-7-1")),
                List.of(movement("CONTRIBUTION_STATEMENT", "HZB-1", "190.00", DAY, by(1, "190.00")),
                        movement("CONTRIBUTION_HAND", "HZB-2", "60.00", DAY, by(2, "60.00")),
                        movement("CONTRIBUTION_STATEMENT", "HZB-2", "40.00", DAY, by(2, "40.00")),
                        movement("PAYOUT_SETTLED", "HZ-7-1", "-480.00", DAY)),
                "-190.00");

        assertThat(result.differences()).isEmpty();
        assertThat(result.statementTotal()).isEqualTo(Money.of("-190.00"));
        assertThat(result.booksTotal()).isEqualTo(Money.of("-190.00"));
    }

    @Test
    void aLineNoBookKnowsIsOnTheStatementButNotInTheBooks() {
        var result = compare(List.of(debit(5, "300.00", "HZ-99-1")), List.of(), "0.00");

        assertThat(kinds(result)).containsExactly(DifferenceKind.ON_STATEMENT_NOT_IN_BOOKS, DifferenceKind.DAY_TOTAL_DIFFERS);
        Difference d = result.differences().getFirst();
        assertThat(d.statementLineId()).isEqualTo(5L);
        assertThat(d.statementAmount()).isEqualTo(Money.of("-300.00"));
        assertThat(d.message()).contains("#5").contains("支出 300.00 元").contains("账面没有对应记录");
    }

    @Test
    void aDeclaredPaymentTheBankHasNotShownIsInTheBooksButNotOnTheStatement() {
        var result = compare(List.of(),
                List.of(movement("CONTRIBUTION_DECLARED", "HZB-8", "215.00", DAY),
                        movement("CONTRIBUTION_HAND", "HZB-9", "100.00", DAY, by(77, "40.00"))),
                "315.00");

        assertThat(kinds(result)).containsExactly(DifferenceKind.IN_BOOKS_NOT_ON_STATEMENT, DifferenceKind.IN_BOOKS_NOT_ON_STATEMENT,
                DifferenceKind.DATE_DIFFERS, DifferenceKind.DAY_TOTAL_DIFFERS);
        assertThat(result.differences()).filteredOn(d -> d.kind() == DifferenceKind.IN_BOOKS_NOT_ON_STATEMENT)
                .extracting(Difference::reference, Difference::booksAmount)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("HZB-8", Money.of("215.00")),
                        org.assertj.core.groups.Tuple.tuple("HZB-9", Money.of("60.00")));
        assertThat(result.differences()).filteredOn(d -> d.kind() == DifferenceKind.DATE_DIFFERS).first()
                .satisfies(d -> assertThat(d.message()).contains("银行于 " + DAY.plusDays(2) + " 入账"));
    }

    @Test
    void aPayoutSettledForAnotherAmountThanTheBankPaidIsAnAmountDifference() {
        var result = compare(List.of(debit(4, "470.00", "HZ-7-1")), List.of(movement("PAYOUT_SETTLED", "HZ-7-1", "-480.00", DAY)),
                "-480.00");

        assertThat(kinds(result)).containsExactly(DifferenceKind.AMOUNT_DIFFERS, DifferenceKind.DAY_TOTAL_DIFFERS);
        assertThat(result.differences().getFirst().statementAmount()).isEqualTo(Money.of("-470.00"));
        assertThat(result.differences().getFirst().booksAmount()).isEqualTo(Money.of("-480.00"));
    }

    @Test
    void aLineStandingForMoneyBookedOnAnotherDayIsATimingDifference() {
        var result = compare(List.of(credit(6, "215.00", "HZB-3")),
                List.of(movement("CONTRIBUTION_DECLARED", "HZB-3", "215.00", DAY.minusDays(3), by(6, "215.00"))),
                "0.00");

        assertThat(kinds(result)).containsExactly(DifferenceKind.DATE_DIFFERS, DifferenceKind.DAY_TOTAL_DIFFERS);
        assertThat(result.differences().getFirst().message()).contains("账面已于 " + DAY.minusDays(3));
        assertThat(result.booksTotal()).as("books of other days do not count in today's total").isEqualTo(Money.ZERO);
    }

    @Test
    void aReceiptWaitingInSuspenseIsListedForFinance() {
        var result = compare(List.of(credit(9, "50.00", "无附言")),
                List.of(movement(BankMovement.UNMATCHED_RECEIPT, "B9", "50.00", DAY, by(9, "50.00"))), "50.00");

        assertThat(kinds(result)).containsExactly(DifferenceKind.UNASSIGNED_RECEIPT);
        assertThat(result.differences().getFirst().message()).contains("2241");
    }

    @Test
    void aLineWhoseBookedPartsDoNotAddUpIsAnAmountDifference() {
        var result = compare(List.of(credit(10, "100.00", "HZB-4")),
                List.of(movement("CONTRIBUTION_STATEMENT", "HZB-4", "90.00", DAY, by(10, "90.00"))), "90.00");

        assertThat(kinds(result)).containsExactly(DifferenceKind.AMOUNT_DIFFERS, DifferenceKind.DAY_TOTAL_DIFFERS);
    }

    @Test
    void ledgerPostingsToTheBankThatNoBookKnowsMakeTheTotalsDiffer() {
        var result = compare(List.of(credit(11, "10.00", "HZB-5")),
                List.of(movement("CONTRIBUTION_STATEMENT", "HZB-5", "10.00", DAY, by(11, "10.00"))), "25.00");

        assertThat(kinds(result)).containsExactly(DifferenceKind.DAY_TOTAL_DIFFERS, DifferenceKind.DAY_TOTAL_DIFFERS);
        assertThat(result.differences()).extracting(Difference::message)
                .anySatisfy(m -> assertThat(m).contains("相差 -15.00 元"))
                .anySatisfy(m -> assertThat(m).contains("未经业务模块登记"));
    }

    @Test
    void aReferenceMatchesOnlyAsAWholeWord() {
        assertThat(Reconciler.names(debit(1, "1.00", null), "B1")).isTrue();
        StatementLine line = new StatementLine(2, 1, "A", DAY, DAY, false, Money.of("1.00"), "CNY", null, null, "给付 HZ-12-10", null, "X",
                LineStatus.DEBIT, null, null);
        assertThat(Reconciler.names(line, "HZ-12-1")).isFalse();
        assertThat(Reconciler.names(line, "HZ-12-10")).isTrue();
    }
}
