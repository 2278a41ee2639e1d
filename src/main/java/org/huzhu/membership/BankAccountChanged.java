package org.huzhu.membership;

import java.time.Instant;

/**
 * A member's payout account was changed: by the worker themself ({@code byMember}) or by staff on a
 * second person's approval. Carries masked numbers only; the member notification reacts to it.
 */
public record BankAccountChanged(long memberId, long changeId, String oldMaskedAccount, String newMaskedAccount, boolean byMember,
                                 String proposedBy, String approvedBy, Instant changedAt) {
}
