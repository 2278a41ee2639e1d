package org.huzhu.contributions;

import java.time.LocalDate;
import org.huzhu.shared.Money;

/**
 * A bill (缴费通知单) for one enrolment batch of one unit: what the unit owes (its own part plus
 * the members' part, which it collects), and separately what the union owes as subsidy.
 *
 * <p>Lifecycle of the unit's part: {@code OPEN} (nothing received) → {@code PARTIALLY_PAID} →
 * {@code PAID} (received exactly what is due) or {@code OVERPAID} (paid in full and more; the
 * excess is held in 2242). A bill of a roster import grows chunk by chunk, so a paid bill that
 * grows goes back to {@code PARTIALLY_PAID}. Money received is applied to the unit's receivable
 * first, then the members', and only then counted as excess; the union's receipts go to the union
 * subsidy receivable, their excess likewise to 2242. A bill nothing was paid on may be
 * {@code CANCELLED} (a worker withdrew their own enrolment): nothing is due on it any more.
 */
final class Bill {

    enum Status { OPEN, PARTIALLY_PAID, PAID, OVERPAID, CANCELLED }

    /** Who pays: the unit (its part and its members' part) or the union (its subsidy). */
    enum Part { UNIT, UNION_SUBSIDY }

    /** How a receipt was applied: to which receivable, and what was left over. */
    record Allocation(Money toUnit, Money toMember, Money toUnion, Money excess) {
        Money total() {
            return toUnit.plus(toMember).plus(toUnion).plus(excess);
        }
    }

    final long id;
    final Long unitId;
    final String orgPath;
    private Money unitDue;
    private Money memberDue;
    private Money unionDue;
    private Money unitReceived;
    private Money memberReceived;
    private Money unionReceived;
    private Money excess;
    private Money unionExcess;
    private LocalDate paidOn;
    private LocalDate cancelledOn;

    Bill(long id, Long unitId, String orgPath, Money unitDue, Money memberDue, Money unionDue, Money unitReceived,
         Money memberReceived, Money unionReceived, Money excess, Money unionExcess, LocalDate paidOn) {
        this.id = id;
        this.unitId = unitId;
        this.orgPath = orgPath;
        this.unitDue = unitDue;
        this.memberDue = memberDue;
        this.unionDue = unionDue;
        this.unitReceived = unitReceived;
        this.memberReceived = memberReceived;
        this.unionReceived = unionReceived;
        this.excess = excess;
        this.unionExcess = unionExcess;
        this.paidOn = paidOn;
    }

    static Bill empty(long id, Long unitId, String orgPath) {
        return new Bill(id, unitId, orgPath, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO, null);
    }

    /** As stored: the day it was cancelled, if it was. */
    Bill cancelledOn(LocalDate on) {
        this.cancelledOn = on;
        return this;
    }

    String reference() {
        return BillReference.of(id);
    }

    /** Enrolments added to the bill: more is due, and a bill paid before is paid no longer. */
    void add(Money unit, Money union, Money member) {
        unitDue = unitDue.plus(unit);
        unionDue = unionDue.plus(union);
        memberDue = memberDue.plus(member);
        if (!isPaid()) paidOn = null;
    }

    /** A bill the unit owes nothing on (the union pays everything) counts as paid the day it is issued. */
    void settleIfNothingDue(LocalDate on) {
        if (paidOn == null && isPaid()) paidOn = on;
    }

    /**
     * Applies money received from {@code part} on {@code on}. Returns how it was applied; the bill
     * remembers the day it became paid in full.
     */
    Allocation receive(Part part, Money amount, LocalDate on) {
        if (!amount.isPositive()) throw new IllegalArgumentException("a receipt is positive: " + amount);
        if (part == Part.UNION_SUBSIDY) {
            Money toUnion = amount.min(unionDue.minus(unionReceived));
            unionReceived = unionReceived.plus(toUnion);
            unionExcess = unionExcess.plus(amount.minus(toUnion));
            return new Allocation(Money.ZERO, Money.ZERO, toUnion, amount.minus(toUnion));
        }
        Money toUnit = amount.min(unitDue.minus(unitReceived));
        Money toMember = amount.minus(toUnit).min(memberDue.minus(memberReceived));
        Money over = amount.minus(toUnit).minus(toMember);
        unitReceived = unitReceived.plus(toUnit);
        memberReceived = memberReceived.plus(toMember);
        excess = excess.plus(over);
        if (paidOn == null && isPaid()) paidOn = on;
        return new Allocation(toUnit, toMember, Money.ZERO, over);
    }

    /**
     * Takes back a receipt as it was applied (the reversal of a payment registered in error), then
     * applies money this bill holds as excess to what that leaves owing. Returns what the excess
     * paid; the bill keeps the day it was paid if it is still paid.
     */
    Allocation undo(Part part, Allocation allocation) {
        if (part == Part.UNION_SUBSIDY) {
            unionReceived = unionReceived.minus(allocation.toUnion());
            unionExcess = unionExcess.minus(allocation.excess());
            Money fromExcess = unionExcess.min(unionDue.minus(unionReceived));
            unionReceived = unionReceived.plus(fromExcess);
            unionExcess = unionExcess.minus(fromExcess);
            return new Allocation(Money.ZERO, Money.ZERO, fromExcess, Money.ZERO);
        }
        unitReceived = unitReceived.minus(allocation.toUnit());
        memberReceived = memberReceived.minus(allocation.toMember());
        excess = excess.minus(allocation.excess());
        Money toUnit = excess.min(unitDue.minus(unitReceived));
        Money toMember = excess.minus(toUnit).min(memberDue.minus(memberReceived));
        unitReceived = unitReceived.plus(toUnit);
        memberReceived = memberReceived.plus(toMember);
        excess = excess.minus(toUnit).minus(toMember);
        if (!isPaid()) paidOn = null;
        return new Allocation(toUnit, toMember, Money.ZERO, Money.ZERO);
    }

    /** Whether taking back {@code allocation} would leave a paid bill unpaid, the excess it holds applied first. */
    boolean undoWouldUnpay(Part part, Allocation allocation) {
        if (part == Part.UNION_SUBSIDY || !isPaid()) return false;
        Money reopened = allocation.toUnit().plus(allocation.toMember());
        return excess.minus(allocation.excess()).compareTo(reopened) < 0;
    }

    /** What the unit owes in all: its own part plus its members' part. */
    Money amountDue() {
        return unitDue.plus(memberDue);
    }

    /** What has been applied to the unit's and members' receivables. */
    Money applied() {
        return unitReceived.plus(memberReceived);
    }

    Money outstanding() {
        return amountDue().minus(applied());
    }

    boolean isPaid() {
        return applied().compareTo(amountDue()) == 0;
    }

    /** Withdrawn before anything was paid on it: nothing is due any more. False when money was received. */
    boolean cancel(LocalDate on) {
        if (cancelledOn != null) return true;
        if (applied().isPositive() || paidOn != null) return false;
        cancelledOn = on;
        return true;
    }

    boolean cancelled() {
        return cancelledOn != null;
    }

    LocalDate cancelledOn() {
        return cancelledOn;
    }

    Status status() {
        if (cancelledOn != null) return Status.CANCELLED;
        if (paidOn != null && isPaid()) return excess.isPositive() ? Status.OVERPAID : Status.PAID;
        return applied().isPositive() ? Status.PARTIALLY_PAID : Status.OPEN;
    }

    Money unitDue() {
        return unitDue;
    }

    Money memberDue() {
        return memberDue;
    }

    Money unionDue() {
        return unionDue;
    }

    Money unitReceived() {
        return unitReceived;
    }

    Money memberReceived() {
        return memberReceived;
    }

    Money unionReceived() {
        return unionReceived;
    }

    Money excess() {
        return excess;
    }

    Money unionExcess() {
        return unionExcess;
    }

    LocalDate paidOn() {
        return paidOn;
    }
}
