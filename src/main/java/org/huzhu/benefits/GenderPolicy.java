package org.huzhu.benefits;

import org.huzhu.benefits.BenefitResult.Reason;
import org.huzhu.shared.Gender;

/** An item for one sex only (female special diseases) pays nobody of the other. */
final class GenderPolicy implements EligibilityPolicy {

    static final GenderPolicy INSTANCE = new GenderPolicy();

    @Override
    public Reason check(Claim claim, Cover cover) {
        Gender only = cover.item().onlyGender();
        if (only == null || only == claim.gender) return null;
        return Reasons.of(ReasonCode.GENDER_MISMATCH, cover.item().name() + "仅限" + only.chinese() + "职工，申请人性别为"
                + claim.gender.chinese());
    }
}
