package org.huzhu.payouts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.huzhu.shared.database.TouchedPaths;
import org.huzhu.shared.scope.PathSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Payout figures for reporting (统计): payouts the bank refused (failed) or returned after paying (bounced), per
 * office (and unit, where the payee's path names one) and the month it happened, on China time — from the bank's moves
 * ({@code move_event}, where the bank's answers record them) and the payouts' own events.
 */
@Service
public class PayoutStatistics {

    private final JdbcClient jdbc;

    PayoutStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record UnitMonth(String nodePath, long unitId, LocalDate month, long failed, long bounced) {
    }

    /** The paths whose payout figures changed since they were last taken (see {@link TouchedPaths}). */
    public Set<String> takeTouched() {
        return TouchedPaths.take(jdbc, "payouts.touched");
    }

    /**
     * Every refusal (FAILED) and return (BOUNCED) of a payout ({@code m}: payout id, path, to status, reason, when): the
     * bank's moves, recorded once per bank message chunk ({@code move_event}, named by the payout's failed or bounced
     * journal key), and any such step in the payout's own events; {@code where}: a filter on the payout {@code p}.
     */
    private static String moves(String where) {
        return """
                with m as (
                    select p.id, p.org_path, e.to_status, p.reason, e.at
                      from payouts.payout p join payouts.move_event e on e.journal_key = p.failed_journal_key
                     where p.failed_journal_key is not null and %1$s
                    union all
                    select p.id, p.org_path, e.to_status, p.reason, e.at
                      from payouts.payout p join payouts.move_event e on e.journal_key = p.bounced_journal_key
                     where p.bounced_journal_key is not null and %1$s
                    union all
                    select p.id, p.org_path, e.to_status, e.reason, e.at
                      from payouts.payout_event e join payouts.payout p on p.id = e.payout_id
                     where e.to_status in ('FAILED', 'BOUNCED') and %1$s)
                """.formatted(where);
    }

    /** {@code paths}: only the payouts of these paths (the incremental refresh), or null for all. */
    public List<UnitMonth> unitMonths(Collection<String> paths) {
        return jdbc.sql(moves(PathSql.among("p.org_path", paths)) + """
                select %s, %s, date_trunc('month', m.at at time zone 'Asia/Shanghai')::date,
                       count(*) filter (where m.to_status = 'FAILED'), count(*) filter (where m.to_status = 'BOUNCED')
                  from m group by 1, 2, 3""".formatted(PathSql.office("m.org_path"), PathSql.unit("m.org_path")))
                .params(PathSql.paths(paths))
                .query((rs, n) -> new UnitMonth(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getLong(4),
                        rs.getLong(5))).list();
    }

    /** A payout the bank refused or returned, the payee's name and account masked. */
    public record Line(String reference, String source, String payeeName, String accountMasked, java.math.BigDecimal amount,
                       String status, String reason, java.time.OffsetDateTime at) {
    }

    public record Page(long total, List<Line> rows) {
    }

    /** Payouts failed or bounced in the months, under the path (optionally of one unit). */
    public Page failed(String pathPrefix, Long unitId, LocalDate from, LocalDate to, int limit, int offset) {
        String with = moves("p.org_path like :path and (cast(:unit as bigint) is null or %s = :unit)".formatted(PathSql.unit("p.org_path")));
        String where = " from m join payouts.payout p on p.id = m.id where (m.at at time zone 'Asia/Shanghai')::date between :from and :to";
        var params = new java.util.HashMap<String, Object>(java.util.Map.of("path", pathPrefix + "%", "from", from, "to", to,
                "limit", limit, "offset", offset));
        params.put("unit", unitId);
        long total = jdbc.sql(with + "select count(*)" + where).params(params).query(Long.class).single();
        List<Line> rows = jdbc.sql(with + "select p.reference, p.source, p.payee_name, p.account_masked, p.amount, m.to_status, m.reason, m.at"
                        + where + " order by m.at desc, p.id desc limit :limit offset :offset").params(params)
                .query((rs, n) -> new Line(rs.getString(1), rs.getString(2), org.huzhu.shared.Masks.name(rs.getString(3)), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class))).list();
        return new Page(total, rows);
    }
}
