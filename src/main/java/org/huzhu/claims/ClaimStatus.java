package org.huzhu.claims;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The claim lifecycle (domain guide §6) and the only transitions allowed between its states.
 * RECOGNISED: the claim's receipts were read by recognition before it was judged.
 * PAID → PAYMENT_FAILED is a bounce (退票): the bank returned the money after paying it.
 * MATERIALS_REQUESTED: sent back for materials (退回补件), by a reviewer or by the system for a claim submitted
 * incomplete; the payment promise is paused and restarts from the day the last material arrives, when the claim goes
 * back to its reviewer (UNDER_REVIEW) or, asked by the system, is judged again (SUBMITTED).
 * WITHDRAWN: the worker withdrew a draft (撤回), or a draft or a request for materials went unanswered for the set
 * time; its receipts are free for another claim.
 * APPEALED: the worker appealed a rejection (申诉); a reviewer one level up, who took no part in it, approves or
 * rejects it again (an appeal against an adjustment leaves the claim's state as it is: {@link ClaimAppeals}).
 */
public enum ClaimStatus {
    DRAFT("草稿"), SUBMITTED("已提交"), RECOGNISED("已识别"), UNDER_REVIEW("审核中"), APPROVED("已核准"),
    REJECTED("已拒付"), PAYMENT_PENDING("待支付"), PAID("已支付"), PAYMENT_FAILED("支付失败"),
    WITHDRAWN("已撤回"), MATERIALS_REQUESTED("待补件"), APPEALED("申诉中");

    private static final Map<ClaimStatus, Set<ClaimStatus>> ALLOWED = Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN)),
            Map.entry(SUBMITTED, EnumSet.of(RECOGNISED, UNDER_REVIEW, APPROVED, REJECTED, MATERIALS_REQUESTED)),
            Map.entry(RECOGNISED, EnumSet.of(UNDER_REVIEW, APPROVED, REJECTED, MATERIALS_REQUESTED)),
            Map.entry(UNDER_REVIEW, EnumSet.of(APPROVED, REJECTED, MATERIALS_REQUESTED)),
            Map.entry(MATERIALS_REQUESTED, EnumSet.of(SUBMITTED, UNDER_REVIEW, REJECTED, WITHDRAWN)),
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
