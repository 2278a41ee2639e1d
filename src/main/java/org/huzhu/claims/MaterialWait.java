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
     * What the member is asked for: the requirements the claimed items still lack, and for each figure or fact no
     * attached material has given yet the material that gives it (expenses: a receipt; the stay: a discharge summary;
     * the diagnosis: a diagnosis certificate or a discharge summary).
     */
    static List<Materials.Requirement> wanted(List<Materials.Requirement> unmet, List<StoredBenefit> benefits, Claim.Facts facts,
                                              Materials materials) {
        Set<Materials.Requirement> wanted = new java.util.LinkedHashSet<>(unmet);
        Set<ReasonCode> codes = wanting(benefits, facts);
        if (codes.contains(ReasonCode.INVALID_EXPENSES)) wanted.add(materials.requirement("RECEIPT"));
        if (codes.contains(ReasonCode.NO_HOSPITAL_STAY)) wanted.add(materials.requirement("DISCHARGE_SUMMARY"));
        if (codes.contains(ReasonCode.DIAGNOSIS_NOT_LISTED)) wanted.add(materials.requirement("DIAGNOSIS_CERTIFICATE|DISCHARGE_SUMMARY"));
        return dropCovered(new ArrayList<>(wanted));
    }

    /** Why: missing, and — when a receipt was handed in but gave no figures — unreadable. */
    static List<MaterialRequestReason> reasons(List<StoredBenefit> benefits, Claim.Facts facts, Set<String> attached) {
        boolean unreadable = attached.contains("RECEIPT") && wanting(benefits, facts).contains(ReasonCode.INVALID_EXPENSES);
        return unreadable ? List.of(MaterialRequestReason.MISSING, MaterialRequestReason.ILLEGIBLE) : List.of(MaterialRequestReason.MISSING);
    }

    private static Set<ReasonCode> wanting(List<StoredBenefit> benefits, Claim.Facts facts) {
        return benefits.stream().flatMap(b -> b.reasons().stream()).filter(r -> wanting(r, facts)).map(Reason::code)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** A requirement another one already asks for more narrowly is dropped ("出院小结或诊断证明书" beside "出院小结"). */
    private static List<Materials.Requirement> dropCovered(List<Materials.Requirement> wanted) {
        java.util.Map<Set<String>, Materials.Requirement> once = new java.util.LinkedHashMap<>();
        for (Materials.Requirement r : wanted) once.putIfAbsent(Set.copyOf(r.anyOf()), new Materials.Requirement(r.anyOf(), null));
        return once.entrySet().stream().filter(e -> once.keySet().stream()
                .noneMatch(k -> k.size() < e.getKey().size() && e.getKey().containsAll(k))).map(java.util.Map.Entry::getValue).toList();
    }
}
