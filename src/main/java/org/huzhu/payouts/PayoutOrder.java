package org.huzhu.payouts;

import java.time.Instant;
import org.huzhu.shared.Money;

/**
 * What a source asks the payouts side to pay: a unique reference (the EndToEndId, e.g.
 * {@code HZ-42-1}), the source as opaque text ({@code CLAIM:42}), payee and account, the amount,
 * and the organisation path the payout belongs to (it decides the city batch and who sees it).
 * {@code accountChangedAt}: when the payee's account last replaced another one (null if never or
 * unknown); a payout to an account changed within {@code huzhu.payouts.recent-account-change-days}
 * is held for the batch checker. {@link #toString()} never shows the account number.
 */
public record PayoutOrder(String reference, String source, String payeeName, String bankName, String accountNumber,
                          Money amount, String orgPath, Instant accountChangedAt) {

    public PayoutOrder(String reference, String source, String payeeName, String bankName, String accountNumber, Money amount,
                       String orgPath) {
        this(reference, source, payeeName, bankName, accountNumber, amount, orgPath, null);
    }

    @Override
    public String toString() {
        return "PayoutOrder[" + reference + ", " + source + ", " + payeeName + ", " + amount + "]";
    }
}
