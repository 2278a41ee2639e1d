package org.huzhu.claims;

/**
 * A claim's number as people say and read it ({@code CLM-000123}): in texts and in-app messages, on the
 * console's lists and pages and in the API's views. The one place where it is written.
 */
public final class ClaimReference {

    private ClaimReference() {
    }

    public static String of(long claimId) {
        return String.format("CLM-%06d", claimId);
    }
}
