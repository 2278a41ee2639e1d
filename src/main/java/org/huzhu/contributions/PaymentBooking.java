package org.huzhu.contributions;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.ledger.ChartOfAccounts;
import org.huzhu.ledger.JournalEntry;
import org.huzhu.ledger.JournalEntry.Line;
import org.huzhu.shared.Money;

/**
 * How money received for bills is booked (docs/contributions.md, “Postings”):
 * <ul>
 *   <li>received on the bank account: Dr 1002; Cr 1122.01 unit / 1122.03 members (the unit
 *       collects its members' part) / 1122.02 union subsidy, and Cr 2242 for anything above what
 *       was due;</li>
 *   <li>on the statement but naming no bill: Dr 1002 Cr 2241, until finance assigns it to a bill:
 *       Dr 2241 Cr the receivables (and 2242);</li>
 *   <li>paid online by a worker (the provider confirmed it): Dr 1012 (held by the provider until it
 *       settles to the bank account) Cr the receivables; an online payment that does not fit its
 *       bill: Dr 1012 Cr 2241, for finance;</li>
 *   <li>excess held for a bill applied to it when it owes again (after a reversal): Dr 2242 Cr the
 *       receivables.</li>
 * </ul>
 */
final class PaymentBooking {

    static final String SOURCE_BILL = "BILL";
    static final String SOURCE_STATEMENT_LINE = "BANK_STATEMENT_LINE";
    static final String SOURCE_ONLINE_ORDER = "ONLINE_ORDER";

    private PaymentBooking() {
    }

    static JournalEntry received(String key, String sourceType, String sourceId, String description, LocalDate valueDate,
                                 String orgPath, String debitAccount, Bill.Allocation a) {
        return new JournalEntry(key, sourceType, sourceId, description, valueDate, orgPath, List.of(
                Line.debit(debitAccount, a.total()),
                Line.credit(ChartOfAccounts.RECEIVABLE_UNIT, a.toUnit()),
                Line.credit(ChartOfAccounts.RECEIVABLE_MEMBER, a.toMember()),
                Line.credit(ChartOfAccounts.RECEIVABLE_UNION_SUBSIDY, a.toUnion()),
                Line.credit(ChartOfAccounts.CONTRIBUTIONS_RECEIVED_IN_ADVANCE, a.excess())));
    }

    /** Money held as excess (2242) applied to what the bill owes again. */
    static JournalEntry excessApplied(String key, String billReference, String description, LocalDate valueDate, String orgPath,
                                      Bill.Allocation a) {
        return new JournalEntry(key, SOURCE_BILL, billReference, description, valueDate, orgPath, List.of(
                Line.debit(ChartOfAccounts.CONTRIBUTIONS_RECEIVED_IN_ADVANCE, a.total()),
                Line.credit(ChartOfAccounts.RECEIVABLE_UNIT, a.toUnit()),
                Line.credit(ChartOfAccounts.RECEIVABLE_MEMBER, a.toMember()),
                Line.credit(ChartOfAccounts.RECEIVABLE_UNION_SUBSIDY, a.toUnion())));
    }

    static JournalEntry unmatched(String key, long lineId, String description, LocalDate valueDate, Money amount) {
        return new JournalEntry(key, SOURCE_STATEMENT_LINE, String.valueOf(lineId), description, valueDate, null, List.of(
                Line.debit(ChartOfAccounts.BANK, amount),
                Line.credit(ChartOfAccounts.UNMATCHED_RECEIPTS, amount)));
    }

    /** An online payment that fits no bill: held by the provider (1012), owed to someone until finance sorts it out (2241). */
    static JournalEntry onlineUnmatched(String key, String orderNo, String description, LocalDate valueDate, Money amount) {
        return new JournalEntry(key, SOURCE_ONLINE_ORDER, orderNo, description, valueDate, null, List.of(
                Line.debit(ChartOfAccounts.ONLINE_PAYMENTS, amount),
                Line.credit(ChartOfAccounts.UNMATCHED_RECEIPTS, amount)));
    }
}
