package org.huzhu.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.huzhu.claims.ClaimStatistics;
import org.huzhu.contributions.ContributionStatistics;
import org.huzhu.membership.EnrolmentStatistics;
import org.huzhu.organisation.OrganisationStatistics;
import org.huzhu.organisation.Ownership;
import org.huzhu.payouts.PayoutStatistics;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The list behind a dashboard figure (下钻), with the dashboard's filters: asked of the module that owns the records,
 * personal data masked. Counts here come from the base tables at the moment asked, so they may run up to a refresh ahead
 * of the dashboard's figure.
 */
@Service
public class Drilldowns {

    static final Set<String> FIGURES = Set.of("personTimes", "units", "newEnrolments", "renewals", "filed", "approved", "rejected",
            "paid", "overdueNow", "failedPayouts", "outstanding");

    private final Dashboards dashboards;
    private final EnrolmentStatistics enrolments;
    private final ClaimStatistics claims;
    private final ContributionStatistics contributions;
    private final PayoutStatistics payouts;
    private final OrganisationStatistics organisation;
    private final JdbcClient jdbc;
    private final Clock clock;

    Drilldowns(Dashboards dashboards, EnrolmentStatistics enrolments, ClaimStatistics claims, ContributionStatistics contributions,
               PayoutStatistics payouts, OrganisationStatistics organisation, JdbcClient jdbc, Clock clock) {
        this.dashboards = dashboards;
        this.enrolments = enrolments;
        this.claims = claims;
        this.contributions = contributions;
        this.payouts = payouts;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The figures among the money (资金), listed only for holders of {@link Right#REPORT_MONEY}. */
    private static final Set<String> MONEY = Set.of("failedPayouts", "outstanding");

    public record Query(Long office, String from, String to, String figure, String item, String ownership, String form, String month,
                        Long unit, Integer limit, Integer offset) {
    }

    public record Answer(String figure, long total, List<?> rows) {
    }

    public record UnitRow(long id, String name, String ownership, String ownershipName) {
    }

    public Answer drilldown(Query q, CurrentUser user) {
        Checks checks = new Checks();
        checks.check(q.figure() != null && FIGURES.contains(q.figure()), "figure", "统计项应为 " + String.join("、", FIGURES.stream().sorted().toList()));
        checks.check(q.form() == null || q.form().equals("REGULAR") || q.form().equals("NEW_FORM"), "form", "就业形态应为 REGULAR 或 NEW_FORM");
        checks.check(q.ownership() == null || Set.of(Ownership.values()).stream().anyMatch(o -> o.name().equals(q.ownership())),
                "ownership", "单位性质不正确");
        checks.throwIfInvalid();
        if (MONEY.contains(q.figure()) && !user.holds(Right.REPORT_MONEY)) {
            throw new org.springframework.security.access.AccessDeniedException("the money figures need " + Right.REPORT_MONEY);
        }
        Period period = Period.parse(q.from(), q.to(), LocalDate.now(clock));
        if (q.month() != null && !q.month().isBlank()) {
            period = Period.single("month", q.month());
        }
        String path;
        Long unit = q.unit();
        if (Dashboards.boundToUnit(user)) {
            var own = dashboards.unit(q.office(), user);
            path = own.path().replaceFirst("u[0-9]+/$", "");
            unit = own.id();
        } else {
            path = dashboards.office(q.office(), user).path();
        }
        int limit = Math.max(1, Math.min(q.limit() == null ? 50 : q.limit(), 500));
        int offset = Math.max(0, q.offset() == null ? 0 : q.offset());
        LocalDate from = period.firstDay(), to = period.lastDay();
        return switch (q.figure()) {
            case "personTimes", "newEnrolments", "renewals" -> {
                Boolean renewal = q.figure().equals("renewals") ? Boolean.TRUE : q.figure().equals("newEnrolments") ? Boolean.FALSE : null;
                var page = enrolments.personTimes(new EnrolmentStatistics.Filter(path, from, to, unit, q.form(), q.item(), renewal,
                        ownedUnits(path, q.ownership())), limit, offset);
                yield new Answer(q.figure(), page.total(), page.rows());
            }
            case "units" -> units(path, period, q.ownership(), limit, offset);
            case "filed", "approved", "rejected", "paid", "overdueNow" -> {
                var figure = ClaimStatistics.Figure.valueOf(q.figure().equals("overdueNow") ? "OVERDUE_NOW" : q.figure().toUpperCase());
                var page = claims.list(figure, path, unit, from, to, q.item(), limit, offset);
                yield new Answer(q.figure(), page.total(), page.rows());
            }
            case "failedPayouts" -> {
                var page = payouts.failed(path, unit, from, to, limit, offset);
                yield new Answer(q.figure(), page.total(), page.rows());
            }
            default -> {
                var page = contributions.outstanding(path, unit, from, to, limit, offset);
                yield new Answer(q.figure(), page.total(), page.rows());
            }
        };
    }

    /** Units of one ownership under the path (null: no filter). */
    private List<Long> ownedUnits(String path, String ownership) {
        if (ownership == null) return null;
        return organisation.units().stream().filter(u -> u.path().startsWith(path) && u.ownership().name().equals(ownership))
                .map(OrganisationStatistics.UnitLine::id).toList();
    }

    private Answer units(String path, Period period, String ownership, int limit, int offset) {
        var params = new java.util.HashMap<String, Object>(java.util.Map.of("like", path + "%", "fy", period.from().getYear(),
                "fm", period.from().getMonthValue(), "ty", period.to().getYear(), "tm", period.to().getMonthValue()));
        params.put("ownership", ownership);
        List<Long> ids = jdbc.sql("""
                select distinct unit_id from reporting.unit_year
                 where node_path like :like and year between :fy and :ty and unit_id <> 0
                   and months & (((1 << (case when year = :ty then :tm else 12 end)) - 1)
                                 & ~((1 << ((case when year = :fy then :fm else 1 end) - 1)) - 1)) <> 0
                   and (cast(:ownership as text) is null or ownership = :ownership)
                 order by unit_id""")
                .params(params)
                .query(Long.class).list();
        var names = new java.util.HashMap<Long, OrganisationStatistics.UnitLine>();
        organisation.units().forEach(u -> names.put(u.id(), u));
        List<UnitRow> rows = ids.stream().skip(offset).limit(limit).map(names::get).filter(java.util.Objects::nonNull)
                .map(u -> new UnitRow(u.id(), u.name(), u.ownership().name(), u.ownership().chinese())).toList();
        return new Answer("units", ids.size(), rows);
    }
}
