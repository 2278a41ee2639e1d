package org.huzhu.payouts;

import org.huzhu.shared.Money;

/** A failed or bounced payout was replaced by {@code newReference}, to the payee's current account. */
public record PayoutReissued(String reference, String source, Money amount, String newReference, String by) {
}
