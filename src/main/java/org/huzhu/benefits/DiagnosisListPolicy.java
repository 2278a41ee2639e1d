package org.huzhu.benefits;

import org.huzhu.benefits.BenefitResult.Reason;

/** A lump-sum item pays only when some diagnosis is on one of its ICD-10 lists. */
final class DiagnosisListPolicy implements EligibilityPolicy {

    private final DiagnosisClasses classes;

    DiagnosisListPolicy(DiagnosisClasses classes) {
        this.classes = classes;
    }

    @Override
    public Reason check(Claim claim, Cover cover) {
        if (classes.best(claim.diagnosisSlots) >= 0) return null;
        if (claim.diagnoses.length == 0) {
            return Reasons.of(ReasonCode.DIAGNOSIS_NOT_LISTED, cover.item().name() + "按诊断给付，本次申请未提供诊断编码");
        }
        return Reasons.of(ReasonCode.DIAGNOSIS_NOT_LISTED, "诊断" + String.join("、", claim.diagnoses) + "不在"
                + cover.item().name() + "的给付病种范围（" + classes.names() + "）内");
    }
}
