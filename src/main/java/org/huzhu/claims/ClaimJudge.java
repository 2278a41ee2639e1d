package org.huzhu.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.huzhu.benefits.BenefitEngine;
import org.huzhu.benefits.BenefitRequest.AlreadyPaid;
import org.huzhu.benefits.BenefitRequest;
import org.huzhu.benefits.BenefitResult.Benefit;
import org.huzhu.benefits.BenefitResult.Component;
import org.huzhu.benefits.BenefitResult.ComponentAmount;
import org.huzhu.benefits.BenefitResult.Decision;
import org.huzhu.benefits.BenefitResult;
import org.huzhu.benefits.ReasonCode;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.claims.ClaimRepository.Hint;
import org.huzhu.claims.ClaimRepository.StoredBenefit;
import org.huzhu.membership.Coverage;
import org.huzhu.membership.Member;
import org.huzhu.shared.Money;
import org.huzhu.shared.web.FieldProblem;
import org.huzhu.shared.web.InvalidInputException;

/**
 * Judges a claim with the benefits engine against the member's real coverages: for each item the
 * coverage in force on the incident (or, when none is, the latest before it, so the engine says
 * NOT_COVERED), what earlier approved claims already paid for that item and period, and today as
 * the filing date. Items the member holds but did not claim are judged too: where they would pay,
 * the claim carries a hint with the materials still missing.
 */
final class ClaimJudge {

    record Judgement(List<StoredBenefit> benefits, BigDecimal total, List<Hint> hints, Set<Materials.Fact> facts) {

        boolean nothingPayable() {
            return benefits.stream().allMatch(b -> b.decision() == Decision.REJECT);
        }

        /** Items that pay something: the ones whose materials are needed. */
        List<String> payingItems() {
            return benefits.stream().filter(b -> b.decision() != Decision.REJECT).map(StoredBenefit::item).toList();
        }
    }

    private final BenefitEngine engine;
    private final Catalogue catalogue;
    private final Materials materials;

    ClaimJudge(BenefitEngine engine, Catalogue catalogue, Materials materials) {
        this.engine = engine;
        this.catalogue = catalogue;
        this.materials = materials;
    }

    /**
     * @param paidEarlier what earlier claims paid for (item, coverage from)
     * @throws InvalidInputException with the claim's own field names when the claim breaks a rule of form
     */
    Judgement judge(Claim.Facts facts, Member member, List<Coverage> held, BiFunction<String, LocalDate, List<StoredBenefit>> paidEarlier,
                    LocalDate today, Set<String> attached) {
        Set<String> attachedKinds = facts.withOnFile(attached);
        Set<String> heldItems = new LinkedHashSet<>();
        held.forEach(c -> heldItems.add(c.item()));
        List<String> claimed = facts.claimedItems() == null ? List.copyOf(heldItems) : facts.claimedItems();
        List<String> unclaimed = heldItems.stream().filter(i -> !claimed.contains(i)).toList();
        List<String> all = new ArrayList<>(claimed);
        all.addAll(unclaimed);

        Map<String, Coverage> chosen = new LinkedHashMap<>();
        for (String item : all) chosen.put(item, choose(facts, item, held));
        List<BenefitRequest.Coverage> coverages = new ArrayList<>();
        List<AlreadyPaid> alreadyPaid = new ArrayList<>();
        for (Coverage c : chosen.values()) {
            coverages.add(new BenefitRequest.Coverage(c.item(), c.plan(), c.shares(), c.from(), c.to(), c.renewedWithoutGap()));
            for (StoredBenefit earlier : paidEarlier.apply(c.item(), c.from())) alreadyPaid.addAll(paidAsComponents(earlier));
        }
        BenefitResult result = calculate(request(facts, member, coverages, alreadyPaid, today));

        List<StoredBenefit> benefits = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        List<Hint> hints = new ArrayList<>();
        Set<Materials.Fact> claimFacts = ClaimJudgeFacts.of(facts);
        int stayDays = facts.hospitalStay() == null ? 0
                : (int) Math.max(1, ChronoUnit.DAYS.between(facts.hospitalStay().admission(), facts.hospitalStay().discharge()));
        for (int i = 0; i < all.size(); i++) {
            Benefit b = result.benefits().get(i);
            Coverage c = chosen.get(all.get(i));
            if (i < claimed.size()) {
                boolean allowance = b.components().stream().anyMatch(a -> a.component() == Component.ALLOWANCE && a.amount().isPositive());
                benefits.add(new StoredBenefit(i, b.item(), b.plan(), c.from(), c.to(), b.decision(), b.amount(), b.components(),
                        b.reasons(), allowance ? stayDays : 0, null, null, null, null));
                total = total.add(b.amount().amount());
            } else if (b.decision() != Decision.REJECT) {
                String name = itemName(c);
                List<String> missing = materials.missing(materials.required(List.of(c.item()), claimFacts), attachedKinds);
                hints.add(new Hint(c.item(), name, b.amount(), "您还参加了" + name + "，本次诊断符合" + name
                        + "的给付条件（测算可给付" + b.amount() + "元），可一并申请", missing));
            }
        }
        return new Judgement(benefits, total, hints, claimFacts);
    }

    /** The items named in the claim must be items the member holds. */
    static List<FieldProblem> unknownItems(List<String> claimedItems, List<Coverage> held) {
        List<FieldProblem> problems = new ArrayList<>();
        if (claimedItems == null) return problems;
        for (int i = 0; i < claimedItems.size(); i++) {
            String item = claimedItems.get(i);
            if (held.stream().noneMatch(c -> c.item().equals(item))) {
                problems.add(new FieldProblem("items[" + i + "]", "该职工未参加保障项目 " + item));
            }
            if (claimedItems.subList(0, i).contains(item)) problems.add(new FieldProblem("items[" + i + "]", "保障项目重复：" + item));
        }
        return problems;
    }

    private String itemName(Coverage c) {
        CatalogueVersion version = catalogue.activeOn(c.from());
        return version.item(c.item())
                .map(item -> item.plan(c.plan()).map(CatalogueVersion.Plan::name).orElse(item.name())).orElse(c.item());
    }

    private BenefitResult calculate(BenefitRequest request) {
        try {
            return engine.calculate(request);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream().map(p -> new FieldProblem(claimField(p.field()), p.message())).toList());
        }
    }

    /** The engine names its own request's fields; the claim API names them as the client wrote them. */
    static String claimField(String engineField) {
        if (engineField.equals("incident.date") || engineField.equals("submittedOn")) return "incidentDate";
        if (engineField.equals("incident.kind")) return "kind";
        if (engineField.startsWith("incident.")) return engineField.substring("incident.".length());
        if (engineField.startsWith("coverages") || engineField.startsWith("alreadyPaid")) return "items";
        if (engineField.startsWith("member")) return "memberId";
        return engineField;
    }

    private static BenefitRequest request(Claim.Facts f, Member member, List<BenefitRequest.Coverage> coverages,
                                          List<AlreadyPaid> alreadyPaid, LocalDate today) {
        return new BenefitRequest(new BenefitRequest.Member(member.gender(), member.birthDate()), coverages,
                new BenefitRequest.Incident(f.kind(), f.incidentDate(), f.diagnoses(), f.death(), f.disabilityGrade(), f.hospitalStay()),
                f.expenses(), alreadyPaid, today);
    }

    /**
     * The coverage of the item a claim is judged against: one whose period holds the incident or the
     * admission (if several, the one the engine does not find NOT_COVERED), else the latest before the
     * incident, else the earliest.
     */
    private Coverage choose(Claim.Facts f, String item, List<Coverage> held) {
        List<Coverage> ofItem = held.stream().filter(c -> c.item().equals(item))
                .sorted(Comparator.comparing(Coverage::from).reversed()).toList();
        LocalDate admission = f.hospitalStay() == null ? null : f.hospitalStay().admission();
        List<Coverage> inForce = ofItem.stream()
                .filter(c -> (f.incidentDate() != null && c.activeOn(f.incidentDate())) || (admission != null && c.activeOn(admission)))
                .toList();
        if (inForce.size() == 1) return inForce.getFirst();
        if (inForce.size() > 1 && f.incidentDate() != null) {
            for (Coverage c : inForce) if (c.activeOn(admission != null ? admission : f.incidentDate()) && c.activeOn(f.incidentDate())) return c;
            return inForce.getFirst();
        }
        if (f.incidentDate() != null) {
            for (Coverage c : ofItem) if (!c.from().isAfter(f.incidentDate())) return c;
        }
        return ofItem.getLast();
    }

    /**
     * What an earlier benefit paid, per component. An adjusted amount is attributed to the computed
     * components in order: a cut takes from the last components first, an increase goes to the first.
     */
    static List<AlreadyPaid> paidAsComponents(StoredBenefit earlier) {
        List<AlreadyPaid> paid = new ArrayList<>();
        BigDecimal left = earlier.effectiveAmount().amount();
        List<ComponentAmount> components = earlier.components();
        for (int i = 0; i < components.size(); i++) {
            ComponentAmount c = components.get(i);
            BigDecimal share = c.amount().amount().min(left);
            left = left.subtract(share);
            Integer days = c.component() == Component.ALLOWANCE ? earlier.allowanceDays() : null;
            paid.add(new AlreadyPaid(earlier.item(), c.component().name(), new Money(share), days));
        }
        if (left.signum() > 0 && !paid.isEmpty()) {
            AlreadyPaid first = paid.getFirst();
            paid.set(0, new AlreadyPaid(first.item(), first.component(), first.amount().plus(new Money(left)), first.days()));
        }
        return paid;
    }

    /** Reasons a reviewer should confirm by hand: the claim is not approved automatically when any item has one. */
    static boolean needsHumanEyes(List<StoredBenefit> benefits) {
        return benefits.stream().flatMap(b -> b.reasons().stream())
                .anyMatch(r -> r.code() == ReasonCode.NOT_COVERED || r.code() == ReasonCode.WAITING_PERIOD
                        || r.code() == ReasonCode.CLAIM_TOO_LATE);
    }
}
