package org.huzhu.payouts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.Money;

/**
 * A payout as its readers see it: payee, masked account, amount, status with the bank's reason,
 * its batch, the payouts it replaces or was replaced by, and (for one payout) its timeline.
 */
public record PayoutView(String reference, String source, String payeeName, String bankName, String maskedAccount, Money amount,
                         PayoutStatus status, String statusName, String reasonCode, String reason, Long batchId,
                         String reissueOf, String reissuedBy, Instant requestedAt, LocalDate settledOn, List<Step> timeline) {

    /** One recorded step: who, when, from which state to which, and why (the bank's reason code and text). */
    public record Step(Instant at, String actor, String from, String to, String toName, String reasonCode, String reason) {
    }
}
