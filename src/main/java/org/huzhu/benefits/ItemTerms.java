package org.huzhu.benefits;

import java.util.Map;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.benefits.BenefitResult.Component;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.shared.Gender;

/**
 * One item of one catalogue version, ready to judge claims: the catalogue's terms (name, sex, waiting
 * days, share limit, claim deadline) joined with its benefit rules, compiled into policies and
 * component formulas. {@code gates} stop at the first failure (the item does not apply at all);
 * every failing {@code check} is reported.
 */
final class ItemTerms {

    private final CatalogueVersion.Item item;
    private final int claimDeadlineYears;
    private final Map<String, Integer> planIndex;
    private final boolean[] covers = new boolean[IncidentKind.values().length];
    private final String coveredKindsChinese;
    private final boolean judgedOnAdmission;
    private final Component[] components;
    final EligibilityPolicy[] gates;
    final EligibilityPolicy[] checks;
    final ComponentRule[] rules;

    ItemTerms(CatalogueVersion.Item item, int claimDeadlineYears, Map<String, Integer> planIndex,
              Iterable<IncidentKind> kinds, boolean judgedOnAdmission, EligibilityPolicy[] gates,
              EligibilityPolicy[] checks, Component[] components, ComponentRule[] rules) {
        this.item = item;
        this.claimDeadlineYears = claimDeadlineYears;
        this.planIndex = Map.copyOf(planIndex);
        StringBuilder names = new StringBuilder();
        for (IncidentKind kind : kinds) {
            covers[kind.ordinal()] = true;
            if (!names.isEmpty()) names.append('和');
            names.append(kind.chinese());
        }
        this.coveredKindsChinese = names.toString();
        this.judgedOnAdmission = judgedOnAdmission;
        this.gates = gates;
        this.checks = checks;
        this.components = components;
        this.rules = rules;
    }

    String code() {
        return item.code();
    }

    String name() {
        return item.name();
    }

    int maxShares() {
        return item.maxShares();
    }

    Gender onlyGender() {
        return item.onlyGender();
    }

    int waitingDays() {
        return item.illnessWaitingDays();
    }

    int claimDeadlineYears() {
        return claimDeadlineYears;
    }

    String defaultPlan() {
        return item.defaultPlan();
    }

    /** The plan's position among the item's plans, or −1 when the item has no such plan. */
    int planIndex(String plan) {
        Integer index = planIndex.get(plan);
        return index == null ? -1 : index;
    }

    String planCodes() {
        return String.join("、", item.plans().stream().map(CatalogueVersion.Plan::code).toList());
    }

    boolean covers(IncidentKind kind) {
        return covers[kind.ordinal()];
    }

    String coveredKindsChinese() {
        return coveredKindsChinese;
    }

    boolean judgedOnAdmission() {
        return judgedOnAdmission;
    }

    boolean pays(Component component) {
        for (Component c : components) {
            if (c == component) return true;
        }
        return false;
    }
}
