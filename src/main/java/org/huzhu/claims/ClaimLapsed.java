package org.huzhu.claims;

import java.time.LocalDate;

/**
 * A claim nobody answered was closed as withdrawn (not rejected): a request for materials past {@code dueOn}, or a
 * draft left untouched. Its receipts may back a new claim.
 */
public record ClaimLapsed(long claimId, long memberId, String reference, LocalDate dueOn, boolean draft) {
}
