package org.huzhu.membership;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.catalogue.CatalogueVersion.Item;
import org.huzhu.catalogue.CatalogueVersion.Plan;
import org.huzhu.shared.Gender;
import org.huzhu.shared.Money;

/**
 * The catalogue rules of enrolment, as one pure function: what a member may hold, for which
 * period, at what premium. Used alike by the enrolment API and the roster import.
 * <ul>
 *   <li>Cover starts the later of the day after payment and the day after the member's cover in force
 *       for the item ends: paying while cover is in force chains the new period to the old one
 *       (renewed without gap, no waiting period; domain §4). Each item lasts its plan's term.</li>
 *   <li>Age at coverage start within the catalogue's range; items limited to one sex.</li>
 *   <li>Shares 1..max; one plan of an item at a time; gift-only items cannot be bought.</li>
 *   <li>The renewal window is {@code renewalGapDays} either side of the old cover's end: paid while
 *       the cover in force ends within it, the new period is chained; paid at most that many days
 *       after it ended, it is renewed without gap too. A real overlap stays refused: cover of the
 *       item in force beyond the window (paid twice), or starting after the day after payment
 *       (renewed already).</li>
 *   <li>An item already held by an enrolment awaiting payment cannot be bought again until that
 *       bill is paid (the two would overlap once it is).</li>
 *   <li>An enrolment awaiting payment is planned as if paid today; when its bill is paid, its
 *       cover is dated from the real payment ({@link #inForce}).</li>
 * </ul>
 */
final class EnrolmentRules {

    private EnrolmentRules() {
    }

    /** Where a problem lies, for the caller to name in its own terms (JSON path or roster column). */
    enum Field { ITEM, PLAN, SHARES, PAID_ON, MEMBER, BUNDLE }

    /** {@code conflict}: the request is fine in itself but clashes with cover already held. */
    record Problem(Field field, int line, String message, boolean conflict) {
        Problem(Field field, int line, String message) {
            this(field, line, message, false);
        }
    }

    record Requested(String item, String plan, int shares) {
    }

    record Planned(List<Coverage> coverages, Money premium, Money gift, LocalDate from, LocalDate to) {
    }

    record Result(Planned planned, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    static Result plan(CatalogueVersion catalogue, Gender gender, LocalDate birthDate, List<Requested> lines,
                       LocalDate paidOn, List<Coverage> held, boolean gift) {
        List<Problem> problems = new ArrayList<>();
        LocalDate from = paidOn.plusDays(1);
        int age = Period.between(birthDate, from).getYears();
        var ages = catalogue.ageAtStart();
        if (age < ages.min() || age > ages.max()) {
            problems.add(new Problem(Field.MEMBER, -1, "保障开始时年龄为" + age + "周岁，须在" + ages.min() + "至" + ages.max() + "周岁之间"));
        }
        if (lines.isEmpty()) problems.add(new Problem(Field.ITEM, -1, "至少选择一个保障项目"));
        List<Coverage> coverages = new ArrayList<>();
        Set<String> itemsSeen = new HashSet<>();
        Money premium = Money.ZERO;
        Money giftTotal = Money.ZERO;
        LocalDate to = from;
        for (int i = 0; i < lines.size(); i++) {
            Requested line = lines.get(i);
            Item item = catalogue.item(line.item()).orElse(null);
            if (item == null) {
                problems.add(new Problem(Field.ITEM, i, "保障项目不存在：" + line.item()));
                continue;
            }
            String planCode = line.plan() == null || line.plan().isBlank() ? item.defaultPlan() : line.plan();
            Plan plan = item.plan(planCode).orElse(null);
            if (plan == null) {
                problems.add(new Problem(Field.PLAN, i, item.name() + "没有“" + planCode + "”方案"));
                continue;
            }
            if (!itemsSeen.add(item.code())) {
                problems.add(new Problem(Field.ITEM, i, item.name() + "重复：同一项目同时只能持有一个方案"));
                continue;
            }
            if (item.giftOnly() && !gift) {
                problems.add(new Problem(Field.ITEM, i, item.name() + "为实名认证的新就业形态劳动者免费赠送，不能购买"));
                continue;
            }
            if (line.shares() < 1 || line.shares() > item.maxShares()) {
                problems.add(new Problem(Field.SHARES, i, item.name() + "份数应在1至" + item.maxShares() + "份之间"));
                continue;
            }
            if (item.onlyGender() != null && item.onlyGender() != gender) {
                problems.add(new Problem(Field.ITEM, i, item.name() + "仅限" + item.onlyGender().chinese() + "职工参加"));
                continue;
            }
            boolean awaiting = false;
            Coverage clash = null;
            for (Coverage c : held) {   // a plain loop: this runs for every row of a million-row roster
                if (!c.item().equals(item.code())) continue;
                if (!c.inForce()) awaiting = true;
                else if (c.activeOn(from) ? c.to().isAfter(from.plusDays(catalogue.renewalGapDays()))
                        : c.from().isAfter(from) && !c.from().isAfter(plan.coverageTo(from))) clash = c;
            }
            if (awaiting) {
                problems.add(new Problem(Field.ITEM, i, "已有待缴费的" + item.name() + "参保记录（缴费后生效），不能重复参保", true));
                continue;
            }
            if (clash != null) {
                problems.add(new Problem(Field.ITEM, i, "已参加" + item.name() + "（保障期" + clash.from() + "至" + clash.to() + "），保障期不能重叠"
                        + (clash.from().isAfter(from) ? "" : "；保障到期前" + catalogue.renewalGapDays() + "天内可续保"), true));
                continue;
            }
            LocalDate itemFrom = chainedStart(item.code(), from, held);
            LocalDate itemTo = plan.coverageTo(itemFrom);
            boolean renewed = itemFrom.isAfter(from) || renewedWithoutGap(catalogue, item.code(), itemFrom, held);
            Money linePremium = plan.price().times(line.shares());
            Money lineGift = plan.giftPrice().times(line.shares());
            coverages.add(new Coverage(item.code(), plan.code(), line.shares(), itemFrom, itemTo, linePremium, renewed));
            premium = premium.plus(linePremium);
            giftTotal = giftTotal.plus(lineGift);
            if (itemTo.isAfter(to)) to = itemTo;
        }
        if (!problems.isEmpty()) return new Result(null, problems);
        return new Result(new Planned(List.copyOf(coverages), premium, giftTotal, earliest(coverages, from), to), List.of());
    }

    /**
     * Dates the cover of an enrolment that was awaiting payment, now that its bill was paid on
     * {@code paidOn}: each item from the day after payment for its plan's term, renewed without gap
     * when the member's earlier cover of the item ended at most {@code renewalGapDays} before.
     * Eligibility was decided when the enrolment was made and the premium billed; it is not decided
     * again here.
     */
    static Planned inForce(CatalogueVersion catalogue, List<Coverage> awaiting, LocalDate paidOn, List<Coverage> held) {
        LocalDate from = paidOn.plusDays(1);
        LocalDate to = from;
        Money premium = Money.ZERO;
        List<Coverage> coverages = new ArrayList<>(awaiting.size());
        for (Coverage c : awaiting) {
            LocalDate itemFrom = chainedStart(c.item(), from, held);
            LocalDate itemTo = catalogue.item(c.item()).flatMap(i -> i.plan(c.plan())).map(p -> p.coverageTo(itemFrom))
                    .orElseGet(() -> itemFrom.plusYears(1).minusDays(1));
            coverages.add(new Coverage(c.item(), c.plan(), c.shares(), itemFrom, itemTo, c.premium(),
                    itemFrom.isAfter(from) || renewedWithoutGap(catalogue, c.item(), itemFrom, held)));
            premium = premium.plus(c.premium());
            if (itemTo.isAfter(to)) to = itemTo;
        }
        return new Planned(List.copyOf(coverages), premium, Money.ZERO, earliest(coverages, from), to);
    }

    /**
     * The day the item's new cover starts: {@code start} (the day after payment), or the day after the
     * member's cover in force for the item ends when that is later (a renewal chained to the old cover).
     */
    static LocalDate chainedStart(String item, LocalDate start, List<Coverage> held) {
        LocalDate from = start;
        for (boolean moved = true; moved; ) {   // a cover chained already is followed too (awaiting payment meanwhile)
            moved = false;
            for (Coverage c : held) {
                if (c.item().equals(item) && c.activeOn(from)) {
                    from = c.to().plusDays(1);
                    moved = true;
                }
            }
        }
        return from;
    }

    private static LocalDate earliest(List<Coverage> coverages, LocalDate fallback) {
        LocalDate first = null;
        for (Coverage c : coverages) if (first == null || c.from().isBefore(first)) first = c.from();
        return first == null ? fallback : first;
    }

    private static boolean renewedWithoutGap(CatalogueVersion catalogue, String item, LocalDate from, List<Coverage> held) {
        for (Coverage c : held) {
            if (c.inForce() && c.item().equals(item) && renewsWithoutGap(catalogue, c, from)) return true;
        }
        return false;
    }

    /** Cover held that ended at most {@code renewalGapDays} uncovered days before {@code from}. */
    private static boolean renewsWithoutGap(CatalogueVersion catalogue, Coverage held, LocalDate from) {
        return !held.to().isAfter(from) && ChronoUnit.DAYS.between(held.to().plusDays(1), from) <= catalogue.renewalGapDays();
    }

    /** Expands a bundle into its items for a member of the given sex, all with the same shares. */
    static List<Requested> bundle(CatalogueVersion.Bundle bundle, Gender gender, int shares) {
        return bundle.itemsFor(gender).stream().map(ip -> new Requested(ip.item(), ip.plan(), shares)).toList();
    }
}
