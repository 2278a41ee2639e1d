package org.huzhu.realname;

import java.time.Clock;

/** No identity-verification service is configured: every question is UNAVAILABLE, never a mismatch. */
final class UnconfiguredIdentityVerifier implements IdentityVerifier {

    static final String REASON = "未配置实名核验服务";

    private final Clock clock;

    UnconfiguredIdentityVerifier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public IdentityOutcome threeFactor(String name, String idNumber, String phone) {
        return IdentityOutcome.unavailable(REASON, null, clock.instant());
    }

    @Override
    public IdentityOutcome fourFactor(String name, String idNumber, String bankCard, String phone) {
        return IdentityOutcome.unavailable(REASON, null, clock.instant());
    }
}
