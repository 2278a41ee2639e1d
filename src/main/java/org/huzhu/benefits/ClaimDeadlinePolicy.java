package org.huzhu.benefits;

import java.time.LocalDate;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.benefits.BenefitResult.Reason;

/**
 * A claim is filed within N years (catalogue {@code claimDeadlineYears}) of the discharge date, or
 * of the incident date without a stay; the same calendar date N years later is still in time
 * (29 February counts to 28 February). N = 0 means no deadline.
 */
final class ClaimDeadlinePolicy implements EligibilityPolicy {

    static final ClaimDeadlinePolicy INSTANCE = new ClaimDeadlinePolicy();

    @Override
    public Reason check(Claim claim, Cover cover) {
        int years = cover.item().claimDeadlineYears();
        if (years <= 0) return null;
        LocalDate base = claim.deadlineBase();
        LocalDate deadline = base.plusYears(years);
        if (!claim.submittedOn.isAfter(deadline)) return null;
        String label = claim.stay != null ? "出院日期" : claim.kind == IncidentKind.ACCIDENT ? "事故日期" : "确诊日期";
        return Reasons.of(ReasonCode.CLAIM_TOO_LATE, "须自" + label + base + "起" + years + "年内（最晚" + deadline
                + "）申请，本次申请日期" + claim.submittedOn + "已超过时限");
    }
}
