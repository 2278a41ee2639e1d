package org.huzhu.claims;

import java.time.LocalDate;
import org.huzhu.shared.Money;

/** A claim's payout went to the bank ({@code payoutReference}), for {@code amount}, to {@code maskedAccount}. */
public record ClaimPaymentSent(long claimId, long memberId, String reference, String payoutReference, Money amount, String maskedAccount,
                               LocalDate sentOn) {
}
