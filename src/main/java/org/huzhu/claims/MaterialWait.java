package org.huzhu.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.huzhu.benefits.BenefitResult.Decision;
import org.huzhu.benefits.BenefitResult.Reason;
import org.huzhu.benefits.ReasonCode;
import org.huzhu.claims.ClaimRepository.StoredBenefit;

/**
 * The system never rejects a claim for a missing material (issue 15, item 8). A claim whose items all pay nothing
 * is rejected automatically only when every item has a substantive reason (not covered, waiting period, diagnosis
 * not on the list, out of time …). An item refused only because a figure or a fact is not known yet — no expenses
 * (receipts missing, unread or unconfirmed), no hospital stay, no diagnosis — waits for that material, and so does
 * the claim: it stays open and the member is asked for what is missing.
 */
final class MaterialWait {

    private MaterialWait() {
    }

    /** Whether this judgement of nothing payable is only for want of a material, so the claim waits instead of being rejected. */
    static boolean applies(List<StoredBenefit> benefits, Claim.Facts facts) {
        return benefits.stream().allMatch(b -> b.decision() == Decision.REJECT)
                && benefits.stream().anyMatch(b -> !b.reasons().isEmpty() && b.reasons().stream().allMatch(r -> wanting(r, facts)));
    }

    /** A reason that names a missing figure or fact, not a rule the incident breaks. */
    static boolean wanting(Reason reason, Claim.Facts facts) {
        return switch (reason.code()) {
            case INVALID_EXPENSES -> facts.expenses() == null;
            case NO_HOSPITAL_STAY -> facts.hospitalStay() == null;
            case DIAGNOSIS_NOT_LISTED -> facts.diagnoses() == null || facts.diagnoses().isEmpty();
            default -> false;
        };
    }

    /**
     * What the member is asked for, in plain words: the materials the claimed items still need, and the figures or
     * facts no attached material has given yet.
     */
    static List<String> asked(List<String> missingMaterials, List<StoredBenefit> benefits, Claim.Facts facts) {
        List<String> asked = new ArrayList<>(missingMaterials);
        Set<ReasonCode> wanting = benefits.stream().flatMap(b -> b.reasons().stream()).filter(r -> wanting(r, facts))
                .map(Reason::code).collect(java.util.stream.Collectors.toSet());
        if (wanting.contains(ReasonCode.INVALID_EXPENSES)) asked.add("医疗费用金额（请核对票据识别结果或补拍清晰的票据）");
        if (wanting.contains(ReasonCode.NO_HOSPITAL_STAY)) asked.add("入院、出院日期（住院票据或出院小结）");
        if (wanting.contains(ReasonCode.DIAGNOSIS_NOT_LISTED)) asked.add("诊断（诊断证明书或出院小结）");
        return asked.stream().distinct().toList();
    }
}
