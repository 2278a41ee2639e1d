package org.huzhu.claims;

import java.time.LocalDate;
import org.huzhu.shared.Money;

/**
 * A claim's payout did not reach the member: the bank rejected it, or ({@code bounced}) returned it after
 * paying. {@code reason}: the bank's reason in Chinese. The member should give a correct account.
 */
public record ClaimPaymentFailed(long claimId, long memberId, String reference, String payoutReference, Money amount,
                                 String maskedAccount, String reason, boolean bounced, LocalDate failedOn) {
}
