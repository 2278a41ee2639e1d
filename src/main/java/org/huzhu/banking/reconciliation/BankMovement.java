package org.huzhu.banking.reconciliation;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.Money;

/**
 * One movement our books made on the fund's bank account (a posting to 1002), as the module that
 * booked it describes it.
 *
 * @param kind         what it was, e.g. {@code CONTRIBUTION_HAND}, {@code PAYOUT_SETTLED}, {@link #UNMATCHED_RECEIPT}
 * @param reference    the business reference the bank may show: a bill's {@code HZB-…}, a payout's end-to-end id
 * @param amount       into the account positive, out of it negative
 * @param valueDate    the value date of the journal that booked it
 * @param confirmedBy  the statement lines that the booking module knows stand for this movement, with the amount
 *                     each stands for (a payment matched from a statement, a declared payment a line confirmed);
 *                     empty when the module matches by reference only
 */
public record BankMovement(String kind, String reference, Money amount, LocalDate valueDate, String description,
                           List<Confirmation> confirmedBy) {

    /** Money on the statement that named no bill, booked to 2241 and waiting for finance to assign it. */
    public static final String UNMATCHED_RECEIPT = "UNMATCHED_RECEIPT";

    public record Confirmation(long statementLineId, Money amount) {
    }

    public BankMovement {
        confirmedBy = confirmedBy == null ? List.of() : List.copyOf(confirmedBy);
    }

    Money confirmedAmount() {
        return confirmedBy.stream().map(Confirmation::amount).reduce(Money.ZERO, Money::plus);
    }
}
