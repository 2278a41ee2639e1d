package org.huzhu.contributions;

import java.time.LocalDate;
import org.huzhu.shared.Money;

/**
 * A bill was issued to a unit with something to pay: {@code amountDue} (the unit's and its members'
 * parts still outstanding), to be paid by {@code dueOn} (the payment term after {@code issuedOn},
 * {@code huzhu.contributions.payment-term-days}). An enrolment's bill is issued when it is created, a
 * roster import's when the import has put all its rows on it. Published in that transaction.
 */
public record BillIssued(long billId, String reference, Long unitId, Money amountDue, LocalDate issuedOn, LocalDate dueOn) {
}
