package org.huzhu.claims;

import java.util.List;

/**
 * A claim was rejected ({@code automatic}: nothing the member holds pays for it). {@code reasons}: why, in
 * plain Chinese from the reason codes — never a diagnosis nor a reviewer's own words.
 */
public record ClaimRejected(long claimId, long memberId, String reference, List<String> reasons, boolean automatic) {

    public ClaimRejected {
        reasons = List.copyOf(reasons);
    }
}
