package org.huzhu.claims;

/**
 * A claim's number as people say and read it ({@code CLM-000123}): in texts and in-app messages, on the
 * console's lists and pages and in the API's views. The one place where it is written.
 */
public final class ClaimReference {

    private ClaimReference() {
    }

    public static String of(long claimId) {
        if (claimId < 0) return String.format("CLM-%06d", claimId);
        String digits = Long.toString(claimId);   // zero-padded to six digits, as %06d would, at the cost of a concatenation
        return "CLM-" + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
    }
}
