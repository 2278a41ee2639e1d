package org.huzhu.benefits;

import java.math.BigDecimal;
import org.huzhu.benefits.BenefitResult.Component;

/**
 * Component LUMP_SUM (critical illness, female special diseases): the amount per share of the
 * highest class among the diagnoses × shares, at most {@code capPerShare × shares} per coverage
 * period, less earlier LUMP_SUM payouts of the same item.
 */
final class LumpSumBenefit implements ComponentRule {

    private final DiagnosisClasses classes;
    /** [plan][class] amount per share. */
    private final BigDecimal[][] perShare;
    /** [plan] period cap per share. */
    private final BigDecimal[] capPerShare;
    private final String[] classNames;

    LumpSumBenefit(DiagnosisClasses classes, BigDecimal[][] perShare, BigDecimal[] capPerShare, String[] classNames) {
        this.classes = classes;
        this.perShare = perShare;
        this.capPerShare = capPerShare;
        this.classNames = classNames;
    }

    DiagnosisClasses classes() {
        return classes;
    }

    @Override
    public void apply(Claim claim, Cover cover, ItemOutcome outcome) {
        int best = classes.best(claim.diagnosisSlots);
        if (best < 0) return;
        BigDecimal shares = BigDecimal.valueOf(cover.shares());
        BigDecimal formula = perShare[cover.planIndex()][best].multiply(shares);
        BigDecimal cap = capPerShare[cover.planIndex()].multiply(shares);
        BigDecimal paid = claim.alreadyPaid(cover.item().code(), Component.LUMP_SUM);
        BigDecimal left = cap.subtract(paid);
        if (left.signum() <= 0) {
            outcome.pay(Component.LUMP_SUM, BigDecimal.ZERO);
            outcome.cut();
            outcome.reason(ReasonCode.CAP_REACHED, cover.item().name() + "本保障期给付限额" + Reasons.yuan(cap)
                    + "已全部给付（已给付" + Reasons.yuan(paid) + "）");
            return;
        }
        if (left.compareTo(formula) < 0) {
            outcome.cut();
            outcome.reason(ReasonCode.ANNUAL_CAP, classNames[best] + "按规则应付" + Reasons.yuan(formula) + "，本保障期给付限额"
                    + Reasons.yuan(cap) + "，已给付" + Reasons.yuan(paid) + "，本次按剩余" + Reasons.yuan(left) + "给付");
            outcome.pay(Component.LUMP_SUM, left);
            return;
        }
        outcome.pay(Component.LUMP_SUM, formula);
    }
}
