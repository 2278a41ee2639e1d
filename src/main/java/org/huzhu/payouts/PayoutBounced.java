package org.huzhu.payouts;

import java.time.LocalDate;
import org.huzhu.shared.Money;

/**
 * A settled payout came back (退票, camt.054 credit with a return reason): the member is owed it again.
 * {@code maskedAccount}: the account it came back from, masked.
 */
public record PayoutBounced(String reference, String source, Money amount, LocalDate bouncedOn, String reasonCode, String reason,
                            String maskedAccount) {
}
