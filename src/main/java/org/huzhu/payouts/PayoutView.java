package org.huzhu.payouts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.Money;

/**
 * A payout as its readers see it: payee, masked account, amount, status with the bank's reason,
 * its batch, the payouts it replaces or was replaced by, and (for one payout) its timeline. {@code held}:
 * paid to a recently changed account and not yet released ({@code holdReason} says why), so never sent.
 * {@code kind}: a claim's benefit or a refund of contributions ({@code kindName} its Chinese label).
 */
public record PayoutView(String reference, String source, String payeeName, String bankName, String maskedAccount, Money amount,
                         PayoutStatus status, String statusName, String reasonCode, String reason, Long batchId,
                         String reissueOf, String reissuedBy, Instant requestedAt, LocalDate settledOn, List<Step> timeline,
                         boolean held, String holdReason, String holdReleasedBy, Instant holdReleasedAt, PayoutKind kind,
                         String kindName) {

    /** One recorded step: who, when, from which state to which, and why (the bank's reason code and text). */
    public record Step(Instant at, String actor, String from, String to, String toName, String reasonCode, String reason) {
    }
}
