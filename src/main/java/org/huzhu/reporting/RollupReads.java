package org.huzhu.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboards' reads: only the rollups, each grouped by the office directly below the asked one ({@code child}: the
 * next id on the path, '' for the office's own records) or, for an office that lists its units, by unit.
 */
@Repository
class RollupReads {

    private static final String CHILD = "split_part(substring(node_path from :len), '/', 1)";

    private final JdbcClient jdbc;

    RollupReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ChildMonth(String child, LocalDate month, Figures figures) {
    }

    record Dimension(String dimension, String code, long personTimes, long enrolments, long paid, BigDecimal paidAmount) {
    }

    record ChildUnits(String child, String ownership, long units) {
    }

    record ChildCount(String child, long count) {
    }

    record NodeYear(String path, BigDecimal subsidyBudget, BigDecimal subsidyDrawn, long giftQuota, long giftsGranted) {
    }

    /** Figures per office below (or own records, child '') and month. */
    List<ChildMonth> byChildAndMonth(String path, Period period) {
        return jdbc.sql("select child, month, " + Figures.SUMS + """
                 from reporting.tree_month where office_path = ? and month between ? and ? group by 1, 2""")
                .params(path, period.firstDay(), period.lastMonth())
                .query((rs, n) -> new ChildMonth(rs.getString(1), rs.getObject(2, LocalDate.class), Figures.read(rs, 3))).list();
    }

    /** Figures per unit of the office itself (unit 0: workers of no unit) over the period. */
    List<ChildMonth> byUnit(String path, Period period) {
        return jdbc.sql("select unit_id::text, null::date, " + Figures.SUMS + """
                 from reporting.unit_month where node_path = ? and month between ? and ? group by 1""")
                .params(path, period.firstDay(), period.lastMonth())
                .query((rs, n) -> new ChildMonth(rs.getString(1), null, Figures.read(rs, 3))).list();
    }

    /** One unit's figures per month. */
    List<ChildMonth> unitByMonth(String path, long unitId, Period period) {
        return jdbc.sql("select unit_id::text, month, " + Figures.SUMS + """
                 from reporting.unit_month where node_path = ? and unit_id = ? and month between ? and ? group by 1, 2""")
                .params(path, unitId, period.firstDay(), period.lastMonth())
                .query((rs, n) -> new ChildMonth(rs.getString(1), rs.getObject(2, LocalDate.class), Figures.read(rs, 3))).list();
    }

    List<Dimension> dimensions(String path, Period period) {
        return jdbc.sql("""
                select dimension, code, sum(person_times), sum(enrolments), sum(paid), sum(paid_amount)
                  from reporting.tree_dimension where office_path = ? and month between ? and ? group by 1, 2""")
                .params(path, period.firstDay(), period.lastMonth())
                .query((rs, n) -> new Dimension(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getBigDecimal(6))).list();
    }

    private static final String IN_PERIOD = """
            year between :fy and :ty and unit_id <> 0
            and months & (((1 << (case when year = :ty then :tm else 12 end)) - 1)
                          & ~((1 << ((case when year = :fy then :fm else 1 end) - 1)) - 1)) <> 0""";

    private static java.util.Map<String, Object> periodParams(String path, Period period) {
        return new java.util.HashMap<>(java.util.Map.of("len", path.length() + 1, "like", path + "%", "path", path,
                "fy", period.from().getYear(), "fm", period.from().getMonthValue(),
                "ty", period.to().getYear(), "tm", period.to().getMonthValue()));
    }

    /** Units with enrolments in the period, per office below and ownership ('' child: the office's own units). */
    List<ChildUnits> unitsByChild(String path, Period period) {
        return jdbc.sql("select " + CHILD + ", ownership, count(distinct (node_path, unit_id)) from reporting.unit_year"
                        + " where node_path like :like and " + IN_PERIOD + " group by 1, 2")
                .params(periodParams(path, period))
                .query((rs, n) -> new ChildUnits(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** The office's own units that had enrolments in the period (child = the unit id). */
    List<ChildUnits> ownUnits(String path, Period period) {
        return jdbc.sql("select distinct unit_id::text, ownership, 1 from reporting.unit_year where node_path = :path and " + IN_PERIOD)
                .params(periodParams(path, period))
                .query((rs, n) -> new ChildUnits(rs.getString(1), rs.getString(2), 1)).list();
    }

    List<ChildCount> overdueByChild(String path) {
        return jdbc.sql("select child, overdue_now from reporting.tree_now where office_path = ?").param(path)
                .query((rs, n) -> new ChildCount(rs.getString(1), rs.getLong(2))).list();
    }

    List<ChildCount> overdueByUnit(String path) {
        return jdbc.sql("select unit_id::text, overdue_now from reporting.unit_now where node_path = ?").param(path)
                .query((rs, n) -> new ChildCount(rs.getString(1), rs.getLong(2))).list();
    }

    List<NodeYear> years(String path, Period period) {
        return jdbc.sql("""
                select node_path, sum(subsidy_budget), sum(subsidy_drawn), sum(gift_quota), sum(gifts_granted)
                  from reporting.node_year where node_path like ? and year between ? and ? group by 1""")
                .params(path + "%", period.from().getYear(), period.to().getYear())
                .query((rs, n) -> new NodeYear(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    Optional<OffsetDateTime> refreshedAt() {
        return jdbc.sql("select refreshed_at from reporting.refresh where id = 1").query(OffsetDateTime.class).optional();
    }
}
