package org.huzhu.benefits;

import java.math.BigDecimal;
import org.huzhu.benefits.BenefitResult.Component;

/**
 * Component DEATH_DISABILITY: a pool of {@code poolPerShare × shares} per coverage period. Death
 * pays the pool, disability grade g pays {@code ratio(g) × pool}; either is capped by what is left
 * of the pool after earlier DEATH_DISABILITY payouts. Death wins over disability in one incident.
 */
final class DeathDisabilityBenefit implements ComponentRule {

    private final BigDecimal poolPerShare;
    private final BigDecimal[] ratioByGrade;

    DeathDisabilityBenefit(BigDecimal poolPerShare, BigDecimal[] ratioByGrade) {
        this.poolPerShare = poolPerShare;
        this.ratioByGrade = ratioByGrade;
    }

    @Override
    public void apply(Claim claim, Cover cover, ItemOutcome outcome) {
        if (!claim.died && claim.disabilityGrade == null) return;
        BigDecimal pool = poolPerShare.multiply(BigDecimal.valueOf(cover.shares()));
        BigDecimal formula = claim.died ? pool : pool.multiply(ratioByGrade[claim.disabilityGrade - 1]);
        String what = claim.died ? "身故" : "伤残" + claim.disabilityGrade + "级";
        BigDecimal paid = claim.alreadyPaid(cover.item().code(), Component.DEATH_DISABILITY);
        BigDecimal left = pool.subtract(paid);
        if (left.signum() <= 0) {
            outcome.pay(Component.DEATH_DISABILITY, BigDecimal.ZERO);
            outcome.cut();
            outcome.reason(ReasonCode.CAP_REACHED, "本保障期身故伤残给付总额" + Reasons.yuan(pool) + "已全部给付（已给付"
                    + Reasons.yuan(paid) + "）");
            return;
        }
        if (left.compareTo(formula) < 0) {
            outcome.cut();
            outcome.reason(ReasonCode.ANNUAL_CAP, what + "按规则应付" + Reasons.yuan(formula) + "，本保障期身故伤残给付总额"
                    + Reasons.yuan(pool) + "，已给付" + Reasons.yuan(paid) + "，本次按剩余" + Reasons.yuan(left) + "给付");
            outcome.pay(Component.DEATH_DISABILITY, left);
            return;
        }
        outcome.pay(Component.DEATH_DISABILITY, formula);
    }
}
