package org.huzhu.contributions;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.huzhu.banking.statement.LineOutcome;
import org.huzhu.banking.statement.LineStatus;
import org.huzhu.banking.statement.StatementLine;
import org.huzhu.banking.statement.StatementLineHandler;
import org.huzhu.ledger.Ledger;
import org.huzhu.shared.Money;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Matches the statement's credits to bills (docs/contributions.md, “Matching”): the remittance
 * information (or end-to-end reference) names a bill {@code HZB-<id>}. The money first confirms
 * what was already booked for that bill without the bank's word (declared by the unit or
 * registered by finance) — confirming books nothing — and the rest is booked as received: exact →
 * paid, less → partly paid, more → paid with the excess held in 2242. A credit that names no bill,
 * an unknown bill or several bills is booked to 2241 and listed for finance to assign. Credits
 * carrying a payout reference ({@code HZ-<claim>-<n>}: money returned to the fund) are left to
 * payouts, as are all debits. Runs last among the handlers.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class StatementMatching implements StatementLineHandler {

    private static final Pattern PAYOUT_REFERENCE = Pattern.compile("(?<![A-Za-z0-9])HZ-\\d+-\\d+(?![0-9])");

    private final BillRepository bills;
    private final BillPayments payments;
    private final Ledger ledger;

    StatementMatching(BillRepository bills, BillPayments payments, Ledger ledger) {
        this.bills = bills;
        this.payments = payments;
        this.ledger = ledger;
    }

    @Override
    public Optional<LineOutcome> handle(StatementLine line, String importedBy) {
        if (!line.credit()) return Optional.empty();
        String text = line.references();
        if (PAYOUT_REFERENCE.matcher(text).find() && BillReference.findIn(text).isEmpty()) return Optional.empty();
        Set<Long> named = BillReference.findIn(text);
        if (named.isEmpty()) return Optional.of(unmatched(line, "附言中没有缴费单号（HZB-编号）"));
        if (named.size() > 1) {
            return Optional.of(unmatched(line, "附言中有多个缴费单号（" + String.join("、", named.stream().map(BillReference::of).toList())
                    + "），无法自动拆分"));
        }
        long billId = named.iterator().next();
        var stored = bills.lock(billId);
        if (stored.isEmpty()) return Optional.of(unmatched(line, "缴费单 " + BillReference.of(billId) + " 不存在"));
        if (stored.get().bill().cancelled()) return Optional.of(unmatched(line, "缴费单 " + BillReference.of(billId) + " 已撤销"));
        return Optional.of(match(line, stored.get().bill(), importedBy));
    }

    private LineOutcome match(StatementLine line, Bill bill, String by) {
        Money left = line.amount();
        Money confirmed = Money.ZERO;
        for (var p : bills.unconfirmed(bill.id, Bill.Part.UNIT)) {
            if (!left.isPositive()) break;
            Money take = left.min(p.amount().minus(p.confirmed()));
            bills.confirm(p.id(), line.id(), take);
            confirmed = confirmed.plus(take);
            left = left.minus(take);
        }
        if (!left.isPositive()) {
            return new LineOutcome(LineStatus.CONFIRMED, bill.reference(),
                    "确认缴费单 " + bill.reference() + " 此前已登记（单位申报或财务登记）的到账 " + confirmed + " 元，未重复入账");
        }
        String reference = line.bankReference() != null ? line.bankReference() : "line-" + line.id();
        var applied = payments.apply(bill, new BillPayments.Receipt(Bill.Part.UNIT, BillPayments.Source.STATEMENT, left, line.valueDate(),
                reference, line.id(), false, "statement-line:" + line.id() + ":payment", PaymentBooking.SOURCE_STATEMENT_LINE,
                String.valueOf(line.id()), by));
        String confirmedNote = confirmed.isPositive() ? "；其中 " + confirmed + " 元确认此前已登记的到账" : "";
        if (applied.allocation().excess().isPositive()) {
            return new LineOutcome(LineStatus.OVERPAID, bill.reference(), "缴费单 " + bill.reference() + " 已缴清，超出应缴 "
                    + applied.allocation().excess() + " 元，记入预收互助金（2242），待退还或抵缴" + confirmedNote);
        }
        if (bill.isPaid()) {
            return new LineOutcome(LineStatus.MATCHED, bill.reference(), "缴费单 " + bill.reference() + " 已缴清" + confirmedNote);
        }
        return new LineOutcome(LineStatus.PARTIAL, bill.reference(), "缴费单 " + bill.reference() + " 部分缴费，尚欠 "
                + bill.outstanding() + " 元" + confirmedNote);
    }

    private LineOutcome unmatched(StatementLine line, String reason) {
        long journalId = ledger.post(PaymentBooking.unmatched("statement-line:" + line.id() + ":unmatched", line.id(),
                "银行收款未匹配缴费单，待清分（流水 " + (line.bankReference() == null ? "#" + line.id() : line.bankReference()) + "）："
                        + reason, line.valueDate(), line.amount()));
        bills.insertUnmatched(line.id(), line.amount(), line.valueDate(),
                line.bankReference() == null ? "line-" + line.id() : line.bankReference(), reason, journalId);
        return new LineOutcome(LineStatus.UNMATCHED, null, reason + "：已记入待清分收款（2241），请财务认领");
    }
}
