package org.huzhu.payouts;

import org.huzhu.shared.scope.CurrentUser;

/**
 * Implemented by a module whose payouts can be re-issued (claims): given a failed or bounced payout,
 * the order that replaces it — a new reference and the payee's current account. Payouts keeps the
 * amount of the payout it replaces.
 */
public interface PayoutSource {

    /** Whether this source issued {@code source} (e.g. {@code CLAIM:42}). */
    boolean handles(String source);

    /** The replacing order; throws a ConflictException when the payee's account is missing. */
    PayoutOrder reissueOrder(String source, String failedReference, CurrentUser user);
}
