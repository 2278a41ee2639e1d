package org.huzhu.payouts;

import java.time.LocalDate;
import org.huzhu.shared.Money;

/**
 * The bank rejected a payout (pain.002 RJCT) with an ISO reason code and its Chinese text; the money never
 * left. {@code maskedAccount}: the account it was for, masked.
 */
public record PayoutFailed(String reference, String source, Money amount, LocalDate failedOn, String reasonCode, String reason,
                           String maskedAccount) {
}
