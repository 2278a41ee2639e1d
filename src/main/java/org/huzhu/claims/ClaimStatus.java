package org.huzhu.claims;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The claim lifecycle (domain guide §6) and the only transitions allowed between its states.
 * RECOGNISED: the claim's receipts were read by recognition before it was judged.
 * PAID → PAYMENT_FAILED is a bounce (退票): the bank returned the money after paying it.
 * WITHDRAWN: the worker withdrew a draft before submitting it (撤回); its receipts are free for another claim.
 * APPEALED: the worker appealed a rejection (申诉); a reviewer one level up, who took no part in it, approves or
 * rejects it again (an appeal against an adjustment leaves the claim's state as it is: {@link ClaimAppeals}).
 */
public enum ClaimStatus {
    DRAFT("草稿"), SUBMITTED("已提交"), RECOGNISED("已识别"), UNDER_REVIEW("审核中"), APPROVED("已核准"),
    REJECTED("已拒付"), PAYMENT_PENDING("待支付"), PAID("已支付"), PAYMENT_FAILED("支付失败"),
    WITHDRAWN("已撤回"), APPEALED("申诉中");

    private static final Map<ClaimStatus, Set<ClaimStatus>> ALLOWED = Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN)),
            Map.entry(SUBMITTED, EnumSet.of(RECOGNISED, UNDER_REVIEW, APPROVED, REJECTED)),
            Map.entry(RECOGNISED, EnumSet.of(UNDER_REVIEW, APPROVED, REJECTED)),
            Map.entry(UNDER_REVIEW, EnumSet.of(APPROVED, REJECTED)),
            Map.entry(APPROVED, EnumSet.of(PAYMENT_PENDING)),
            Map.entry(REJECTED, EnumSet.of(APPEALED)),
            Map.entry(PAYMENT_PENDING, EnumSet.of(PAID, PAYMENT_FAILED)),
            Map.entry(PAID, EnumSet.of(PAYMENT_FAILED)),
            Map.entry(PAYMENT_FAILED, EnumSet.of(PAYMENT_PENDING)),
            Map.entry(WITHDRAWN, EnumSet.noneOf(ClaimStatus.class)),
            Map.entry(APPEALED, EnumSet.of(APPROVED, REJECTED)));

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
