package org.huzhu.membership;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.ledger.ChartOfAccounts;
import org.huzhu.ledger.JournalEntry;
import org.huzhu.ledger.JournalEntry.Line;
import org.huzhu.shared.Money;

/**
 * How enrolments are booked: the premium billed is owed by each payer (receivable per payer
 * type) against contribution income; gift cover is charged to the union's gift budget.
 */
final class EnrolmentBooking {

    private EnrolmentBooking() {
    }

    static JournalEntry contributionBilled(String key, String sourceType, String sourceId, String description,
                                           LocalDate valueDate, String orgPath, Money unit, Money union, Money member, Money gift) {
        Money income = unit.plus(union).plus(member).plus(gift);
        return new JournalEntry(key, sourceType, sourceId, description, valueDate, orgPath, List.of(
                Line.debit(ChartOfAccounts.RECEIVABLE_UNIT, unit),
                Line.debit(ChartOfAccounts.RECEIVABLE_UNION_SUBSIDY, union),
                Line.debit(ChartOfAccounts.RECEIVABLE_MEMBER, member),
                Line.debit(ChartOfAccounts.GIFT_BUDGET_EXPENSE, gift),
                Line.credit(ChartOfAccounts.CONTRIBUTION_INCOME, income)));
    }
}
