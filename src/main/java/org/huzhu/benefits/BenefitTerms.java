package org.huzhu.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.huzhu.benefits.BenefitResult.Component;
import org.huzhu.benefits.BenefitSchedule.DeathDisabilitySpec;
import org.huzhu.benefits.BenefitSchedule.ItemSpec;
import org.huzhu.benefits.BenefitSchedule.LumpSumClass;
import org.huzhu.benefits.BenefitSchedule.LumpSumSpec;
import org.huzhu.benefits.BenefitSchedule.MedicalSpec;
import org.huzhu.benefits.BenefitSchedule.Tier;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every catalogue version joined with its benefit schedule (same code and effectiveFrom), compiled
 * once at start. Refuses a schedule whose terms do not hang together, so that a bad file stops the
 * start rather than a claim.
 */
final class BenefitTerms {

    private static final Logger log = LoggerFactory.getLogger(BenefitTerms.class);
    static final int DISABILITY_GRADES = 10;

    private final Function<LocalDate, CatalogueVersion> activeOn;
    private final Map<CatalogueVersion, Map<String, ItemTerms>> byVersion;
    private final Map<CatalogueVersion, List<DiagnosisList>> listsByVersion;
    private final Map<String, ItemTerms> anyVersion = new HashMap<>();

    private BenefitTerms(Function<LocalDate, CatalogueVersion> activeOn, Map<CatalogueVersion, Map<String, ItemTerms>> byVersion,
                         Map<CatalogueVersion, List<DiagnosisList>> listsByVersion) {
        this.activeOn = activeOn;
        this.byVersion = byVersion;
        this.listsByVersion = listsByVersion;
        byVersion.values().forEach(items -> items.forEach(anyVersion::putIfAbsent));
    }

    static BenefitTerms compile(List<CatalogueVersion> versions, Function<LocalDate, CatalogueVersion> activeOn,
                                List<BenefitSchedule> schedules) {
        Map<CatalogueVersion, Map<String, ItemTerms>> byVersion = new IdentityHashMap<>();
        Map<CatalogueVersion, List<DiagnosisList>> listsByVersion = new IdentityHashMap<>();
        List<BenefitSchedule> unused = new ArrayList<>(schedules);
        for (CatalogueVersion version : versions) {
            BenefitSchedule schedule = null;
            for (BenefitSchedule s : schedules) {
                if (version.code().equals(s.code()) && version.effectiveFrom().equals(s.effectiveFrom())) schedule = s;
            }
            if (schedule == null) {
                log.warn("Catalogue {} (effective {}) has no benefit rules in catalogue/benefits: its coverages cannot be calculated",
                        version.code(), version.effectiveFrom());
                continue;
            }
            unused.remove(schedule);
            Map<String, DiagnosisList> lists = new LinkedHashMap<>();
            byVersion.put(version, compile(version, schedule, lists));
            listsByVersion.put(version, List.copyOf(lists.values()));
        }
        if (!unused.isEmpty()) {
            throw new IllegalStateException("Benefit rules " + unused.stream().map(s -> s.code() + "@" + s.effectiveFrom()).toList()
                    + " match no catalogue version (same code and effectiveFrom)");
        }
        return new BenefitTerms(activeOn, byVersion, listsByVersion);
    }

    /** The items of the catalogue version in force for a coverage starting on {@code from}; null without benefit rules. */
    Map<String, ItemTerms> itemsFrom(LocalDate from) {
        return byVersion.get(activeOn.apply(from));
    }

    /** The diagnosis lists of the catalogue version in force for a coverage starting on {@code from}, in file order. */
    List<DiagnosisList> listsFrom(LocalDate from) {
        return listsByVersion.getOrDefault(activeOn.apply(from), List.of());
    }

    String versionCode(LocalDate from) {
        return activeOn.apply(from).code();
    }

    /** The item's terms in any version, to check an already-paid entry; null when no version knows it. */
    ItemTerms anyItem(String code) {
        return anyVersion.get(code);
    }

    private static Map<String, ItemTerms> compile(CatalogueVersion version, BenefitSchedule schedule, Map<String, DiagnosisList> lists) {
        List<String> problems = new ArrayList<>();
        schedule.diagnosisLists().forEach((code, spec) -> {
            try {
                lists.put(code, DiagnosisList.compile(code, spec.name(), spec.include(), spec.exclude()));
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        });
        Map<String, ItemTerms> items = new LinkedHashMap<>();
        for (CatalogueVersion.Item item : version.items()) {
            ItemSpec spec = schedule.items().get(item.code());
            if (spec == null) {
                problems.add(item.code() + ": no benefit rules");
                continue;
            }
            int before = problems.size();
            ItemTerms terms = item(version, item, spec, lists, problems);
            if (problems.size() == before) items.put(item.code(), terms);
        }
        schedule.items().keySet().stream().filter(code -> version.item(code).isEmpty())
                .forEach(code -> problems.add(code + ": not an item of catalogue " + version.code()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Benefit rules " + schedule.code() + " are inconsistent: " + problems);
        }
        return Map.copyOf(items);
    }

    private static ItemTerms item(CatalogueVersion version, CatalogueVersion.Item item, ItemSpec spec,
                                  Map<String, DiagnosisList> lists, List<String> problems) {
        String code = item.code();
        Map<String, Integer> planIndex = new HashMap<>();
        for (int i = 0; i < item.plans().size(); i++) planIndex.put(item.plans().get(i).code(), i);
        if (spec.incidents().isEmpty()) problems.add(code + ": covers no incidents");
        boolean byAdmission = spec.judgedOn() == BenefitSchedule.JudgedOn.ADMISSION;
        if (byAdmission && !spec.needsHospitalStay()) problems.add(code + ": judgedOn ADMISSION needs needsHospitalStay");

        List<EligibilityPolicy> gates = new ArrayList<>(List.of(IncidentKindPolicy.INSTANCE));
        if (item.onlyGender() != null) gates.add(GenderPolicy.INSTANCE);
        if (spec.needsHospitalStay()) gates.add(HospitalStayPolicy.INSTANCE);
        List<EligibilityPolicy> checks = new ArrayList<>(List.of(CoveragePeriodPolicy.INSTANCE, WaitingPeriodPolicy.INSTANCE,
                ClaimDeadlinePolicy.INSTANCE));

        List<Component> components = new ArrayList<>();
        List<ComponentRule> rules = new ArrayList<>();
        if (spec.deathDisability() != null) {
            components.add(Component.DEATH_DISABILITY);
            rules.add(deathDisability(code, spec.deathDisability(), problems));
        }
        if (spec.medical() != null) {
            components.add(Component.MEDICAL);
            rules.add(medical(code, spec, problems));
        }
        if (spec.allowance() != null) {
            var a = spec.allowance();
            if (a.perDayPerShare() == null || a.perDayPerShare().isNegative() || a.minDays() < 0 || a.maxDaysPerPeriod() < 1) {
                problems.add(code + ": allowance needs perDayPerShare ≥ 0, minDays ≥ 0 and maxDaysPerPeriod ≥ 1");
            } else {
                components.add(Component.ALLOWANCE);
                rules.add(new AllowanceBenefit(a.perDayPerShare().amount(), a.minDays(), a.maxDaysPerPeriod()));
            }
        }
        if (spec.lumpSum() != null) {
            LumpSumBenefit lumpSum = lumpSum(item, spec.lumpSum(), lists, problems);
            if (lumpSum != null) {
                components.add(Component.LUMP_SUM);
                rules.add(lumpSum);
                checks.add(new DiagnosisListPolicy(lumpSum.classes()));
            }
        }
        if (rules.isEmpty()) problems.add(code + ": pays no component");
        return new ItemTerms(item, version.claimDeadlineYears(), planIndex, spec.incidents(), byAdmission,
                gates.toArray(EligibilityPolicy[]::new), checks.toArray(EligibilityPolicy[]::new),
                components.toArray(Component[]::new), rules.toArray(ComponentRule[]::new));
    }

    private static ComponentRule deathDisability(String code, DeathDisabilitySpec spec, List<String> problems) {
        if (spec.poolPerShare() == null || spec.poolPerShare().isNegative()) problems.add(code + ": deathDisability.poolPerShare missing");
        if (spec.disabilityRatios().size() != DISABILITY_GRADES) {
            problems.add(code + ": deathDisability.disabilityRatios needs one ratio per grade 1.." + DISABILITY_GRADES);
        }
        for (BigDecimal r : spec.disabilityRatios()) {
            if (r == null || r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) problems.add(code + ": disability ratio " + r + " outside 0..1");
        }
        return spec.poolPerShare() == null ? null
                : new DeathDisabilityBenefit(spec.poolPerShare().amount(), spec.disabilityRatios().toArray(BigDecimal[]::new));
    }

    private static ComponentRule medical(String code, ItemSpec item, List<String> problems) {
        MedicalSpec spec = item.medical();
        if (spec.counts().isEmpty()) problems.add(code + ": medical.counts names no expenses");
        if (spec.deductible() == null || spec.deductible().isNegative()) problems.add(code + ": medical.deductible missing");
        if (spec.capPerShare() == null || spec.capPerShare().isNegative()) problems.add(code + ": medical.capPerShare missing");
        List<Tier> tiers = spec.tiers();
        if (tiers.isEmpty()) problems.add(code + ": medical.tiers missing");
        Money lower = Money.ZERO;
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            boolean last = i == tiers.size() - 1;
            if (t.ratio() == null || t.ratio().signum() < 0) problems.add(code + ": tier " + (i + 1) + " needs a ratio ≥ 0");
            if (last != (t.upTo() == null)) problems.add(code + ": only the last tier (and it must) has no upTo");
            if (t.upTo() != null) {
                if (t.upTo().compareTo(lower) <= 0) problems.add(code + ": tiers must rise");
                lower = t.upTo();
            }
        }
        if (spec.deductible() == null || spec.capPerShare() == null || tiers.isEmpty()) return null;
        boolean onlyComponent = item.deathDisability() == null && item.allowance() == null && item.lumpSum() == null;
        return new MedicalExpenseBenefit(spec, onlyComponent);
    }

    private static LumpSumBenefit lumpSum(CatalogueVersion.Item item, LumpSumSpec spec, Map<String, DiagnosisList> lists,
                                          List<String> problems) {
        String code = item.code();
        List<LumpSumClass> classes = spec.classes();
        if (classes.isEmpty()) problems.add(code + ": lumpSum.classes missing");
        List<DiagnosisList> ranked = new ArrayList<>();
        for (LumpSumClass c : classes) {
            DiagnosisList list = lists.get(c.list());
            if (list == null) problems.add(code + ": unknown diagnosis list " + c.list());
            else ranked.add(list);
        }
        int plans = item.plans().size();
        BigDecimal[][] perShare = new BigDecimal[plans][classes.size()];
        BigDecimal[] cap = new BigDecimal[plans];
        for (int p = 0; p < plans; p++) {
            String plan = item.plans().get(p).code();
            for (int k = 0; k < classes.size(); k++) {
                Money amount = classes.get(k).perShare().get(plan);
                if (amount == null || amount.isNegative()) problems.add(code + ": class " + classes.get(k).list() + " has no amount for plan " + plan);
                else perShare[p][k] = amount.amount();
            }
            Money c = spec.capPerShare().get(plan);
            if (c == null || c.isNegative()) problems.add(code + ": lumpSum.capPerShare has no amount for plan " + plan);
            else cap[p] = c.amount();
        }
        if (ranked.size() != classes.size()) return null;
        String[] names = ranked.stream().map(DiagnosisList::name).toArray(String[]::new);
        return new LumpSumBenefit(new DiagnosisClasses(ranked), perShare, cap, names);
    }
}
