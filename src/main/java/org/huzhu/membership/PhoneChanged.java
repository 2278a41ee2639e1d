package org.huzhu.membership;

import java.time.Instant;

/**
 * A worker moved their member-app binding to a new mobile number themself. Carries masked numbers only; the
 * notifications module tells the replaced number (found through {@link Members#contact}'s former phones).
 */
public record PhoneChanged(long memberId, String oldMaskedPhone, String newMaskedPhone, Instant changedAt) {
}
