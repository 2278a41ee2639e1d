package org.huzhu.benefits;

import java.math.BigDecimal;
import org.huzhu.benefits.BenefitResult.Component;

/**
 * Component ALLOWANCE: {@code perDayPerShare × shares} per hospital day, the days being discharge −
 * admission but at least {@code minDays}, at most {@code maxDaysPerPeriod} per coverage period less
 * the allowance days already paid.
 */
final class AllowanceBenefit implements ComponentRule {

    private final BigDecimal perDayPerShare;
    private final int minDays;
    private final int maxDaysPerPeriod;

    AllowanceBenefit(BigDecimal perDayPerShare, int minDays, int maxDaysPerPeriod) {
        this.perDayPerShare = perDayPerShare;
        this.minDays = minDays;
        this.maxDaysPerPeriod = maxDaysPerPeriod;
    }

    @Override
    public void apply(Claim claim, Cover cover, ItemOutcome outcome) {
        if (claim.stay == null) return;
        int days = Math.max(minDays, claim.hospitalDays());
        int paidDays = claim.alreadyPaidAllowanceDays(cover.item().code());
        int leftDays = maxDaysPerPeriod - paidDays;
        if (leftDays <= 0) {
            outcome.pay(Component.ALLOWANCE, BigDecimal.ZERO);
            outcome.cut();
            outcome.reason(ReasonCode.CAP_REACHED, "本保障期住院津贴最多" + maxDaysPerPeriod + "天，已给付" + paidDays + "天，已无剩余天数");
            return;
        }
        int payDays = days;
        if (leftDays < days) {
            payDays = leftDays;
            outcome.cut();
            outcome.reason(ReasonCode.ANNUAL_CAP, "本保障期住院津贴最多" + maxDaysPerPeriod + "天，已给付" + paidDays + "天，本次住院"
                    + days + "天，按剩余" + leftDays + "天给付");
        }
        BigDecimal perDay = perDayPerShare.multiply(BigDecimal.valueOf(cover.shares()));
        outcome.pay(Component.ALLOWANCE, perDay.multiply(BigDecimal.valueOf(payDays)));
    }
}
