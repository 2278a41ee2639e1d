package org.huzhu.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.shared.Money;
import org.huzhu.shared.database.TouchedPaths;
import org.huzhu.shared.scope.PathSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Enrolment figures for reporting (统计), computed with set-based SQL over membership's own tables and handed out as
 * grouped rows: per unit (or per office, for workers of no unit) and month, by employment form, with the enrolments of
 * each item; the subsidy budgets and gift covers per office and year. Definitions: {@code docs/reporting.md}.
 * A person-time is one (member, cover start) in force; it is a renewal when one of its items renewed the member's cover
 * of that item without a gap (ended no more than 30 days before), as the enrolment rules recorded when it was bought.
 */
@Service
public class EnrolmentStatistics {

    private final JdbcClient jdbc;
    private final Catalogue catalogue;

    EnrolmentStatistics(JdbcClient jdbc, Catalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /** {@code items}: enrolments per item code (an enrolment of several items counts in each). */
    public record UnitMonth(String nodePath, long unitId, LocalDate month, String employmentForm, long personTimes,
                            long newEnrolments, long renewals, Map<String, Long> items) {
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
        return personTimes(filter, "");
    }

    private static String personTimes(String filter, String columns) {
        return """
                with pt as (
                    select e.member_id, e.coverage_from, min(e.org_path) as org_path, max(e.coverage_to) as coverage_to,
                           bool_or(e.coverages::text like '%%"renewedWithoutGap":true%%') as renewal%s
                      from membership.enrolment e
                     where e.status = 'IN_FORCE' %s
                     group by e.member_id, e.coverage_from)
                """.formatted(columns, filter);
    }

    /** The catalogue's item codes (every version's), as they stand in the coverages' text. */
    private List<String> itemCodes() {
        return catalogue.versions().stream().flatMap(v -> v.items().stream()).map(CatalogueVersion.Item::code).distinct()
                .filter(code -> code.matches("[A-Z0-9_]+")).sorted().toList();
    }

    /** The paths whose enrolment figures changed since they were last taken (see {@link TouchedPaths}); 'years' for budgets and gifts. */
    public Set<String> takeTouched() {
        return TouchedPaths.take(jdbc, "membership.touched");
    }

    /**
     * The paths and every other path where the same workers have enrolments: a person-time (member, cover start) is
     * counted at the first path of its enrolments, so a change at one path can move it to another.
     */
    public Set<String> withTheirWorkers(Collection<String> paths) {
        Set<String> all = new TreeSet<>(paths);
        all.addAll(jdbc.sql("""
                select distinct e.org_path from membership.enrolment e
                 where e.member_id in (select member_id from membership.enrolment where org_path = any(cast(:paths as text[])))""")
                .params(PathSql.paths(paths)).query(String.class).list());
        return all;
    }

    /** Enrolments cancelled (退保: done, or approved) per unit and month of the decision, and what was refunded. */
    public record Cancelled(String nodePath, long unitId, LocalDate month, long cancellations, Money refunds) {
    }

    /** {@code paths}: only the records of these paths (the incremental refresh), or null for all. */
    public List<Cancelled> cancellations(Collection<String> paths) {
        return jdbc.sql("""
                select %s, %s, date_trunc('month', coalesce(decided_at, requested_at) at time zone 'Asia/Shanghai')::date,
                       count(*), sum(refund_to_payer + refund_to_subsidy)
                  from membership.cancellation where status in ('DONE', 'APPROVED') and %s
                 group by 1, 2, 3""".formatted(PathSql.office("org_path"), PathSql.unit("org_path"), PathSql.among("org_path", paths)))
                .params(PathSql.paths(paths))
                .query((rs, n) -> new Cancelled(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getLong(4),
                        Money.rounded(rs.getBigDecimal(5)))).list();
    }

    /**
     * Person-times per unit, month and form, with the enrolments of each item (counted in the same pass); {@code paths}:
     * only the person-times counted at these paths, given with {@link #withTheirWorkers}, or null for all.
     */
    public void unitMonths(Collection<String> paths, Consumer<UnitMonth> sink) {
        List<String> codes = itemCodes();
        StringBuilder columns = new StringBuilder();
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < codes.size(); i++) {
            columns.append(",\n sum((e.coverages::text like '%\"item\":\"").append(codes.get(i)).append("\"%')::int) as item_").append(i);
            sums.append(", sum(pt.item_").append(i).append(")::bigint");
        }
        String workers = paths == null ? ""
                : "and e.member_id in (select member_id from membership.enrolment where org_path = any(cast(:paths as text[])))";
        jdbc.sql(personTimes(workers, columns.toString()) + """
                select %s, %s, month, employment_form, person_times, new_enrolments, renewals, items
                  from (select pt.org_path, date_trunc('month', pt.coverage_from)::date as month, m.employment_form,
                               count(*) as person_times, count(*) filter (where not pt.renewal) as new_enrolments,
                               count(*) filter (where pt.renewal) as renewals, array[0::bigint%s] as items
                          from pt join membership.member m on m.id = pt.member_id
                         where %s
                         group by 1, 2, 3) g""".formatted(PathSql.office("g.org_path"), PathSql.unit("g.org_path"), sums,
                        PathSql.among("pt.org_path", paths)))
                .params(PathSql.paths(paths))
                .query((ResultSet rs) -> {
                    Long[] counts = (Long[]) rs.getArray(8).getArray();
                    Map<String, Long> items = new LinkedHashMap<>();
                    for (int i = 0; i < codes.size(); i++) if (counts[i + 1] > 0) items.put(codes.get(i), counts[i + 1]);
                    sink.accept(new UnitMonth(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), items));
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
