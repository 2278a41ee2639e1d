package org.huzhu.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.membership.EmploymentForm;
import org.huzhu.organisation.Level;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.OrganisationStatistics;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Ownership;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.springframework.stereotype.Service;

/**
 * The dashboard of an office (统计看板) for a period of months, read from the rollups only: the office's totals, the
 * months, the offices directly below it (a county: its units) with their targets, the dimensions, and the league.
 * The caller sees offices inside their scope; any other answers 404.
 */
@Service
public class Dashboards {

    /** The key of the office's own records among its children ('' in the rollups' reads). */
    private static final String OWN = "";

    private final RollupReads reads;
    private final Targets targets;
    private final Organisations organisations;
    private final OrganisationStatistics units;
    private final Catalogue catalogue;
    private final Clock clock;

    Dashboards(RollupReads reads, Targets targets, Organisations organisations, OrganisationStatistics units, Catalogue catalogue,
               Clock clock) {
        this.reads = reads;
        this.targets = targets;
        this.organisations = organisations;
        this.units = units;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The office asked for (the caller's own by default), inside the caller's scope; otherwise 404. */
    public OrgNode office(Long officeId, CurrentUser user) {
        return organisations.visibleNode(officeId != null ? officeId : Targets.ownNode(user), user);
    }

    public Dashboard dashboard(Long officeId, String from, String to, CurrentUser user) {
        Period period = Period.parse(from, to, LocalDate.now(clock));
        Dashboard board = boundToUnit(user) ? ofUnit(unit(officeId, user), period) : of(office(officeId, user), period);
        return user.holds(Right.REPORT_MONEY) ? board : board.withoutMoney();
    }

    /** An office's dashboard without a caller (kept reports, benchmarks): whoever asked was checked before. */
    public Dashboard dashboardOf(long officeId, String from, String to) {
        return of(organisations.node(officeId), Period.parse(from, to, LocalDate.now(clock)));
    }

    /** A unit's operator sees their unit's dashboard only. */
    static boolean boundToUnit(CurrentUser user) {
        return user.unitId() != null && user.scopePath().matches(".*/u[0-9]+/$");
    }

    /** The caller's own unit: asked for by its id or not named at all; any other id answers 404. */
    OrganisationStatistics.UnitLine unit(Long unitId, CurrentUser user) {
        if (unitId != null && !unitId.equals(user.unitId())) throw new org.huzhu.shared.web.NotFoundException("组织不存在");
        return units.unitsOf(organisations.unit(user.unitId()).orElseThrow().organisationId()).stream()
                .filter(u -> u.id() == user.unitId()).findFirst().orElseThrow(() -> new org.huzhu.shared.web.NotFoundException("单位不存在"));
    }

    /** One unit's figures: totals and months, no offices below, no targets. */
    Dashboard ofUnit(OrganisationStatistics.UnitLine unit, Period period) {
        String path = unit.path().replaceFirst("u[0-9]+/$", "");
        Figures total = new Figures();
        Map<LocalDate, Figures> months = new TreeMap<>();
        for (RollupReads.ChildMonth r : reads.unitByMonth(path, unit.id(), period)) {
            total.add(r.figures());
            months.put(r.month(), r.figures());
        }
        long overdueNow = reads.overdueByUnit(path).stream().filter(o -> o.child().equals(Long.toString(unit.id())))
                .mapToLong(RollupReads.ChildCount::count).sum();
        Map<String, Long> ownership = total.personTimes > 0 ? Map.of(unit.ownership().name(), 1L) : Map.of();
        List<RollupReads.Dimension> dimensions = total.personTimes > 0
                ? List.of(new RollupReads.Dimension("OWNERSHIP", unit.ownership().name(), total.personTimes, 0, 0, BigDecimal.ZERO))
                : List.of();
        return new Dashboard(new Dashboard.Office(unit.id(), unit.name(), "UNIT", "单位", unit.path()),
                new Dashboard.Months(period.from().toString(), period.to().toString()), asOf(),
                enrolment(total, ownership.size(), Map.of(), months, List.of(), Map.of(), Map.of(), Map.of(), ownership, dimensions),
                claims(total, List.of(), overdueNow), money(total, List.of(), path), List.of());
    }

    private String asOf() {
        return reads.refreshedAt().map(t -> t.atZoneSameInstant(clock.getZone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).orElse(null);
    }

    /** One child of the office: an office below, its own records, or (for a county) one of its units. */
    private record Child(String key, Dashboard.OfficeRef ref, Long targetOffice) {
    }

    Dashboard of(OrgNode office, Period period) {
        String path = office.path();
        List<OrgNode> below = organisations.children(office.id());
        boolean listsUnits = office.level() == Level.COUNTY || below.isEmpty();

        Figures total = new Figures();
        Map<LocalDate, Figures> months = new TreeMap<>();
        Map<String, Figures> byChild = new HashMap<>();
        for (RollupReads.ChildMonth r : reads.byChildAndMonth(path, period)) {
            total.add(r.figures());
            months.computeIfAbsent(r.month(), m -> new Figures()).add(r.figures());
            if (!listsUnits || !r.child().equals(OWN)) byChild.computeIfAbsent(r.child(), c -> new Figures()).add(r.figures());
        }
        if (listsUnits) reads.byUnit(path, period).forEach(r -> byChild.put("u" + r.child(), r.figures()));

        Map<String, Long> unitsByChild = new HashMap<>();
        Map<String, Long> unitsByOwnership = new HashMap<>();
        for (RollupReads.ChildUnits u : reads.unitsByChild(path, period)) {
            if (!listsUnits || !u.child().equals(OWN)) unitsByChild.merge(u.child(), u.units(), Long::sum);
            unitsByOwnership.merge(u.ownership(), u.units(), Long::sum);
        }
        if (listsUnits) reads.ownUnits(path, period).forEach(u -> unitsByChild.merge("u" + u.child(), 1L, Long::sum));
        long unitCount = unitsByOwnership.values().stream().mapToLong(Long::longValue).sum();

        Map<String, Long> overdue = new HashMap<>();
        reads.overdueByChild(path).forEach(o -> {
            if (!listsUnits || !o.child().equals(OWN)) overdue.merge(o.child(), o.count(), Long::sum);
        });
        if (listsUnits) reads.overdueByUnit(path).forEach(o -> overdue.merge("u" + o.child(), o.count(), Long::sum));
        long overdueNow = overdue.values().stream().mapToLong(Long::longValue).sum();

        List<Child> children = children(office, below, listsUnits, byChild);
        List<Integer> years = IntStream.rangeClosed(period.from().getYear(), period.to().getYear()).boxed().toList();
        List<Long> targetOffices = new ArrayList<>(below.stream().map(OrgNode::id).toList());
        targetOffices.add(office.id());
        Map<Long, Map<Metric, Long>> set = targets.targets(years, targetOffices);

        List<RollupReads.Dimension> dimensions = reads.dimensions(path, period);
        return new Dashboard(
                new Dashboard.Office(office.id(), office.name(), office.level().name(), office.level().chinese(), path),
                new Dashboard.Months(period.from().toString(), period.to().toString()),
                asOf(),
                enrolment(total, unitCount, set.getOrDefault(office.id(), Map.of()), months, children, byChild, unitsByChild, set,
                        unitsByOwnership, dimensions),
                claims(total, dimensions, overdueNow),
                money(total, reads.years(path, period), path),
                league(children, byChild, unitsByChild, set, overdue));
    }

    private List<Child> children(OrgNode office, List<OrgNode> below, boolean listsUnits, Map<String, Figures> byChild) {
        List<Child> children = new ArrayList<>();
        for (OrgNode n : below) children.add(new Child(Long.toString(n.id()), new Dashboard.OfficeRef(n.id(), n.name(), null), n.id()));
        if (listsUnits) {
            for (OrganisationStatistics.UnitLine u : units.unitsOf(office.id())) {
                children.add(new Child("u" + u.id(), new Dashboard.OfficeRef(u.id(), u.name(), true), null));
            }
            if (byChild.containsKey("u0")) children.add(new Child("u0", new Dashboard.OfficeRef(0, "个人参保（无单位）", true), null));
        } else if (byChild.containsKey(OWN)) {
            children.add(new Child(OWN, new Dashboard.OfficeRef(office.id(), office.name() + "（本级）", null), null));
        }
        return children;
    }

    private Dashboard.Enrolment enrolment(Figures total, long unitCount, Map<Metric, Long> own, Map<LocalDate, Figures> months,
                                          List<Child> children, Map<String, Figures> byChild, Map<String, Long> unitsByChild,
                                          Map<Long, Map<Metric, Long>> set, Map<String, Long> unitsByOwnership,
                                          List<RollupReads.Dimension> dimensions) {
        Long ptTarget = own.get(Metric.PERSON_TIMES), unitTarget = own.get(Metric.UNITS), formTarget = own.get(Metric.NEW_FORM_PERSON_TIMES);
        var target = new Dashboard.Target(ptTarget, unitTarget, formTarget, Shares.of(total.personTimes, ptTarget),
                Shares.of(unitCount, unitTarget), Shares.of(total.newFormPersonTimes, formTarget));
        List<Dashboard.MonthRow> byMonth = months.entrySet().stream().map(e -> {
            Figures f = e.getValue();
            return new Dashboard.MonthRow(YearMonth.from(e.getKey()).toString(), f.personTimes, f.newEnrolments, f.renewals, f.filed,
                    f.paid, Money.rounded(f.paidAmount), Money.rounded(f.billed), Money.rounded(f.received));
        }).toList();
        List<Dashboard.OfficeRow> byOffice = children.stream().map(c -> {
            Figures f = byChild.getOrDefault(c.key(), new Figures());
            Long t = c.targetOffice() == null ? null : set.getOrDefault(c.targetOffice(), Map.of()).get(Metric.PERSON_TIMES);
            return new Dashboard.OfficeRow(c.ref(), f.personTimes, unitsByChild.getOrDefault(c.key(), 0L), t, Shares.of(f.personTimes, t));
        }).toList();
        Map<String, Long> ptByOwnership = new HashMap<>();
        List<Dashboard.FormRow> byForm = new ArrayList<>();
        List<Dashboard.ItemRow> byItem = new ArrayList<>();
        for (RollupReads.Dimension d : dimensions) {
            switch (d.dimension()) {
                case "OWNERSHIP" -> ptByOwnership.merge(d.code(), d.personTimes(), Long::sum);
                case "FORM" -> byForm.add(new Dashboard.FormRow(d.code(), EmploymentForm.valueOf(d.code()).chinese(), d.personTimes()));
                case "ITEM" -> {
                    if (d.enrolments() > 0) byItem.add(new Dashboard.ItemRow(d.code(), catalogue.itemName(d.code()), d.enrolments()));
                }
                default -> { }
            }
        }
        List<Dashboard.OwnershipRow> byOwnership = new ArrayList<>();
        for (Ownership o : Ownership.values()) {
            byOwnership.add(new Dashboard.OwnershipRow(o.name(), o.chinese(), ptByOwnership.getOrDefault(o.name(), 0L),
                    unitsByOwnership.getOrDefault(o.name(), 0L)));
        }
        if (ptByOwnership.containsKey(Rollups.NO_UNIT)) {
            byOwnership.add(new Dashboard.OwnershipRow(Rollups.NO_UNIT, "个人参保（无单位）", ptByOwnership.get(Rollups.NO_UNIT), 0));
        }
        byForm.sort(Comparator.comparing(Dashboard.FormRow::code).reversed());
        byItem.sort(Comparator.comparing(Dashboard.ItemRow::code));
        return new Dashboard.Enrolment(total.personTimes, unitCount, total.newEnrolments, total.renewals, total.newFormPersonTimes,
                total.cancellations, target, byMonth, byOffice, byOwnership, byForm, byItem);
    }

    private Dashboard.Claims claims(Figures total, List<RollupReads.Dimension> dimensions, long overdueNow) {
        List<Dashboard.ItemPaidRow> byItem = new ArrayList<>();
        TreeMap<Integer, Long> days = new TreeMap<>();
        for (RollupReads.Dimension d : dimensions) {
            if (d.dimension().equals("ITEM") && d.paid() > 0) {
                byItem.add(new Dashboard.ItemPaidRow(d.code(), catalogue.itemName(d.code()), Money.rounded(d.paidAmount()), d.paid()));
            }
            if (d.dimension().equals("DAYS")) days.merge(Integer.parseInt(d.code()), d.paid(), Long::sum);
        }
        byItem.sort(Comparator.comparing(Dashboard.ItemPaidRow::code));
        Double average = total.timed == 0 ? null : Math.round(10.0 * total.daysSum / total.timed) / 10.0;
        return new Dashboard.Claims(total.filed, total.approved, total.rejected, total.paid, total.personTimesPaid,
                Money.rounded(total.paidAmount), byItem, new Dashboard.WorkingDays(average, p90(days), total.withinPromiseShare()), overdueNow);
    }

    /** The 90th percentile of a histogram of working days: the least number of days within which 90 % were paid. */
    static Integer p90(TreeMap<Integer, Long> days) {
        long count = days.values().stream().mapToLong(Long::longValue).sum();
        if (count == 0) return null;
        long needed = (long) Math.ceil(0.9 * count), seen = 0;
        for (var e : days.entrySet()) {
            seen += e.getValue();
            if (seen >= needed) return e.getKey();
        }
        return days.lastKey();
    }

    private Dashboard.MoneyFigures money(Figures total, List<RollupReads.NodeYear> years, String path) {
        BigDecimal budget = BigDecimal.ZERO, drawn = BigDecimal.ZERO;
        long granted = 0;
        List<RollupReads.NodeYear> quotas = new ArrayList<>();
        for (RollupReads.NodeYear y : years) {
            budget = budget.add(y.subsidyBudget());
            drawn = drawn.add(y.subsidyDrawn());
            granted += y.giftsGranted();
            if (y.giftQuota() > 0) quotas.add(y);
        }
        // quotas nest (a county's lies inside its city's): the top-most quotas of the part of the tree count
        quotas.sort(Comparator.comparing(y -> y.path().length()));
        List<String> counted = new ArrayList<>();
        Long quota = quotas.isEmpty() ? null : 0L;
        for (RollupReads.NodeYear y : quotas) {
            if (counted.stream().anyMatch(y.path()::startsWith)) continue;
            counted.add(y.path());
            quota += y.giftQuota();
        }
        return new Dashboard.MoneyFigures(Money.rounded(total.billed), Money.rounded(total.received), Money.rounded(total.outstanding),
                new Dashboard.Subsidy(Money.rounded(budget), Money.rounded(drawn), Money.rounded(budget.subtract(drawn))),
                new Dashboard.Gifts(quota, granted), total.payoutsFailed, total.payoutsBounced, total.lossRatio(), Money.rounded(total.refunds));
    }

    private List<Dashboard.LeagueRow> league(List<Child> children, Map<String, Figures> byChild, Map<String, Long> unitsByChild,
                                             Map<Long, Map<Metric, Long>> set, Map<String, Long> overdue) {
        Map<String, Dashboard.LeagueRow> rows = new LinkedHashMap<>();
        for (Child c : children) {
            Figures f = byChild.getOrDefault(c.key(), new Figures());
            Long t = c.targetOffice() == null ? null : set.getOrDefault(c.targetOffice(), Map.of()).get(Metric.PERSON_TIMES);
            rows.put(c.key(), new Dashboard.LeagueRow(c.ref(), f.personTimes, unitsByChild.getOrDefault(c.key(), 0L), t,
                    Shares.of(f.personTimes, t), f.paid, Money.rounded(f.paidAmount), Money.rounded(f.billed), f.lossRatio(),
                    f.withinPromiseShare(), overdue.getOrDefault(c.key(), 0L)));
        }
        return List.copyOf(rows.values());
    }
}
