package org.huzhu.contributions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.ledger.ChartOfAccounts;
import org.huzhu.ledger.JournalEntry;
import org.huzhu.ledger.JournalEntry.Line;
import org.huzhu.ledger.Ledger;
import org.huzhu.shared.Money;
import org.huzhu.shared.web.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a cancellation (退保) does to its bill, in the caller's transaction (membership's {@code Cancellations}):
 * <ul>
 *   <li>a line of a bill nothing was paid on leaves it: the bill owes that much less, and a bill left owing nothing is
 *       cancelled. No money moves (the receivable billed for it is reversed by membership).</li>
 *   <li>a line of a paid bill is refunded: the refund is booked at approval as the reversal of the contribution's income,
 *       Dr 4001 Cr 2204 应付退费 for what goes back to the payer (paid by the payouts' rails: 2204 → 2203 → 1002), and
 *       Cr 1122.02 for the union subsidy's part, which goes back to the union's budget, not to the payer — the bill's
 *       union subsidy due is lowered by it, and what the union already paid above that is held for it in 2242.</li>
 * </ul>
 */
@Service
public class BillCancellations {

    /** The bill after a line left it: its status and what it still asks of the unit. */
    public record BillAfter(long billId, String reference, String status, Money amountDue, boolean cancelled) {
    }

    /** A refund to book: who it is for, how much goes back to the payer and to the union's subsidy budget. */
    public record Refund(long billId, String key, String sourceType, String sourceId, String description, LocalDate valueDate,
                         Money toPayer, Money toSubsidy) {
    }

    private final BillRepository bills;
    private final Ledger ledger;
    private final Clock clock;

    BillCancellations(BillRepository bills, Ledger ledger, Clock clock) {
        this.bills = bills;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Whether nothing has been received on the bill's unit part (the bill is still to be paid in full). */
    @Transactional(readOnly = true)
    public boolean unpaid(long billId) {
        Bill bill = bills.find(billId).orElseThrow(() -> new IllegalArgumentException("no bill " + billId)).bill();
        return !bill.applied().isPositive() && bill.paidOn() == null;
    }

    /**
     * Takes a line off a bill nothing was paid on: the unit owes {@code unit + member} less and the union {@code union} less;
     * a bill then owing nothing is cancelled. 409 once money was received on it (its lines are then refunded, not removed).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public BillAfter removeUnpaidLine(long billId, Money unit, Money union, Money member) {
        Bill bill = bills.lock(billId).orElseThrow(() -> new IllegalArgumentException("no bill " + billId)).bill();
        if (bill.cancelled()) throw new ConflictException("billId", "缴费单 " + bill.reference() + " 已撤销");
        if (bill.applied().isPositive() || bill.paidOn() != null) {
            throw new ConflictException("billId", "缴费单 " + bill.reference() + " 已有到账，不能直接核减：请待缴清后办理退保退费");
        }
        bill.add(Money.ZERO.minus(unit), Money.ZERO.minus(union), Money.ZERO.minus(member));
        Money surplus = unionSurplus(bill);
        if (surplus.isPositive()) {
            ledger.post(new JournalEntry("bill:" + billId + ":union-surplus:" + bill.unionDue(), PaymentBooking.SOURCE_BILL,
                    bill.reference(), "退保核减工会补贴，已到账的补贴转为预收（缴费单 " + bill.reference() + "）", LocalDate.now(clock),
                    bill.orgPath, List.of(Line.debit(ChartOfAccounts.RECEIVABLE_UNION_SUBSIDY, surplus),
                    Line.credit(ChartOfAccounts.CONTRIBUTIONS_RECEIVED_IN_ADVANCE, surplus))));
        }
        if (bill.amountDue().isZero() && bill.unionDue().isZero()) bill.cancel(LocalDate.now(clock));
        bills.save(bill, -1);
        return new BillAfter(bill.id, bill.reference(), bill.status().name(), bill.amountDue(), bill.cancelled());
    }

    /**
     * Books an approved refund of a paid line (see the class comment); booking the same key again books nothing.
     * Returns the journal's id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long bookRefund(Refund refund) {
        Bill bill = bills.lock(refund.billId()).orElseThrow(() -> new IllegalArgumentException("no bill " + refund.billId())).bill();
        Money surplus = Money.ZERO;
        boolean bookedBefore = ledger.isBooked(refund.key());   // then the bill was lowered before too: the post answers the earlier id
        if (refund.toSubsidy().isPositive() && !bookedBefore) {
            bill.add(Money.ZERO, Money.ZERO.minus(refund.toSubsidy()), Money.ZERO);
            surplus = unionSurplus(bill);
            bills.save(bill, 0);
        }
        List<Line> lines = new ArrayList<>();
        lines.add(Line.debit(ChartOfAccounts.CONTRIBUTION_INCOME, refund.toPayer().plus(refund.toSubsidy())));
        lines.add(Line.credit(ChartOfAccounts.REFUNDS_PAYABLE, refund.toPayer()));
        lines.add(Line.credit(ChartOfAccounts.RECEIVABLE_UNION_SUBSIDY, refund.toSubsidy().minus(surplus)));
        lines.add(Line.credit(ChartOfAccounts.CONTRIBUTIONS_RECEIVED_IN_ADVANCE, surplus));
        return ledger.post(new JournalEntry(refund.key(), refund.sourceType(), refund.sourceId(), refund.description(),
                refund.valueDate(), bill.orgPath, lines));
    }

    /**
     * When the union's subsidy due was lowered below what the union already paid, moves the difference from the
     * union's received money to its excess on the bill (held for the union in 2242) and returns it.
     */
    private static Money unionSurplus(Bill bill) {
        Money surplus = bill.unionReceived().minus(bill.unionDue());
        if (!surplus.isPositive()) return Money.ZERO;
        // take the surplus back from what was applied, then receive it again: with nothing due it is held as the union's excess
        bill.undo(Bill.Part.UNION_SUBSIDY, new Bill.Allocation(Money.ZERO, Money.ZERO, surplus, Money.ZERO));
        bill.receive(Bill.Part.UNION_SUBSIDY, surplus, bill.paidOn() == null ? LocalDate.EPOCH : bill.paidOn());
        return surplus;
    }
}
