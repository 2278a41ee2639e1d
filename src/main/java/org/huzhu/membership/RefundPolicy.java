package org.huzhu.membership;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.catalogue.RefundRule;
import org.huzhu.shared.Money;

/**
 * Whether an enrolment may be cancelled today and what goes back to whom (退保退费规则), with a reason in Chinese:
 * <ul>
 *   <li>not yet paid ({@link Stage#UNPAID}): cancelled, the bill reduced, nothing refunded;</li>
 *   <li>paid, cover not yet started ({@link Stage#BEFORE_COVER}): refunded in full — the payer's part to the payer, the
 *       union subsidy's part to the union's budget;</li>
 *   <li>cover started ({@link Stage#AFTER_COVER}): each item's catalogue rule ({@link RefundRule}); {@code PRO_RATA} refunds the
 *       item's premium × days not yet covered (after today) ÷ days of its term, rounded half-up to 0.01 once per item; the
 *       default {@code NONE} refunds nothing, and a cancellation that refunds nothing after the cover started is refused.</li>
 * </ul>
 * A claim paid or pending on the cover refuses it whatever the stage, as does a gift cover (nothing was paid for it).
 * The union's share of a partial refund is its share of the premium, rounded half-up; the payer gets the rest.
 */
final class RefundPolicy {

    enum Stage {
        UNPAID("未缴费"), BEFORE_COVER("已缴费，保障尚未开始"), AFTER_COVER("保障已开始");

        final String chinese;

        Stage(String chinese) {
            this.chinese = chinese;
        }
    }

    /** The answer: allowed or not (then {@code refusal} says why), the stage, the rule applied, and the refund's parts. */
    record Decision(boolean allowed, Stage stage, String rule, Money toPayer, Money toSubsidy, String refusal) {
        Money refund() {
            return toPayer.plus(toSubsidy);
        }

        static Decision refused(Stage stage, String why) {
            return new Decision(false, stage, null, Money.ZERO, Money.ZERO, why);
        }
    }

    private RefundPolicy() {
    }

    static Decision decide(EnrolmentRepository.Stored e, CatalogueVersion terms, LocalDate today, List<String> claimsOnCover) {
        if (e.status() == EnrolmentRepository.Status.CANCELLED) return Decision.refused(null, "该参保已退保或已取消");
        Stage stage = e.status() == EnrolmentRepository.Status.AWAITING_PAYMENT ? Stage.UNPAID
                : today.isBefore(firstDay(e.coverages())) ? Stage.BEFORE_COVER : Stage.AFTER_COVER;
        if (!claimsOnCover.isEmpty()) {
            return Decision.refused(stage, "该保障已有申领（" + String.join("、", claimsOnCover) + "），已支付或正在办理，不能退保");
        }
        Money paid = e.funding().unit().plus(e.funding().union()).plus(e.funding().member());
        if (stage == Stage.UNPAID) return new Decision(true, stage, "未缴费：撤销参保并核减缴费单，无需退费", Money.ZERO, Money.ZERO, null);
        if (!paid.isPositive()) return Decision.refused(stage, "赠送保障未缴纳费用，不办理退保退费");
        if (stage == Stage.BEFORE_COVER) {
            return new Decision(true, stage, "保障开始（" + firstDay(e.coverages()) + "）前退保：全额退费",
                    e.funding().unit().plus(e.funding().member()), e.funding().union(), null);
        }
        Money refund = Money.ZERO;
        for (Coverage c : e.coverages()) {
            if (terms.refundRule(c.item()).afterCoverStarts() == RefundRule.AfterCoverStarts.PRO_RATA) refund = refund.plus(proRata(c, today));
        }
        if (!refund.isPositive()) {
            return Decision.refused(stage, "保障已于 " + firstDay(e.coverages()) + " 开始，按保障目录 " + terms.code() + " 的规则（"
                    + RefundRule.AfterCoverStarts.NONE.chinese() + "）不予退费，不能退保");
        }
        refund = refund.min(paid);
        Money toSubsidy = new Money(refund.amount().multiply(e.funding().union().amount()).divide(paid.amount(), 2, RoundingMode.HALF_UP));
        return new Decision(true, stage, "保障已开始：" + RefundRule.AfterCoverStarts.PRO_RATA.chinese() + "（截至 " + today + "）",
                refund.minus(toSubsidy), toSubsidy, null);
    }

    /** An item's premium × days after {@code today} still to be covered ÷ days of its term, rounded half-up to 0.01. */
    static Money proRata(Coverage c, LocalDate today) {
        if (c.from() == null || c.premium() == null || !c.to().isAfter(today)) return Money.ZERO;
        long term = ChronoUnit.DAYS.between(c.from(), c.to()) + 1;
        long unused = ChronoUnit.DAYS.between(today.isBefore(c.from()) ? c.from().minusDays(1) : today, c.to());
        return new Money(c.premium().amount().multiply(BigDecimal.valueOf(unused)).divide(BigDecimal.valueOf(term), 2, RoundingMode.HALF_UP));
    }

    private static LocalDate firstDay(List<Coverage> coverages) {
        return coverages.stream().map(Coverage::from).filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(LocalDate.MAX);
    }
}
