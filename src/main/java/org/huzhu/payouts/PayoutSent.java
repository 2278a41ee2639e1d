package org.huzhu.payouts;

import java.time.LocalDate;
import org.huzhu.shared.Money;

/** A payout went to the bank in its batch's file, which the bank accepted; {@code maskedAccount}: the payee's account as masked. */
public record PayoutSent(String reference, String source, Money amount, LocalDate sentOn, String maskedAccount) {
}
