package org.huzhu.membership;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.ledger.ChartOfAccounts;
import org.huzhu.ledger.JournalEntry;
import org.huzhu.ledger.JournalEntry.Line;

/**
 * The reversal of an unpaid enrolment's share of a journal that billed several (a roster import's chunk): the mirror of
 * its lines in {@link EnrolmentBooking#contributionBilled} — Dr 4001, Cr the receivables (and the gift budget). An
 * enrolment billed on its own is reversed whole by the ledger instead.
 */
final class CancellationBooking {

    private CancellationBooking() {
    }

    static JournalEntry unbilled(EnrolmentRepository.Stored e, String description, LocalDate valueDate) {
        Funding f = e.funding();
        return new JournalEntry("enrolment:" + e.id() + ":cancelled", "ENROLMENT", String.valueOf(e.id()), description, valueDate,
                e.orgPath(), List.of(
                Line.debit(ChartOfAccounts.CONTRIBUTION_INCOME, f.unit().plus(f.union()).plus(f.member()).plus(e.gift())),
                Line.credit(ChartOfAccounts.RECEIVABLE_UNIT, f.unit()),
                Line.credit(ChartOfAccounts.RECEIVABLE_UNION_SUBSIDY, f.union()),
                Line.credit(ChartOfAccounts.RECEIVABLE_MEMBER, f.member()),
                Line.credit(ChartOfAccounts.GIFT_BUDGET_EXPENSE, e.gift())));
    }
}
