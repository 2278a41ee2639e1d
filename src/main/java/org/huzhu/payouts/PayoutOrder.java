package org.huzhu.payouts;

import org.huzhu.shared.Money;

/**
 * What a source asks the payouts side to pay: a unique reference (the EndToEndId, e.g.
 * {@code HZ-42-1}), the source as opaque text ({@code CLAIM:42}), payee and account, the amount,
 * and the organisation path the payout belongs to (it decides the city batch and who sees it).
 * {@link #toString()} never shows the account number.
 */
public record PayoutOrder(String reference, String source, String payeeName, String bankName, String accountNumber,
                          Money amount, String orgPath) {

    @Override
    public String toString() {
        return "PayoutOrder[" + reference + ", " + source + ", " + payeeName + ", " + amount + "]";
    }
}
