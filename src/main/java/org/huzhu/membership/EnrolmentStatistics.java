package org.huzhu.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.PathSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Enrolment figures for reporting (统计), computed with set-based SQL over membership's own tables and handed out as
 * grouped rows: per unit (or per office, for workers of no unit) and month, by employment form; per office, month and
 * item; the subsidy budgets and gift covers per office and year. Definitions: {@code docs/reporting.md}.
 * A person-time is one (member, cover start) in force; it is a renewal when one of its items renewed the member's cover
 * of that item without a gap (ended no more than 30 days before), as the enrolment rules recorded when it was bought.
 */
@Service
public class EnrolmentStatistics {

    private final JdbcClient jdbc;

    EnrolmentStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record UnitMonth(String nodePath, long unitId, LocalDate month, String employmentForm, long personTimes,
                            long newEnrolments, long renewals) {
    }

    public record ItemMonth(String nodePath, LocalDate month, String item, long enrolments) {
    }

    /** A union office's subsidy budget of a year and what has been drawn on it. */
    public record Budget(long orgNodeId, int year, Money amount, Money drawn) {
    }

    /** Gift covers (免费意外保障): an office's quota of a year, or what was granted to workers of an office. */
    public record GiftQuota(long orgNodeId, int year, long quota) {
    }

    public record GiftsGranted(String nodePath, int year, long granted) {
    }

    /**
     * Person-times in force ({@code pt}: member, cover start, path, renewal), of enrolments matching {@code filter}. A
     * renewal is what the enrolment rules recorded on the cover when it was bought ({@code renewedWithoutGap}, domain §4:
     * the same item's cover ended no more than 30 days before); the coverages column is written by {@code CoverageJson}
     * without spaces, so the flag is found in its text without parsing it.
     */
    static String personTimes(String filter) {
        return """
                with pt as (
                    select e.member_id, e.coverage_from, min(e.org_path) as org_path, max(e.coverage_to) as coverage_to,
                           bool_or(e.coverages::text like '%%"renewedWithoutGap":true%%') as renewal
                      from membership.enrolment e
                     where e.status = 'IN_FORCE' %s
                     group by e.member_id, e.coverage_from)
                """.formatted(filter);
    }

    public void unitMonths(Consumer<UnitMonth> sink) {
        jdbc.sql(personTimes("") + """
                select %s, %s, month, employment_form, person_times, new_enrolments, renewals
                  from (select pt.org_path, date_trunc('month', pt.coverage_from)::date as month, m.employment_form,
                               count(*) as person_times, count(*) filter (where not pt.renewal) as new_enrolments,
                               count(*) filter (where pt.renewal) as renewals
                          from pt join membership.member m on m.id = pt.member_id
                         group by 1, 2, 3) g""".formatted(PathSql.office("g.org_path"), PathSql.unit("g.org_path")))
                .query((ResultSet rs) -> {
                    sink.accept(new UnitMonth(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                });
    }

    public void itemMonths(Consumer<ItemMonth> sink) {
        jdbc.sql("""
                select %s, month, item, sum(enrolments)
                  from (select e.org_path, date_trunc('month', e.coverage_from)::date as month, c->>'item' as item, count(*) as enrolments
                          from membership.enrolment e cross join lateral json_array_elements(e.coverages) c
                         where e.status = 'IN_FORCE'
                         group by 1, 2, 3) g
                 group by 1, 2, 3""".formatted(PathSql.office("g.org_path")))
                .query((ResultSet rs) -> {
                    sink.accept(new ItemMonth(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4)));
                });
    }

    public List<Budget> budgets() {
        return jdbc.sql("select org_node_id, year, amount, used from membership.subsidy_budget")
                .query((rs, n) -> new Budget(rs.getLong(1), rs.getInt(2), Money.rounded(rs.getBigDecimal(3)),
                        Money.rounded(rs.getBigDecimal(4)))).list();
    }

    public List<GiftQuota> giftQuotas() {
        return jdbc.sql("select node_id, year, quota from membership.gift_quota")
                .query((rs, n) -> new GiftQuota(rs.getLong(1), rs.getInt(2), rs.getLong(3))).list();
    }

    public List<GiftsGranted> giftsGranted() {
        return jdbc.sql("select %s, year, count(*) from membership.gift_claim group by 1, 2".formatted(PathSql.office("org_path")))
                .query((rs, n) -> new GiftsGranted(rs.getString(1), rs.getInt(2), rs.getLong(3))).list();
    }

    /** One enrolled person-time behind a figure, personal data masked. */
    public record Line(long memberId, String name, String idMasked, String employmentForm, long unitId, LocalDate coverFrom,
                       LocalDate coverTo, List<String> items, boolean renewal) {
    }

    /** What a drill-down asks: the office path, the months, and optional unit, form, item and renewal filters. */
    public record Filter(String pathPrefix, LocalDate fromMonth, LocalDate toMonthEnd, Long unitId, String employmentForm,
                         String item, Boolean renewal, List<Long> unitIds) {
    }

    /** The person-times behind a figure: how many, and one page of them. */
    public record Page(long total, List<Line> rows) {
    }

    public Page personTimes(Filter f, int limit, int offset) {
        String with = personTimes("and e.org_path like :path and e.coverage_from between :from and :to");
        String items = "(select array_agg(distinct x->>'item') from membership.enrolment i cross join lateral json_array_elements(i.coverages) x"
                + " where i.member_id = pt.member_id and i.coverage_from = pt.coverage_from and i.status = 'IN_FORCE')";
        String where = "\n" + """
                 where (cast(:unit as bigint) is null or %s = :unit)
                   and (cast(:form as text) is null or m.employment_form = :form)
                   and (cast(:renewal as boolean) is null or pt.renewal = :renewal)
                   and (cast(:item as text) is null or :item = any(%s))
                   and (cast(:units as bigint[]) is null or %s = any(cast(:units as bigint[])))""".formatted(PathSql.unit("pt.org_path"), items, PathSql.unit("pt.org_path"));
        var params = new java.util.HashMap<String, Object>();
        params.put("path", f.pathPrefix() + "%");
        params.put("from", f.fromMonth());
        params.put("to", f.toMonthEnd());
        params.put("unit", f.unitId());
        params.put("form", f.employmentForm());
        params.put("renewal", f.renewal());
        params.put("item", f.item());
        params.put("units", f.unitIds() == null ? null : f.unitIds().toArray(Long[]::new));
        String from = " from pt join membership.member m on m.id = pt.member_id";
        long total = jdbc.sql(with + "select count(*)" + from + where).params(params).query(Long.class).single();
        params.put("limit", limit);
        params.put("offset", offset);
        List<Line> rows = jdbc.sql(with + "select m.id, m.name, m.id_masked, m.employment_form, %s, pt.coverage_from, pt.coverage_to, %s, pt.renewal"
                        .formatted(PathSql.unit("pt.org_path"), items)
                        + from + where + " order by pt.coverage_from desc, m.id limit :limit offset :offset")
                .params(params).query((rs, n) -> line(rs)).list();
        return new Page(total, rows);
    }

    private static Line line(ResultSet rs) throws SQLException {
        return new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                List.of((String[]) rs.getArray(8).getArray()), rs.getBoolean(9));
    }
}
