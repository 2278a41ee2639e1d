package org.huzhu.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huzhu.shared.Gender;
import org.huzhu.shared.Money;

/** One effective-dated version of the scheme's terms, as read from its YAML file. */
public record CatalogueVersion(String code, String name, LocalDate effectiveFrom, AgeRange ageAtStart,
                               int renewalGapDays, int claimDeadlineYears, UnitParticipation unitParticipation,
                               Funding funding, List<Item> items, List<Bundle> bundles, IndividualEnrolment individualEnrolment,
                               RefundRule refund) {

    public CatalogueVersion {
        bundles = bundles == null ? List.of() : List.copyOf(bundles);
        if (individualEnrolment == null) individualEnrolment = IndividualEnrolment.NONE;
        if (refund == null) refund = RefundRule.DEFAULT;
    }

    /** The refund rule of an item: its own if it has one, else the version's (default: no refund after cover starts). */
    public RefundRule refundRule(String item) {
        return item(item).map(Item::refund).orElse(refund);
    }

    public Optional<Item> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<Bundle> bundle(String code) {
        return bundles.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    /**
     * Who may enrol and pay for themself (个人参保, in the member app), and in which items: workers of the
     * listed employment forms, only without an employer unit when {@code withoutUnitOnly}, funded under
     * {@code fundingPolicy} (a member-paid policy). {@code renewalHintDays}: an item held that ends within
     * this many days, or ended at most this many days ago, is offered for renewal.
     */
    public record IndividualEnrolment(boolean withoutUnitOnly, List<String> employmentForms, String fundingPolicy,
                                      List<String> items, int renewalHintDays) {

        static final IndividualEnrolment NONE = new IndividualEnrolment(true, List.of(), null, List.of(), 0);

        public IndividualEnrolment {
            employmentForms = employmentForms == null ? List.of() : List.copyOf(employmentForms);
            items = items == null ? List.of() : List.copyOf(items);
        }

        /** Whether a worker of this employment form, with or without a unit, may enrol themself at all. */
        public boolean openTo(String employmentForm, boolean hasUnit) {
            return !items.isEmpty() && employmentForms.contains(employmentForm) && !(withoutUnitOnly && hasUnit);
        }

        public boolean offers(String item) {
            return items.contains(item);
        }
    }

    public record AgeRange(int min, int max) {
    }

    /** A group enrolment covers at least {@code minimumShare} of the headcount; small units everyone. */
    public record UnitParticipation(BigDecimal minimumShare, int enrolEveryoneAtOrBelow) {

        /** How many workers a unit of this headcount must have enrolled. */
        public int required(int headcount) {
            if (headcount <= enrolEveryoneAtOrBelow) return headcount;
            return minimumShare.multiply(BigDecimal.valueOf(headcount)).setScale(0, java.math.RoundingMode.CEILING).intValue();
        }
    }

    public record Funding(Map<String, String> defaultPolicyByOwnership, List<FundingPolicy> policies) {

        public Funding {
            defaultPolicyByOwnership = defaultPolicyByOwnership == null ? Map.of() : Map.copyOf(defaultPolicyByOwnership);
            policies = policies == null ? List.of() : List.copyOf(policies);
        }

        public Optional<FundingPolicy> policy(String code) {
            return policies.stream().filter(p -> p.code().equals(code)).findFirst();
        }
    }

    /**
     * Who pays a premium. The union pays a fixed subsidy per person, or a share of the premium,
     * while its yearly budget lasts; the member pays only under a member-paid policy; the unit
     * pays the rest.
     */
    public record FundingPolicy(String code, String name, Money unionSubsidyPerPerson, BigDecimal unionShare,
                                boolean memberPays) {

        public FundingPolicy {
            if (unionSubsidyPerPerson == null) unionSubsidyPerPerson = Money.ZERO;
            if (unionShare == null) unionShare = BigDecimal.ZERO;
        }
    }

    public record Item(String code, String name, int maxShares, Gender onlyGender, Eligibility eligibility,
                       int illnessWaitingDays, String defaultPlan, List<Plan> plans, RefundRule refund) {

        /** {@code refund}: the item's own refund rule, null to follow the version's. */
        public Item {
            if (eligibility == null) eligibility = Eligibility.ANYONE;
            plans = plans == null ? List.of() : List.copyOf(plans);
        }

        public Optional<Plan> plan(String code) {
            return plans.stream().filter(p -> p.code().equals(code)).findFirst();
        }

        public boolean giftOnly() {
            return eligibility == Eligibility.VERIFIED_NEW_FORM;
        }
    }

    public enum Eligibility {
        ANYONE, VERIFIED_NEW_FORM
    }

    /** A plan of an item: its price per share and coverage term. {@code giftPrice} is booked to the union's gift budget. */
    public record Plan(String code, String name, Money price, Money giftPrice, int termMonths) {

        public Plan {
            if (giftPrice == null) giftPrice = Money.ZERO;
        }

        /** Last covered day for a coverage starting on {@code from}: from + term − 1 day. */
        public LocalDate coverageTo(LocalDate from) {
            return from.plusMonths(termMonths).minusDays(1);
        }
    }

    public record ItemPlan(String item, String plan) {

        /** Reads {@code HOSPITAL:STD}. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static ItemPlan parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) throw new IllegalArgumentException("expected ITEM:PLAN, got " + text);
            return new ItemPlan(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
        }

        @Override
        public String toString() {
            return item + ":" + plan;
        }
    }

    public record Bundle(String code, String name, List<ItemPlan> items, List<ItemPlan> forWomenAlso) {

        public Bundle {
            items = items == null ? List.of() : List.copyOf(items);
            forWomenAlso = forWomenAlso == null ? List.of() : List.copyOf(forWomenAlso);
        }

        public List<ItemPlan> itemsFor(Gender gender) {
            if (gender != Gender.F) return items;
            return java.util.stream.Stream.concat(items.stream(), forWomenAlso.stream()).toList();
        }
    }
}
