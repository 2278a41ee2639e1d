package org.huzhu.realname;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer to one question put to the identity-verification service. {@code requestId} is the provider's
 * own id of the question (the evidence; null only when it never answered), {@code answeredAt} when the
 * answer arrived, {@code mismatch} the element that did not match when the provider says (MISMATCH only),
 * {@code reason} why there was no answer (UNAVAILABLE only, Chinese).
 */
public record IdentityOutcome(IdentityResult result, IdentityElement mismatch, String requestId, Instant answeredAt, String reason) {

    public IdentityOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(answeredAt, "answeredAt");
        if (result != IdentityResult.MISMATCH && mismatch != null) throw new IllegalArgumentException("only a mismatch names an element");
        if (result != IdentityResult.UNAVAILABLE) {
            if (requestId == null || requestId.isBlank()) throw new IllegalArgumentException("an answer carries the provider's request id");
            reason = null;
        } else if (reason == null || reason.isBlank()) {
            reason = IdentityResult.UNAVAILABLE.chinese();
        }
    }

    public static IdentityOutcome answered(IdentityResult result, IdentityElement mismatch, String requestId, Instant at) {
        return new IdentityOutcome(result, mismatch, requestId, at, null);
    }

    /** No answer: the service is down, slow or refused us; {@code requestId} when it gave one all the same. */
    public static IdentityOutcome unavailable(String reason, String requestId, Instant at) {
        return new IdentityOutcome(IdentityResult.UNAVAILABLE, null, requestId, at, reason);
    }

    public boolean matched() {
        return result == IdentityResult.MATCH;
    }
}
