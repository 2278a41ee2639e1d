package org.huzhu.claims;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The claim lifecycle (domain guide §6) and the only transitions allowed between its states.
 * RECOGNISED: the claim's receipts were read by recognition before it was judged.
 * PAID → PAYMENT_FAILED is a bounce (退票): the bank returned the money after paying it.
 * WITHDRAWN: the worker withdrew a draft before submitting it (撤回); its receipts are free for another claim.
 */
public enum ClaimStatus {
    DRAFT("草稿"), SUBMITTED("已提交"), RECOGNISED("已识别"), UNDER_REVIEW("审核中"), APPROVED("已核准"),
    REJECTED("已拒付"), PAYMENT_PENDING("待支付"), PAID("已支付"), PAYMENT_FAILED("支付失败"),
    WITHDRAWN("已撤回");

    private static final Map<ClaimStatus, Set<ClaimStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN),
            SUBMITTED, EnumSet.of(RECOGNISED, UNDER_REVIEW, APPROVED, REJECTED),
            RECOGNISED, EnumSet.of(UNDER_REVIEW, APPROVED, REJECTED),
            UNDER_REVIEW, EnumSet.of(APPROVED, REJECTED),
            APPROVED, EnumSet.of(PAYMENT_PENDING),
            REJECTED, EnumSet.noneOf(ClaimStatus.class),
            PAYMENT_PENDING, EnumSet.of(PAID, PAYMENT_FAILED),
            PAID, EnumSet.of(PAYMENT_FAILED),
            PAYMENT_FAILED, EnumSet.of(PAYMENT_PENDING),
            WITHDRAWN, EnumSet.noneOf(ClaimStatus.class));

    private final String chinese;

    ClaimStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public boolean canMoveTo(ClaimStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public Set<ClaimStatus> next() {
        return Set.copyOf(ALLOWED.get(this));
    }
}
