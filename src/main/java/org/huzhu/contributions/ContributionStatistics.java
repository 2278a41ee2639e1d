package org.huzhu.contributions;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;
import org.huzhu.shared.Money;
import org.huzhu.shared.database.TouchedPaths;
import org.huzhu.shared.scope.PathSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Money figures for reporting (统计), computed with set-based SQL over contributions' own tables, per unit (or
 * office) and month: contributions billed (bills not cancelled, by the bill's business day: the day its contributions
 * were declared for, else the day billed), what is still outstanding on those
 * bills, and what was received (payments not reversed, by the day paid; an excess is not a contribution).
 */
@Service
public class ContributionStatistics {

    private final JdbcClient jdbc;

    ContributionStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record UnitMonth(String nodePath, long unitId, LocalDate month, Money billed, Money received, Money outstanding) {
    }

    /** The paths whose money figures changed since they were last taken (see {@link TouchedPaths}). */
    public Set<String> takeTouched() {
        return TouchedPaths.take(jdbc, "contributions.touched");
    }

    /** {@code paths}: only the bills of these paths (the incremental refresh), or null for all. */
    public void unitMonths(Collection<String> paths, Consumer<UnitMonth> sink) {
        jdbc.sql("""
                with bl as not materialized (select * from contributions.bill where %s),
                figures as (
                    select org_path, date_trunc('month', coalesce(declared_for, created_on))::date as month,
                           unit_due + member_due + union_due as billed, 0::numeric as received,
                           unit_due + member_due + union_due - unit_received - member_received - union_received as outstanding
                      from bl where status <> 'CANCELLED'
                    union all
                    select b.org_path, date_trunc('month', p.paid_on)::date, 0, p.to_unit + p.to_member + p.to_union, 0
                      from contributions.payment p join bl b on b.id = p.bill_id
                     where p.reversed_on is null)
                select %s, %s, month, sum(billed), sum(received), sum(outstanding)
                  from figures group by 1, 2, 3""".formatted(PathSql.among("org_path", paths), PathSql.office("org_path"),
                        PathSql.unit("org_path")))
                .params(PathSql.paths(paths))
                .query((ResultSet rs) -> {
                    sink.accept(new UnitMonth(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                            Money.rounded(rs.getBigDecimal(4)), Money.rounded(rs.getBigDecimal(5)), Money.rounded(rs.getBigDecimal(6))));
                });
    }

    /** A bill with money still outstanding. */
    public record Line(String reference, long unitId, LocalDate billedOn, Money due, Money received, Money outstanding, String status) {
    }

    public record Page(long total, java.util.List<Line> rows) {
    }

    /** Bills of the months, under the path (optionally of one unit), with money outstanding. */
    public Page outstanding(String pathPrefix, Long unitId, LocalDate from, LocalDate to, int limit, int offset) {
        String where = "\n" + """
                 from contributions.bill
                where status <> 'CANCELLED' and org_path like :path and coalesce(declared_for, created_on) between :from and :to
                  and unit_due + member_due + union_due > unit_received + member_received + union_received
                  and (cast(:unit as bigint) is null or %s = :unit)""".formatted(PathSql.unit("org_path"));
        var params = new java.util.HashMap<String, Object>(java.util.Map.of("path", pathPrefix + "%", "from", from, "to", to,
                "limit", limit, "offset", offset));
        params.put("unit", unitId);
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        var rows = jdbc.sql("""
                select id, %s, coalesce(declared_for, created_on), unit_due + member_due + union_due,
                       unit_received + member_received + union_received, status""".formatted(PathSql.unit("org_path")) + where + " order by id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> {
                    Money due = Money.rounded(rs.getBigDecimal(4)), received = Money.rounded(rs.getBigDecimal(5));
                    return new Line(BillReference.of(rs.getLong(1)), rs.getLong(2), rs.getObject(3, LocalDate.class), due, received,
                            due.minus(received), rs.getString(6));
                }).list();
        return new Page(total, rows);
    }
}
