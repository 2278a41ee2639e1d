package org.huzhu.payouts;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A payout's lifecycle and the only moves allowed:
 * <pre>
 * REQUESTED → BATCHED → SENT → SETTLED → BOUNCED → REISSUED
 *     ↖_______/          ↘ FAILED  → REISSUED
 * </pre>
 * BATCHED → REQUESTED: a held payout is taken out of its batch when the batch is released.
 * SETTLED, FAILED and BOUNCED are the bank's word; REISSUED links to the new payout that replaces it.
 */
public enum PayoutStatus {
    REQUESTED("待组批"), BATCHED("已组批待发送"), SENT("已发送银行"), SETTLED("已到账"), FAILED("支付失败"), BOUNCED("退票"),
    REISSUED("已重新支付");

    private static final Map<PayoutStatus, Set<PayoutStatus>> ALLOWED = Map.of(
            REQUESTED, EnumSet.of(BATCHED),
            BATCHED, EnumSet.of(SENT, REQUESTED),
            SENT, EnumSet.of(SETTLED, FAILED),
            SETTLED, EnumSet.of(BOUNCED),
            FAILED, EnumSet.of(REISSUED),
            BOUNCED, EnumSet.of(REISSUED),
            REISSUED, EnumSet.noneOf(PayoutStatus.class));

    private final String chinese;

    PayoutStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public boolean canMoveTo(PayoutStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** The states from which a payout may move to {@code to}, as the names SQL compares with. */
    static String[] from(PayoutStatus to) {
        return java.util.Arrays.stream(values()).filter(s -> s.canMoveTo(to)).map(Enum::name).toArray(String[]::new);
    }
}
