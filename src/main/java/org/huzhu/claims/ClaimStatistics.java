package org.huzhu.claims;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.huzhu.shared.Money;
import org.huzhu.shared.calendar.BusinessCalendar;
import org.huzhu.shared.database.TouchedPaths;
import org.huzhu.shared.scope.PathSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Claims figures for reporting (统计), computed with set-based SQL over claims' own tables and handed out as grouped
 * rows per unit (or office) and month: filed (by the day submitted), approved (the month of the first approval),
 * rejected and paid (by the claim's closing day, the payout's settlement for a paid one), the amounts paid per item,
 * the working days from complete materials to payment (on {@link BusinessCalendar}), and claims past their payment
 * promise now. Definitions: {@code docs/reporting.md}.
 */
@Service
public class ClaimStatistics {

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final ClaimsProperties settings;
    private final Clock clock;

    ClaimStatistics(JdbcClient jdbc, BusinessCalendar calendar, ClaimsProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code timed}: paid claims whose materials were complete on a known day; {@code daysSum} their working days. */
    public record UnitMonth(String nodePath, long unitId, LocalDate month, long filed, long approved, long rejected,
                            long paid, long personTimesPaid, Money paidAmount, long timed, long daysSum, long withinPromise) {
    }

    public record ItemMonth(String nodePath, long unitId, LocalDate month, String item, long paid, Money paidAmount) {
    }

    /** How many paid claims took {@code days} working days from complete materials to payment. */
    public record DaysMonth(String nodePath, long unitId, LocalDate month, int days, long claims) {
    }

    public record Overdue(String nodePath, long unitId, long overdue) {
    }

    public int promisedWorkingDays() {
        return settings.paymentPromiseWorkingDays();
    }

    /** Working days counted up to each day ({@code wd(day, n)}): working days between a and b = n(b) − n(a). */
    private String workingDays(LocalDate first, LocalDate last, Map<String, Object> params) {
        List<Integer> counts = new ArrayList<>();
        int n = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) n++;
            counts.add(n);
        }
        params.put("first", first);
        params.put("counts", counts.toArray(Integer[]::new));
        return "wd as (select cast(:first as date) + cast(i - 1 as int) as day, n from unnest(cast(:counts as int[])) with ordinality as t(n, i))";
    }

    private Map<String, Object> calendarParams(StringBuilder with) {
        Map<String, Object> params = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        LocalDate first = jdbc.sql("select min(materials_complete_on) from claims.claim").query(LocalDate.class).optional()
                .orElse(today);
        LocalDate last = jdbc.sql("select max(closed_on) from claims.claim").query(LocalDate.class).optional().orElse(today);
        if (first == null) first = today;
        if (last == null || last.isBefore(today)) last = today;
        with.append(workingDays(first.isAfter(today) ? today : first, last, params));
        params.put("promise", promisedWorkingDays());
        return params;
    }

    /** The claims of the paths asked ({@code cl}), inlined into each statement that reads it. */
    private static String claimsOf(Collection<String> paths) {
        return ", cl as not materialized (select * from claims.claim where " + PathSql.among("org_path", paths) + ")\n";
    }

    private static final String PAID_DAYS = """
            paid_days as (
                select c.id, c.org_path, c.closed_on, b.n - a.n as days
                  from cl c join wd a on a.day = c.materials_complete_on join wd b on b.day = c.closed_on
                 where c.status = 'PAID')
            """;

    /** The paths whose claim figures changed since they were last taken (see {@link TouchedPaths}). */
    public Set<String> takeTouched() {
        return TouchedPaths.take(jdbc, "claims.touched");
    }

    /** {@code paths}: only the claims of these paths (the incremental refresh), or null for all. */
    public void unitMonths(Collection<String> paths, Consumer<UnitMonth> sink) {
        StringBuilder with = new StringBuilder("with ");
        Map<String, Object> params = calendarParams(with);
        with.append(claimsOf(paths));
        params.putAll(PathSql.paths(paths));
        String node = PathSql.office("g.org_path");
        String unit = PathSql.unit("g.org_path");
        jdbc.sql(with + ", " + PAID_DAYS + """
                , approvals as (
                    select claim_id, min(at) as at from claims.claim_event where to_status = 'APPROVED' and %s group by claim_id),
                figures as (
                    select org_path, date_trunc('month', submitted_on)::date as month, 1 as filed, 0 as approved, 0 as rejected,
                           0 as paid, null::bigint as paid_member, 0::numeric as paid_amount, 0 as timed, 0 as days, 0 as within
                      from cl where submitted_on is not null
                    union all
                    select c.org_path, date_trunc('month', a.at at time zone 'Asia/Shanghai')::date, 0, 1, 0, 0, null, 0, 0, 0, 0
                      from approvals a join cl c on c.id = a.claim_id
                    union all
                    select org_path, date_trunc('month', closed_on)::date, 0, 0, 1, 0, null, 0, 0, 0, 0
                      from cl where status = 'REJECTED' and closed_on is not null
                    union all
                    select c.org_path, date_trunc('month', c.closed_on)::date, 0, 0, 0, 1, c.member_id, c.approved_total,
                           case when d.days is null then 0 else 1 end, coalesce(d.days, 0),
                           case when d.days <= :promise then 1 else 0 end
                      from cl c left join paid_days d on d.id = c.id
                     where c.status = 'PAID' and c.closed_on is not null)
                select %s, %s, month, filed, approved, rejected, paid, paid_members, paid_amount, timed, days, within
                  from (select org_path, month, sum(filed) as filed, sum(approved) as approved, sum(rejected) as rejected,
                               sum(paid) as paid, count(distinct paid_member) as paid_members, sum(paid_amount) as paid_amount,
                               sum(timed) as timed, sum(days) as days, sum(within) as within
                          from figures group by 1, 2) g""".formatted(paths == null ? "true" : "claim_id in (select id from cl)", node, unit))
                .params(params)
                .query((ResultSet rs) -> {
                    sink.accept(new UnitMonth(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), Money.rounded(rs.getBigDecimal(9)),
                            rs.getLong(10), rs.getLong(11), rs.getLong(12)));
                });
    }

    public List<ItemMonth> itemMonths(Collection<String> paths) {
        return jdbc.sql("""
                select %s, %s, date_trunc('month', c.closed_on)::date, b.item, count(distinct c.id),
                       sum(coalesce(b.adjusted_amount, b.amount))
                  from claims.claim c join claims.benefit b on b.claim_id = c.id
                 where c.status = 'PAID' and c.closed_on is not null and b.decision <> 'REJECT' and %s
                 group by 1, 2, 3, 4""".formatted(PathSql.office("c.org_path"), PathSql.unit("c.org_path"), PathSql.among("c.org_path", paths)))
                .params(PathSql.paths(paths))
                .query((rs, n) -> new ItemMonth(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getLong(5), Money.rounded(rs.getBigDecimal(6)))).list();
    }

    public List<DaysMonth> daysMonths(Collection<String> paths) {
        StringBuilder with = new StringBuilder("with ");
        Map<String, Object> params = calendarParams(with);
        with.append(claimsOf(paths));
        params.putAll(PathSql.paths(paths));
        return jdbc.sql(with + ", " + PAID_DAYS + """
                select %s, %s, date_trunc('month', closed_on)::date, days, count(*) from paid_days group by 1, 2, 3, 4"""
                        .formatted(PathSql.office("org_path"), PathSql.unit("org_path")))
                .params(params)
                .query((rs, n) -> new DaysMonth(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getInt(4),
                        rs.getLong(5))).list();
    }

    /** Claims now past their payment promise and not closed (as the claims office's list counts them). */
    public List<Overdue> overdueNow() {
        StringBuilder with = new StringBuilder("with ");
        Map<String, Object> params = calendarParams(with);
        params.put("today", LocalDate.now(clock));
        return jdbc.sql(with + """
                select %s, %s, count(*)
                  from claims.claim c join wd a on a.day = c.materials_complete_on join wd b on b.day = :today
                 where c.closed_on is null and c.status <> 'DRAFT' and b.n - a.n > :promise
                 group by 1, 2""".formatted(PathSql.office("c.org_path"), PathSql.unit("c.org_path")))
                .params(params)
                .query((rs, n) -> new Overdue(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** A claim behind a figure (no personal data: the worker by id). */
    public record Line(long id, String reference, long memberId, long unitId, String status, String statusName, LocalDate submittedOn,
                       LocalDate materialsCompleteOn, LocalDate closedOn, Money approvedTotal) {
    }

    public record Page(long total, List<Line> rows) {
    }

    /** Which claims a figure counts: filed, approved, rejected, paid (in the months) or overdueNow. */
    public enum Figure { FILED, APPROVED, REJECTED, PAID, OVERDUE_NOW }

    public Page list(Figure figure, String pathPrefix, Long unitId, LocalDate from, LocalDate to, String item, int limit, int offset) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder with = new StringBuilder("with ");
        if (figure == Figure.OVERDUE_NOW) {
            params = calendarParams(with);
            params.put("today", LocalDate.now(clock));
        } else {
            with.append("wd as (select 1)");
        }
        String which = switch (figure) {
            case FILED -> "c.submitted_on between :from and :to";
            case APPROVED -> "exists (select 1 from claims.claim_event e where e.claim_id = c.id and e.to_status = 'APPROVED'"
                    + " and not exists (select 1 from claims.claim_event f where f.claim_id = c.id and f.to_status = 'APPROVED' and f.id < e.id)"
                    + " and (e.at at time zone 'Asia/Shanghai')::date between :from and :to)";
            case REJECTED -> "c.status = 'REJECTED' and c.closed_on between :from and :to";
            case PAID -> "c.status = 'PAID' and c.closed_on between :from and :to";
            case OVERDUE_NOW -> "c.closed_on is null and c.status <> 'DRAFT' and (select b.n - a.n from wd a, wd b"
                    + " where a.day = c.materials_complete_on and b.day = :today) > :promise";
        };
        params.put("path", pathPrefix + "%");
        params.put("from", from);
        params.put("to", to);
        params.put("unit", unitId);
        params.put("item", item);
        String where = " from claims.claim c where c.org_path like :path and " + which
                + " and (cast(:unit as bigint) is null or " + PathSql.unit("c.org_path") + " = :unit)"
                + " and (cast(:item as text) is null or exists (select 1 from claims.benefit b where b.claim_id = c.id and b.item = :item"
                + " and b.decision <> 'REJECT'))";
        long total = jdbc.sql(with + " select count(*)" + where).params(params).query(Long.class).single();
        params.put("limit", limit);
        params.put("offset", offset);
        List<Line> rows = jdbc.sql(with + " select c.id, c.member_id, " + PathSql.unit("c.org_path")
                        + ", c.status, c.submitted_on, c.materials_complete_on, c.closed_on, c.approved_total" + where
                        + " order by c.id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> {
                    ClaimStatus status = ClaimStatus.valueOf(rs.getString(4));
                    var approved = rs.getBigDecimal(8);
                    return new Line(rs.getLong(1), ClaimReference.of(rs.getLong(1)), rs.getLong(2), rs.getLong(3), status.name(),
                            status.chinese(), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                            rs.getObject(7, LocalDate.class), approved == null ? null : Money.rounded(approved));
                }).list();
        return new Page(total, rows);
    }
}
