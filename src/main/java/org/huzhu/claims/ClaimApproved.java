package org.huzhu.claims;

import java.util.List;
import org.huzhu.shared.Money;

/**
 * A claim was approved ({@code automatic}: without a reviewer) for {@code amount} in all, paying the
 * named items, to the account {@code maskedAccount} ({@code 尾号1234}). Published in the approving transaction.
 */
public record ClaimApproved(long claimId, long memberId, String reference, List<String> items, Money amount, String maskedAccount,
                            boolean automatic) {

    public ClaimApproved {
        items = List.copyOf(items);
    }
}
