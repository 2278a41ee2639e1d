package org.huzhu.benefits;

import java.time.LocalDate;
import org.huzhu.benefits.BenefitResult.Reason;

/** The judged date (admission, diagnosis or accident) must lie within [from, to], both days included. */
final class CoveragePeriodPolicy implements EligibilityPolicy {

    static final CoveragePeriodPolicy INSTANCE = new CoveragePeriodPolicy();

    @Override
    public Reason check(Claim claim, Cover cover) {
        LocalDate day = cover.judgedDate(claim);
        if (!day.isBefore(cover.from()) && !day.isAfter(cover.to())) return null;
        return Reasons.of(ReasonCode.NOT_COVERED, "保障期为" + cover.from() + "至" + cover.to() + "，本次"
                + cover.judgedDateLabel(claim) + day + "不在保障期内");
    }
}
