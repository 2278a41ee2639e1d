package org.huzhu.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.shared.Money;

/**
 * What a worker may enrol in themself, in the worker's words: for each item the catalogue opens to individual
 * enrolment (and to the worker's sex), its plans and price per share, the most shares, the illness waiting period,
 * and — for an item the worker holds — from when it can be bought again and whether that would be a renewal
 * without a waiting period (cover ending within, or ended at most, {@code renewalHintDays}).
 */
final class SelfEnrolmentOffer {

    private SelfEnrolmentOffer() {
    }

    public record PlanOffer(String plan, String name, Money price, int termMonths) {
    }

    /**
     * {@code availableFrom}: null when it can be bought today, else the first day it can (the catalogue's
     * {@code renewalGapDays} before the held cover ends; paid from then on, the new cover follows the old one
     * without a gap).
     * {@code note}: in plain words, why not yet, or the renewal hint.
     */
    public record ItemOffer(String item, String name, String defaultPlan, List<PlanOffer> plans, int maxShares, int waitingDays,
                            String waitingWords, boolean renewal, LocalDate availableFrom, String note) {
    }

    static List<ItemOffer> items(CatalogueVersion terms, Member member, List<Coverage> held, LocalDate today) {
        var self = terms.individualEnrolment();
        List<ItemOffer> out = new ArrayList<>();
        for (CatalogueVersion.Item item : terms.items()) {
            if (!self.offers(item.code()) || item.giftOnly()) continue;
            if (item.onlyGender() != null && item.onlyGender() != member.gender()) continue;
            LocalDate heldTo = null;
            boolean awaiting = false;
            for (Coverage c : held) {
                if (!c.item().equals(item.code())) continue;
                if (!c.inForce()) awaiting = true;
                else if (heldTo == null || c.to().isAfter(heldTo)) heldTo = c.to();
            }
            LocalDate renewableFrom = heldTo == null ? null : heldTo.minusDays(terms.renewalGapDays() + 1L);
            LocalDate availableFrom = renewableFrom != null && renewableFrom.isAfter(today) ? renewableFrom : null;
            boolean renewal = heldTo != null && !heldTo.isBefore(today.minusDays(Math.min(self.renewalHintDays(), terms.renewalGapDays())))
                    && !heldTo.isAfter(today.plusDays(self.renewalHintDays()));
            String note = note(item, heldTo, availableFrom, renewal, awaiting, terms.renewalGapDays(), today);
            List<PlanOffer> plans = item.plans().stream().map(p -> new PlanOffer(p.code(), p.name(), p.price(), p.termMonths())).toList();
            out.add(new ItemOffer(item.code(), item.name(), item.defaultPlan(), plans, item.maxShares(), item.illnessWaitingDays(),
                    waitingWords(item.illnessWaitingDays(), renewal), renewal, awaiting ? null : availableFrom, note));
        }
        return out;
    }

    private static String note(CatalogueVersion.Item item, LocalDate heldTo, LocalDate availableFrom, boolean renewal, boolean awaiting,
                               int gapDays, LocalDate today) {
        if (awaiting) return "您已登记" + item.name() + "，待缴费";
        if (availableFrom != null) {
            return "您的" + item.name() + "保障至" + chinese(heldTo) + "，" + chinese(availableFrom) + "起可续保"
                    + (renewal ? "，按时续保免观察期" : "");
        }
        if (renewal && heldTo.isAfter(today)) {
            return "您的" + item.name() + "保障至" + chinese(heldTo) + "，现在缴费续保，新保障自" + chinese(heldTo.plusDays(1))
                    + "起接续，免观察期";
        }
        if (renewal) {
            return "您的" + item.name() + "已于" + chinese(heldTo) + "到期，" + chinese(heldTo.plusDays(gapDays)) + "（含）前缴费续保免观察期";
        }
        return null;
    }

    /** “观察期30天：保障开始30天后因病可申领” — or none, for accidents and a renewal without a gap. */
    static String waitingWords(int waitingDays, boolean renewal) {
        if (waitingDays <= 0) return "无观察期，保障开始即可申领";
        if (renewal) return "按时续保，免观察期";
        return "观察期" + waitingDays + "天：保障开始" + waitingDays + "天后因病可申领，意外不受限";
    }

    static String chinese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
