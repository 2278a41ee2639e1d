package org.huzhu.realname;

import java.time.Instant;

/**
 * One piece of evidence: a question put to the identity-verification service and its answer, or a counter
 * check in person. Numbers appear masked only; {@code requestId} is the provider's (null for a counter check
 * or when it never answered); {@code askedBy} the account that asked or checked.
 */
public record Verification(long id, long memberId, VerificationKind kind, IdentityResult result, IdentityElement mismatch,
                           String requestId, String unavailableReason, Instant checkedAt, String idMasked, String phoneMasked,
                           String cardMasked, DocumentType documentType, String documentMasked, String askedBy) {

    public boolean matched() {
        return result == IdentityResult.MATCH;
    }

    /** What to tell the worker, in Chinese: 「核验一致」, 「手机号码与身份信息不一致」, … */
    public String message() {
        if (result == IdentityResult.MISMATCH && mismatch != null) return mismatch.chinese() + "与身份信息不一致";
        return result.chinese();
    }
}
