package org.huzhu.benefits;

import java.math.BigDecimal;
import org.huzhu.benefits.BenefitResult.Component;
import org.huzhu.benefits.BenefitSchedule.ExpenseKind;
import org.huzhu.benefits.BenefitSchedule.MedicalSpec;

/**
 * Component MEDICAL. base = counted expenses − deductible; the tiers' ratios apply to the parts of
 * the base between their bounds; the result is multiplied by shares where the item says so, then
 * limited by the counted expenses (out of pocket) and by {@code capPerShare × shares − already paid}
 * for the coverage period. HOSPITAL counts selfPaid only (tiers 60/70/80%, × shares); accident
 * items count selfPaid + selfFunded at a flat 90% and shares raise only the cap.
 */
final class MedicalExpenseBenefit implements ComponentRule {

    private final boolean countsSelfPaid;
    private final boolean countsSelfFunded;
    private final BigDecimal deductible;
    private final BigDecimal[] tierUpTo;
    private final BigDecimal[] tierRatio;
    private final boolean multiplyByShares;
    private final boolean limitToOutOfPocket;
    private final BigDecimal capPerShare;
    private final boolean onlyComponent;

    MedicalExpenseBenefit(MedicalSpec spec, boolean onlyComponent) {
        this.countsSelfPaid = spec.counts().contains(ExpenseKind.SELF_PAID);
        this.countsSelfFunded = spec.counts().contains(ExpenseKind.SELF_FUNDED);
        this.deductible = spec.deductible().amount();
        this.tierUpTo = spec.tiers().stream().map(t -> t.upTo() == null ? null : t.upTo().amount()).toArray(BigDecimal[]::new);
        this.tierRatio = spec.tiers().stream().map(BenefitSchedule.Tier::ratio).toArray(BigDecimal[]::new);
        this.multiplyByShares = spec.multiplyByShares();
        this.limitToOutOfPocket = spec.limitToOutOfPocket();
        this.capPerShare = spec.capPerShare().amount();
        this.onlyComponent = onlyComponent;
    }

    @Override
    public void apply(Claim claim, Cover cover, ItemOutcome outcome) {
        if (claim.expenses == null) {
            if (onlyComponent) {
                outcome.reason(ReasonCode.INVALID_EXPENSES, "未提供医疗费用（个人自付、个人自费等），无法计算" + cover.item().name());
            }
            return;
        }
        BigDecimal counted = counted(claim);
        BigDecimal base = counted.subtract(deductible);
        if (base.signum() <= 0) {
            outcome.pay(Component.MEDICAL, BigDecimal.ZERO);
            outcome.reason(ReasonCode.BELOW_DEDUCTIBLE, countedLabel() + Reasons.yuan(counted) + "未超过起付线"
                    + Reasons.yuan(deductible) + (countsSelfFunded ? "" : "（个人自费不在给付范围内）"));
            return;
        }
        BigDecimal formula = tiered(base);
        if (multiplyByShares) formula = formula.multiply(BigDecimal.valueOf(cover.shares()));
        BigDecimal cap = capPerShare.multiply(BigDecimal.valueOf(cover.shares()));
        BigDecimal paid = claim.alreadyPaid(cover.item().code(), Component.MEDICAL);
        BigDecimal left = cap.subtract(paid);
        if (left.signum() <= 0) {
            outcome.pay(Component.MEDICAL, BigDecimal.ZERO);
            outcome.cut();
            outcome.reason(ReasonCode.CAP_REACHED, "本保障期医疗费用给付限额" + Reasons.yuan(cap) + "已全部给付（已给付"
                    + Reasons.yuan(paid) + "）");
            return;
        }
        BigDecimal amount = formula;
        if (limitToOutOfPocket && counted.compareTo(amount) < 0) amount = counted;
        if (left.compareTo(amount) < 0) amount = left;
        if (amount.compareTo(formula) < 0) {
            outcome.cut();
            if (limitToOutOfPocket && amount.compareTo(counted) == 0) {
                outcome.reason(ReasonCode.OUT_OF_POCKET_LIMIT, "按规则应付" + Reasons.yuan(formula) + "，给付不超过"
                        + countedLabel() + Reasons.yuan(counted));
            }
            if (amount.compareTo(left) == 0) {
                outcome.reason(ReasonCode.ANNUAL_CAP, "本保障期医疗费用给付限额" + Reasons.yuan(cap) + "，已给付" + Reasons.yuan(paid)
                        + "，按规则应付" + Reasons.yuan(formula) + "，本次按剩余" + Reasons.yuan(left) + "给付");
            }
        }
        outcome.pay(Component.MEDICAL, amount);
    }

    private BigDecimal counted(Claim claim) {
        BigDecimal counted = BigDecimal.ZERO;
        if (countsSelfPaid) counted = claim.expenses.selfPaid().amount();
        if (countsSelfFunded) counted = counted.add(claim.expenses.selfFunded().amount());
        return counted;
    }

    /** Σ ratio × (part of the base inside the tier). */
    BigDecimal tiered(BigDecimal base) {
        BigDecimal result = BigDecimal.ZERO;
        BigDecimal lower = BigDecimal.ZERO;
        for (int i = 0; i < tierRatio.length && base.compareTo(lower) > 0; i++) {
            BigDecimal upper = tierUpTo[i];
            BigDecimal top = upper == null || base.compareTo(upper) < 0 ? base : upper;
            result = result.add(top.subtract(lower).multiply(tierRatio[i]));
            lower = upper;
        }
        return result;
    }

    private String countedLabel() {
        if (countsSelfPaid && countsSelfFunded) return "个人自付与个人自费合计";
        return countsSelfFunded ? "个人自费" : "个人自付";
    }
}
