package org.huzhu.banking.reconciliation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What our books say moved on the fund's bank account. Implemented by each module that books
 * money in or out of 1002 (contributions: payments and unmatched receipts; payouts: settled
 * payouts and bounces); the daily reconciliation reads every implementation.
 */
public interface BankBook {

    /** Every movement booked with value date {@code day}, signed (into the account positive). */
    List<BankMovement> movementsOn(LocalDate day);

    /**
     * Movements of any date that one of the given statement lines stands for (a payment declared
     * on one day and seen by the bank on another). Modules that match by reference only need not
     * implement it.
     */
    default List<BankMovement> confirmedBy(Collection<Long> statementLineIds) {
        return List.of();
    }
}
