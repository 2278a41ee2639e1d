package org.huzhu.benefits;

import java.time.LocalDate;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.benefits.BenefitResult.Reason;

/**
 * An illness is covered only from {@code from + waitingDays} on (观察期). Accidents and a renewal
 * without gap are exempt. A date before {@code from} is the coverage period's business, not this one's.
 */
final class WaitingPeriodPolicy implements EligibilityPolicy {

    static final WaitingPeriodPolicy INSTANCE = new WaitingPeriodPolicy();

    @Override
    public Reason check(Claim claim, Cover cover) {
        int waitingDays = cover.item().waitingDays();
        if (claim.kind != IncidentKind.ILLNESS || cover.renewed() || waitingDays <= 0) return null;
        LocalDate day = cover.judgedDate(claim);
        LocalDate firstCovered = cover.from().plusDays(waitingDays);
        if (!day.isBefore(firstCovered) || day.isBefore(cover.from())) return null;
        return Reasons.of(ReasonCode.WAITING_PERIOD, "观察期至" + firstCovered.minusDays(1) + "，本次"
                + cover.judgedDateLabel(claim) + day + "在观察期内");
    }
}
