package org.huzhu.claims;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.benefits.BenefitResult.Decision;
import org.huzhu.claims.ClaimRepository.StoredBenefit;
import org.huzhu.shared.Money;
import org.huzhu.shared.web.Checks;

/**
 * The figures a review approves: for each item of the claim its amount and, where that differs from
 * the engine's computed amount, the coded reason, the free text beside it and who set it. An item the
 * request leaves out, or gives at the figure already standing, keeps that figure (the maker's, while a
 * first approval waits for its checker). Down from the computed amount needs a reducing reason; above
 * it, an override reason ({@link AdjustmentReason#raises()}), and such figures need a second reviewer.
 */
final class ApprovedFigures {

    /** One item's figure; {@code reason}, {@code note} and {@code by} are set only when the amount is not the computed one. */
    record Figure(int position, String item, Money computed, Money amount, AdjustmentReason reason, String note, String by) {

        boolean adjusted() {
            return amount.compareTo(computed) != 0;
        }

        boolean raised() {
            return amount.compareTo(computed) > 0;
        }
    }

    private final List<Figure> figures;

    private ApprovedFigures(List<Figure> figures) {
        this.figures = List.copyOf(figures);
    }

    /** The figures standing on the claim: computed, or as a reviewer adjusted them. */
    static ApprovedFigures standing(List<StoredBenefit> benefits) {
        return new ApprovedFigures(benefits.stream().map(ApprovedFigures::standing).toList());
    }

    private static Figure standing(StoredBenefit b) {
        return new Figure(b.position(), b.item(), b.amount(), b.effectiveAmount(), b.adjustReasonCode(), b.adjustReason(), b.adjustedBy());
    }

    /** The standing figures with the requested ones put in; each problem is a 400 naming {@code items[i]…}. */
    static ApprovedFigures requested(List<ClaimReviews.ItemAmount> items, List<StoredBenefit> benefits, String by) {
        List<Figure> figures = new ArrayList<>(benefits.stream().map(ApprovedFigures::standing).toList());
        if (items == null) return new ApprovedFigures(figures);
        Map<String, StoredBenefit> byItem = Claims.byItem(benefits);
        Checks checks = new Checks();
        for (int i = 0; i < items.size(); i++) {
            ClaimReviews.ItemAmount a = items.get(i);
            String at = "items[" + i + "]";
            if (a == null) {
                checks.add(at, "核定项目不能为空");
                continue;
            }
            StoredBenefit b = a.item() == null ? null : byItem.get(a.item().strip());
            if (b == null) {
                checks.add(at + ".item", "本理赔没有该保障项目：" + a.item());
                continue;
            }
            int index = benefits.indexOf(b);
            Figure figure = figure(a, b, figures.get(index), by, at, checks);
            if (figure != null) figures.set(index, figure);
        }
        checks.throwIfInvalid();
        return new ApprovedFigures(figures);
    }

    /** The figure one requested item sets, or null (with the problem added to checks) when it cannot stand. */
    private static Figure figure(ClaimReviews.ItemAmount a, StoredBenefit b, Figure standing, String by, String at, Checks checks) {
        Money amount = a.amount();
        if (amount == null) return problem(checks, at + ".amount", "缺少核定金额");
        if (amount.isNegative()) return problem(checks, at + ".amount", "核定金额不能为负数");
        if (amount.compareTo(standing.amount()) == 0) return standing;
        if (amount.compareTo(b.amount()) == 0) return new Figure(b.position(), b.item(), b.amount(), amount, null, null, null);
        if (b.decision() == Decision.REJECT) return problem(checks, at + ".amount", "规则不予给付的项目不能调整金额（" + b.item() + "）");
        boolean raising = amount.compareTo(b.amount()) > 0;
        String code = a.reasonCode() == null ? "" : a.reasonCode().strip();
        if (code.isEmpty()) {
            return problem(checks, at + ".reasonCode", "调整金额（测算" + b.amount() + "元，核定" + amount + "元）须选择"
                    + (raising ? "核增（特批）原因" : "核减原因") + "，说明不能代替原因");
        }
        AdjustmentReason reason = AdjustmentReason.of(code).orElse(null);
        if (reason == null) return problem(checks, at + ".reasonCode", "未知的调整原因：" + code + "（见审核规则中的调整原因列表）");
        if (raising && !reason.raises()) {
            return problem(checks, at + ".reasonCode", "高于测算金额（" + b.amount() + "元）须选择核增（特批）原因，并由另一名审核员复核");
        }
        if (!raising && reason.raises()) {
            return problem(checks, at + ".reasonCode", "「" + reason.chinese() + "」仅用于高于测算金额的核定，核减请选择核减原因");
        }
        String note = a.reason() == null || a.reason().isBlank() ? null : a.reason().strip();
        return new Figure(b.position(), b.item(), b.amount(), amount, reason, note, by);
    }

    private static Figure problem(Checks checks, String field, String message) {
        checks.add(field, message);
        return null;
    }

    BigDecimal total() {
        BigDecimal total = BigDecimal.ZERO;
        for (Figure f : figures) total = total.add(f.amount().amount());
        return total;
    }

    /** Some item above its computed amount: an override, which needs a second reviewer. */
    boolean anyRaised() {
        return figures.stream().anyMatch(Figure::raised);
    }

    /** Maker-checker: figures that need a second reviewer — a total from {@code dual-approval-from}, or an item raised. */
    boolean needSecondReviewer(ClaimsProperties settings) {
        return settings.needsSecondApproval(total()) || anyRaised();
    }

    /** Every item at the same amount as in {@code other}. */
    boolean sameAmountsAs(ApprovedFigures other) {
        if (figures.size() != other.figures.size()) return false;
        for (int i = 0; i < figures.size(); i++) {
            if (figures.get(i).amount().compareTo(other.figures.get(i).amount()) != 0) return false;
        }
        return true;
    }

    /** The figures that differ from {@code before} (amount or reason), to be written. */
    List<Figure> changedFrom(ApprovedFigures before) {
        List<Figure> changed = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) if (!figures.get(i).equals(before.figures.get(i))) changed.add(figures.get(i));
        return changed;
    }

    /** The adjusted items in one line for the timeline: "HOSPITAL 480.00→300.00（重复票据或重复计费）". */
    String adjustments() {
        return String.join("；", figures.stream().filter(Figure::adjusted)
                .map(f -> f.item() + " " + f.computed() + "→" + f.amount() + (f.reason() == null ? "" : "（" + f.reason().chinese() + "）"))
                .toList());
    }
}
