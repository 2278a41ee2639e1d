package org.huzhu.benefits;

import org.huzhu.benefits.BenefitResult.Reason;

/** An item that pays on an admission (HOSPITAL) needs a hospital stay. */
final class HospitalStayPolicy implements EligibilityPolicy {

    static final HospitalStayPolicy INSTANCE = new HospitalStayPolicy();

    @Override
    public Reason check(Claim claim, Cover cover) {
        if (claim.stay != null) return null;
        return Reasons.of(ReasonCode.NO_HOSPITAL_STAY, cover.item().name() + "按住院给付，本次申请没有住院记录（入院、出院日期）");
    }
}
