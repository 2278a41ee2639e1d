package org.huzhu.payouts;

import java.time.LocalDate;
import org.huzhu.shared.Money;

/** The bank's word (pain.002 ACSC or a camt.054 debit) that a payout reached the payee's account. */
public record PayoutSettled(String reference, String source, Money amount, LocalDate settledOn) {
}
