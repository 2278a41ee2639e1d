package org.huzhu.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.huzhu.contributions.Bill.Part;
import org.huzhu.contributions.Bill.Status;
import org.huzhu.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a bill applies money: the unit's receivable first, then its members', then excess; its
 * status; the day it became paid; the union subsidy apart. Amounts worked out by hand.
 */
class BillTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    /** A bill of unit 170.00 + members 20.00 (the unit collects both) and union subsidy 20.00. */
    private static Bill bill() {
        Bill bill = Bill.empty(7, 1L, "/1/2/3/u1/");
        bill.add(Money.of("170.00"), Money.of("20.00"), Money.of("20.00"));
        return bill;
    }

    @ParameterizedTest(name = "{0} paid → {1}: unit {2}, members {3}, excess {4}, outstanding {5}")
    @CsvSource({
            "190.00, PAID,           170.00, 20.00,  0.00,   0.00",
            "100.00, PARTIALLY_PAID, 100.00,  0.00,  0.00,  90.00",
            "175.00, PARTIALLY_PAID, 170.00,  5.00,  0.00,  15.00",
            "200.50, OVERPAID,       170.00, 20.00, 10.50,   0.00",
            "  0.01, PARTIALLY_PAID,   0.01,  0.00,  0.00, 189.99"})
    void appliesAReceiptToTheUnitThenTheMembersThenAsExcess(String paid, Status status, String unit, String members, String excess,
                                                            String outstanding) {
        Bill bill = bill();

        Bill.Allocation a = bill.receive(Part.UNIT, Money.of(paid), MONDAY);

        assertThat(bill.status()).isEqualTo(status);
        assertThat(a.toUnit()).isEqualTo(Money.of(unit));
        assertThat(a.toMember()).isEqualTo(Money.of(members));
        assertThat(a.toUnion()).isEqualTo(Money.ZERO);
        assertThat(a.excess()).isEqualTo(Money.of(excess));
        assertThat(a.total()).isEqualTo(Money.of(paid));
        assertThat(bill.outstanding()).isEqualTo(Money.of(outstanding));
        assertThat(bill.paidOn()).isEqualTo(status == Status.PARTIALLY_PAID ? null : MONDAY);
    }

    @Test
    void aBillIsOpenUntilMoneyArrivesAndPaidTheDayTheLastPartArrives() {
        Bill bill = bill();
        assertThat(bill.status()).isEqualTo(Status.OPEN);

        bill.receive(Part.UNIT, Money.of("90.00"), MONDAY);
        bill.receive(Part.UNIT, Money.of("100.00"), MONDAY.plusDays(3));

        assertThat(bill.status()).isEqualTo(Status.PAID);
        assertThat(bill.paidOn()).isEqualTo(MONDAY.plusDays(3));
        Bill.Allocation after = bill.receive(Part.UNIT, Money.of("5.00"), MONDAY.plusDays(9));
        assertThat(after.excess()).isEqualTo(Money.of("5.00"));
        assertThat(bill.status()).isEqualTo(Status.OVERPAID);
        assertThat(bill.paidOn()).as("paid the day it was first paid in full").isEqualTo(MONDAY.plusDays(3));
    }

    @Test
    void theUnionSubsidyIsReceivedApartAndDoesNotPayTheUnitsBill() {
        Bill bill = bill();

        Bill.Allocation a = bill.receive(Part.UNION_SUBSIDY, Money.of("25.00"), MONDAY);

        assertThat(a.toUnion()).isEqualTo(Money.of("20.00"));
        assertThat(a.excess()).isEqualTo(Money.of("5.00"));
        assertThat(bill.unionReceived()).isEqualTo(Money.of("20.00"));
        assertThat(bill.unionExcess()).isEqualTo(Money.of("5.00"));
        assertThat(bill.status()).isEqualTo(Status.OPEN);
        assertThat(bill.paidOn()).isNull();
    }

    @Test
    void aPaidBillThatGrowsIsPartlyPaidAgainAndPaidWhenTheRestArrives() {
        Bill bill = bill();
        bill.receive(Part.UNIT, Money.of("190.00"), MONDAY);

        bill.add(Money.of("95.00"), Money.of("95.00"), Money.ZERO);

        assertThat(bill.status()).isEqualTo(Status.PARTIALLY_PAID);
        assertThat(bill.paidOn()).isNull();
        assertThat(bill.outstanding()).isEqualTo(Money.of("95.00"));
        bill.receive(Part.UNIT, Money.of("95.00"), MONDAY.plusDays(1));
        assertThat(bill.status()).isEqualTo(Status.PAID);
        assertThat(bill.paidOn()).isEqualTo(MONDAY.plusDays(1));
    }

    @Test
    void aBillTheUnitOwesNothingOnIsPaidTheDayItIsIssued() {
        Bill bill = Bill.empty(8, 1L, "/1/");
        bill.add(Money.ZERO, Money.of("12.00"), Money.ZERO);

        bill.settleIfNothingDue(MONDAY);

        assertThat(bill.status()).isEqualTo(Status.PAID);
        assertThat(bill.paidOn()).isEqualTo(MONDAY);
        assertThat(bill.unionDue()).isEqualTo(Money.of("12.00"));
    }

    @Test
    void undoingAReceiptTakesBackExactlyWhatItApplied() {
        Bill bill = bill();
        Bill.Allocation first = bill.receive(Part.UNIT, Money.of("100.00"), MONDAY);
        Bill.Allocation second = bill.receive(Part.UNIT, Money.of("100.00"), MONDAY);
        assertThat(bill.status()).isEqualTo(Status.OVERPAID);

        assertThat(bill.undoWouldUnpay(Part.UNIT, second)).as("second brought the members' part").isTrue();
        assertThat(bill.undoWouldUnpay(Part.UNIT, new Bill.Allocation(Money.ZERO, Money.ZERO, Money.ZERO, Money.of("10.00")))).isFalse();
        bill.undo(Part.UNIT, second);

        assertThat(bill.status()).isEqualTo(Status.PARTIALLY_PAID);
        assertThat(bill.applied()).isEqualTo(Money.of("100.00"));
        assertThat(bill.excess()).isEqualTo(Money.ZERO);
        assertThat(bill.paidOn()).isNull();
        assertThat(first.toUnit()).isEqualTo(Money.of("100.00"));
    }

    @Test
    void afterAReversalTheExcessTheBillHoldsPaysWhatIsOwedAgain() {
        Bill bill = bill();
        Bill.Allocation byHand = bill.receive(Part.UNIT, Money.of("190.00"), MONDAY);
        bill.receive(Part.UNIT, Money.of("190.00"), MONDAY.plusDays(2));   // the same money, assigned from the statement
        assertThat(bill.excess()).isEqualTo(Money.of("190.00"));

        assertThat(bill.undoWouldUnpay(Part.UNIT, byHand)).isFalse();
        Bill.Allocation fromExcess = bill.undo(Part.UNIT, byHand);

        assertThat(fromExcess.toUnit()).isEqualTo(Money.of("170.00"));
        assertThat(fromExcess.toMember()).isEqualTo(Money.of("20.00"));
        assertThat(bill.status()).isEqualTo(Status.PAID);
        assertThat(bill.excess()).isEqualTo(Money.ZERO);
        assertThat(bill.paidOn()).isEqualTo(MONDAY);
    }

    @Test
    void refusesANonPositiveReceipt() {
        assertThatThrownBy(() -> bill().receive(Part.UNIT, Money.ZERO, MONDAY)).isInstanceOf(IllegalArgumentException.class);
    }
}
