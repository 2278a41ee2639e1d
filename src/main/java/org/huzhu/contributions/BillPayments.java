package org.huzhu.contributions;

import java.time.Clock;
import java.time.LocalDate;
import org.huzhu.ledger.ChartOfAccounts;
import org.huzhu.ledger.Ledger;
import org.huzhu.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies one receipt to a locked bill: allocation, journal, payment row and the bill's new state
 * together; publishes {@link BillPaid} when the receipt completes the bill. Every path that brings
 * money to a bill (by hand, declared, matched, assigned, paid online) goes through here.
 */
@Component
class BillPayments {

    enum Source { HAND, STATEMENT, DECLARED, ONLINE }

    private final BillRepository bills;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BillPayments(BillRepository bills, Ledger ledger, ApplicationEventPublisher events, Clock clock) {
        this.bills = bills;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** Where the money comes from and under which key and source document it is booked. */
    record Receipt(Bill.Part part, Source source, Money amount, LocalDate paidOn, String reference, Long statementLineId,
                   boolean fromUnmatched, String journalKey, String sourceType, String sourceId, String by) {
    }

    record Applied(long paymentId, Bill.Allocation allocation) {
    }

    Applied apply(Bill bill, Receipt r) {
        boolean wasPaid = bill.paidOn() != null;
        Bill.Allocation allocation = bill.receive(r.part(), r.amount(), r.paidOn());
        String what = switch (r.source()) {
            case HAND -> "财务登记";
            case STATEMENT -> r.fromUnmatched() ? "待清分收款认领" : "银行流水匹配";
            case DECLARED -> "单位申报已缴";
            case ONLINE -> "在线支付";
        };
        String payer = r.part() == Bill.Part.UNION_SUBSIDY ? "工会补贴" : bill.unitId == null ? "个人缴费" : "单位缴费";
        String debit = r.fromUnmatched() ? ChartOfAccounts.UNMATCHED_RECEIPTS
                : r.source() == Source.ONLINE ? ChartOfAccounts.ONLINE_PAYMENTS : ChartOfAccounts.BANK;
        long journalId = ledger.post(PaymentBooking.received(r.journalKey(), r.sourceType(), r.sourceId(),
                payer + "到账（" + what + "，缴费单 " + bill.reference() + "，" + r.reference() + "）", r.paidOn(), bill.orgPath,
                debit, allocation));
        // the bank's statement confirms statement money; the provider's signed word confirms online money
        Money confirmed = r.source() == Source.STATEMENT || r.source() == Source.ONLINE ? r.amount() : Money.ZERO;
        long paymentId = bills.insertPayment(bill.id, r.part(), r.source().name(), r.amount(), r.paidOn(), r.reference(),
                r.statementLineId(), r.fromUnmatched(), allocation, confirmed, r.journalKey(), journalId, r.by());
        // the bank's working days to show declared money run from the day it was applied (PaymentTruth)
        if (r.source() == Source.DECLARED) bills.declaredOn(paymentId, LocalDate.now(clock));
        bills.save(bill, 0);
        if (!wasPaid && bill.paidOn() != null) events.publishEvent(new BillPaid(bill.id, bill.reference(), bill.paidOn()));
        return new Applied(paymentId, allocation);
    }

    /** Saves a bill whose lines changed; publishes {@link BillPaid} when it has just become paid. */
    void saveLines(Bill bill, boolean wasPaid, int addedLines) {
        bills.save(bill, addedLines);
        if (!wasPaid && bill.paidOn() != null) events.publishEvent(new BillPaid(bill.id, bill.reference(), bill.paidOn()));
    }
}
