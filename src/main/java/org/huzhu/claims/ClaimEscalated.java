package org.huzhu.claims;

import java.time.LocalDate;
import java.util.List;

/**
 * A claim in review falls due under the payment promise on the next working day (or today) and has not been decided:
 * its holder (or, in the pool, the office's reviewers) and the office's union staff are to be told. Published once per
 * claim and promise date, in the escalating transaction. {@code accountIds}: the staff accounts to tell.
 */
public record ClaimEscalated(long claimId, String reference, LocalDate dueOn, List<Long> accountIds) {
}
