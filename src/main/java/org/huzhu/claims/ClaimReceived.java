package org.huzhu.claims;

import java.time.LocalDate;

/** A claim was submitted (受理): published in the transaction that submitted it. {@code reference}: what the member is told. */
public record ClaimReceived(long claimId, long memberId, String reference, LocalDate submittedOn) {
}
