package org.huzhu.benefits;

import org.huzhu.benefits.BenefitResult.Reason;

/** An item pays only for the kinds of incident it covers: critical illness not for accidents, accident items not for illness. */
final class IncidentKindPolicy implements EligibilityPolicy {

    static final IncidentKindPolicy INSTANCE = new IncidentKindPolicy();

    @Override
    public Reason check(Claim claim, Cover cover) {
        if (cover.item().covers(claim.kind)) return null;
        return Reasons.of(ReasonCode.NOT_APPLICABLE, cover.item().name() + "只保障" + cover.item().coveredKindsChinese()
                + "，本次申请的事故类型为" + claim.kind.chinese());
    }
}
