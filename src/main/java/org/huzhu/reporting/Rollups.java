package org.huzhu.reporting;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.huzhu.claims.ClaimStatistics;
import org.huzhu.contributions.ContributionStatistics;
import org.huzhu.membership.EnrolmentStatistics;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.OrganisationStatistics;
import org.huzhu.payouts.PayoutStatistics;
import org.huzhu.shared.database.CopyWriter;
import org.huzhu.shared.scope.PathSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the rollups the dashboards read (one instance at a time). Every 30 seconds it replaces only the rollups of the
 * units whose records changed since the last refresh (each owning module's statistics front door keeps the paths its
 * writes touched) and re-sums the offices above them; at start and every night it rewrites everything from the front
 * doors, as a safety net. Each refresh is one transaction, so readers see either the old figures or the new, never a
 * mixture. How fresh that keeps them: {@code docs/reporting.md}.
 */
@Service
public class Rollups {

    private static final Logger log = LoggerFactory.getLogger(Rollups.class);
    /** Ownership code of records of no unit (workers enrolled by themselves). */
    static final String NO_UNIT = "NONE";
    /** The mark of a change of the yearly figures (budgets, gift quotas) in membership's touched paths. */
    private static final String YEARS = "years";

    private final EnrolmentStatistics enrolments;
    private final ClaimStatistics claims;
    private final ContributionStatistics contributions;
    private final PayoutStatistics payouts;
    private final OrganisationStatistics organisation;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Rollups(EnrolmentStatistics enrolments, ClaimStatistics claims, ContributionStatistics contributions, PayoutStatistics payouts,
            OrganisationStatistics organisation, JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, Clock clock) {
        this.enrolments = enrolments;
        this.claims = claims;
        this.contributions = contributions;
        this.payouts = payouts;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The whole rewrite: at start and every night ({@code huzhu.reporting.full-refresh}, China time). */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${huzhu.reporting.full-refresh:0 30 3 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "reporting-rollups-full", lockAtMostFor = "PT30M")
    public void scheduledFull() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("reporting rollups not rewritten: {}", e.toString());
        }
    }

    /** The changes since the last refresh, every {@code huzhu.reporting.refresh-every} (30 s) after the last one ended. */
    @Scheduled(fixedDelayString = "${huzhu.reporting.refresh-every:PT30S}", initialDelayString = "${huzhu.reporting.refresh-every:PT30S}")
    @SchedulerLock(name = "reporting-rollups", lockAtMostFor = "PT10M")
    public void scheduled() {
        try {
            refreshChanges();
        } catch (RuntimeException e) {
            log.warn("reporting rollups not refreshed: {}", e.toString());
        }
    }

    /** Rewrites every rollup from the front doors now; returns how long it took in milliseconds. */
    public long refresh() {
        return refreshed(() -> {
            takeTouched();
            replace(null);
            return -1;
        });
    }

    /**
     * Replaces the rollups of the units touched since the last refresh and re-sums the offices above them (everything,
     * when the tree itself changed); nothing when nothing changed. Returns how long it took in milliseconds.
     */
    public long refreshChanges() {
        return refreshed(() -> {
            Touched touched = takeTouched();
            if (touched.tree()) {
                replace(null);
                return -1;
            }
            if (touched.paths().isEmpty() && !touched.years() && !newDay()) return null;
            Set<String> paths = touched.paths().isEmpty() ? Set.of() : enrolments.withTheirWorkers(touched.paths());
            replace(paths);
            return paths.size();
        });
    }

    private interface Work {
        Integer run() throws SQLException;
    }

    /**
     * Runs a refresh in one transaction under an advisory lock and records it; {@code work} answers the paths done (−1:
     * all), or null when it had nothing to do (then nothing is recorded).
     */
    private long refreshed(Work work) {
        long started = System.nanoTime();
        Integer paths = transactions.execute(status -> {
            // one refresh at a time, also when the jobs and a direct call meet: the second starts from the first's rows
            jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext('reporting-rollups'))").query(Integer.class).single();
            try {
                return work.run();
            } catch (SQLException e) {
                throw new IllegalStateException("reporting rollups not written", e);
            }
        });
        long took = (System.nanoTime() - started) / 1_000_000;
        if (paths != null) {
            jdbc.sql("""
                    insert into reporting.refresh (id, refreshed_at, took_ms, kind, units) values (1, ?, ?, ?, ?)
                    on conflict (id) do update set refreshed_at = excluded.refreshed_at, took_ms = excluded.took_ms,
                        kind = excluded.kind, units = excluded.units""")
                    .params(java.sql.Timestamp.from(Instant.now(clock)), took, paths < 0 ? "FULL" : "CHANGES", Math.max(paths, 0)).update();
        }
        return took;
    }

    /** What the front doors say changed: the paths, the yearly figures, the tree. */
    private record Touched(Set<String> paths, boolean years, boolean tree) {
    }

    private Touched takeTouched() {
        Set<String> paths = new TreeSet<>(enrolments.takeTouched());
        boolean years = paths.remove(YEARS);
        paths.addAll(claims.takeTouched());
        paths.addAll(contributions.takeTouched());
        paths.addAll(payouts.takeTouched());
        return new Touched(paths, years, organisation.takeTouched());
    }

    /** Whether the China day changed since the last refresh: claims overdue now are counted against today. */
    private boolean newDay() {
        return jdbc.sql("select refreshed_at from reporting.refresh where id = 1").query(java.time.OffsetDateTime.class).optional()
                .map(at -> !at.atZoneSameInstant(clock.getZone()).toLocalDate().equals(LocalDate.now(clock))).orElse(true);
    }

    private record Key(String nodePath, long unitId, LocalDate month, String dimension, String code) {
    }

    private record UnitYear(String nodePath, long unitId, int year) {
    }

    /**
     * Replaces the rollups of the units of {@code paths} (records' organisation paths), or of all when null, from the
     * front doors, then the offices' sums above them.
     */
    private void replace(Set<String> paths) throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        // the front doors' statements hash and sort millions of rows: room for that in memory, for this transaction only
        jdbc.sql("set local work_mem = '256MB'").update();
        jdbc.sql("create temp table unit_month_stage (like reporting.unit_month including defaults) on commit drop").update();
        Map<Long, String> ownership = new HashMap<>();
        organisation.units().forEach(u -> ownership.put(u.id(), u.ownership().name()));
        Map<Key, long[]> dimensions = new HashMap<>();
        Map<Key, java.math.BigDecimal> amounts = new HashMap<>();
        Map<UnitYear, Integer> months = new HashMap<>();

        // every front door is asked before a COPY opens: no other statement may run on the connection during one
        timings.clear();
        long step = System.nanoTime();
        List<EnrolmentStatistics.UnitMonth> enrolled = new ArrayList<>();
        List<EnrolmentStatistics.Cancelled> cancelled = List.of();
        List<ClaimStatistics.UnitMonth> claimed = new ArrayList<>();
        List<ClaimStatistics.ItemMonth> claimedItems = List.of();
        List<ClaimStatistics.DaysMonth> days = List.of();
        List<ContributionStatistics.UnitMonth> money = new ArrayList<>();
        List<PayoutStatistics.UnitMonth> paidOut = List.of();
        if (paths == null || !paths.isEmpty()) {
            enrolments.unitMonths(paths, enrolled::add);
            cancelled = enrolments.cancellations(paths);
            step = timed("enrolments", step);
            claims.unitMonths(paths, claimed::add);
            claimedItems = claims.itemMonths(paths);
            days = claims.daysMonths(paths);
            step = timed("claims", step);
            contributions.unitMonths(paths, money::add);
            paidOut = payouts.unitMonths(paths);
            step = timed("money", step);
        }
        List<ClaimStatistics.Overdue> overdue = claims.overdueNow();

        String units = "";
        if (paths != null) {
            // the units (and offices, for records of no unit) whose rows are replaced
            jdbc.sql("""
                    create temp table touched_unit on commit drop as
                    select distinct %s as node_path, %s as unit_id from unnest(cast(:paths as text[])) as t(path)"""
                    .formatted(PathSql.office("path"), PathSql.unit("path"))).params(PathSql.paths(paths)).update();
            units = " where (node_path, unit_id) in (select node_path, unit_id from touched_unit)";
        }

        CopyWriter copy = CopyWriter.open(connection, """
                COPY unit_month_stage (node_path, unit_id, month, person_times, new_enrolments, renewals, new_form_person_times)
                FROM STDIN""");
        enrolled.forEach(r -> {
            boolean newForm = "NEW_FORM".equals(r.employmentForm());
            String owner = r.unitId() == 0 ? NO_UNIT : ownership.getOrDefault(r.unitId(), NO_UNIT);
            dimension(dimensions, r.nodePath(), r.unitId(), r.month(), "FORM", r.employmentForm())[0] += r.personTimes();
            dimension(dimensions, r.nodePath(), r.unitId(), r.month(), "OWNERSHIP", owner)[0] += r.personTimes();
            r.items().forEach((item, count) -> dimension(dimensions, r.nodePath(), r.unitId(), r.month(), "ITEM", item)[0] += count);
            months.merge(new UnitYear(r.nodePath(), r.unitId(), r.month().getYear()), 1 << (r.month().getMonthValue() - 1), (a, b) -> a | b);
            write(copy, w -> w.text(r.nodePath()).number(r.unitId()).date(r.month()).number(r.personTimes()).number(r.newEnrolments())
                    .number(r.renewals()).number(newForm ? r.personTimes() : 0));
        });
        copy.finish();

        CopyWriter cancelRows = CopyWriter.open(connection, """
                COPY unit_month_stage (node_path, unit_id, month, cancellations, refunds) FROM STDIN""");
        cancelled.forEach(r -> write(cancelRows, w -> w.text(r.nodePath()).number(r.unitId()).date(r.month()).number(r.cancellations())
                .decimal(r.refunds())));
        cancelRows.finish();

        CopyWriter claimRows = CopyWriter.open(connection, """
                COPY unit_month_stage (node_path, unit_id, month, filed, approved, rejected, paid, person_times_paid, paid_amount,
                    timed, days_sum, within_promise) FROM STDIN""");
        claimed.forEach(r -> write(claimRows, w -> w.text(r.nodePath()).number(r.unitId()).date(r.month()).number(r.filed())
                .number(r.approved()).number(r.rejected()).number(r.paid()).number(r.personTimesPaid()).decimal(r.paidAmount())
                .number(r.timed()).number(r.daysSum()).number(r.withinPromise())));
        claimRows.finish();

        CopyWriter moneyRows = CopyWriter.open(connection, """
                COPY unit_month_stage (node_path, unit_id, month, billed, received, outstanding) FROM STDIN""");
        money.forEach(r -> write(moneyRows, w -> w.text(r.nodePath()).number(r.unitId()).date(r.month())
                .decimal(r.billed()).decimal(r.received()).decimal(r.outstanding())));
        moneyRows.finish();

        CopyWriter payoutRows = CopyWriter.open(connection, """
                COPY unit_month_stage (node_path, unit_id, month, payouts_failed, payouts_bounced) FROM STDIN""");
        for (PayoutStatistics.UnitMonth r : paidOut) {
            write(payoutRows, w -> w.text(r.nodePath()).number(r.unitId()).date(r.month()).number(r.failed()).number(r.bounced()));
        }
        payoutRows.finish();

        jdbc.sql("delete from reporting.unit_month" + units).update();
        jdbc.sql("insert into reporting.unit_month (node_path, unit_id, month, " + Figures.COLUMNS + ")\n"
                + "select node_path, unit_id, month, " + Figures.SUMS + " from unit_month_stage group by 1, 2, 3").update();
        String nodes = paths == null ? "" : " where node_path in (select node_path from touched_unit)";
        jdbc.sql("delete from reporting.node_month" + nodes).update();
        jdbc.sql("insert into reporting.node_month (node_path, month, " + Figures.COLUMNS + ")\n"
                + "select node_path, month, " + Figures.SUMS + " from reporting.unit_month" + nodes + " group by 1, 2").update();

        for (ClaimStatistics.ItemMonth r : claimedItems) {
            Key key = new Key(r.nodePath(), r.unitId(), r.month(), "ITEM", r.item());
            dimensions.computeIfAbsent(key, k -> new long[2])[1] += r.paid();
            amounts.merge(key, r.paidAmount().amount(), java.math.BigDecimal::add);
        }
        for (ClaimStatistics.DaysMonth r : days) {
            dimension(dimensions, r.nodePath(), r.unitId(), r.month(), "DAYS", Integer.toString(r.days()))[1] += r.claims();
        }
        jdbc.sql("delete from reporting.unit_dimension" + units).update();
        CopyWriter dimensionRows = CopyWriter.open(connection, """
                COPY reporting.unit_dimension (node_path, unit_id, month, dimension, code, person_times, enrolments, paid, paid_amount)
                FROM STDIN""");
        for (var e : dimensions.entrySet()) {
            Key k = e.getKey();
            long[] v = e.getValue();
            boolean item = k.dimension().equals("ITEM");
            write(dimensionRows, w -> w.text(k.nodePath()).number(k.unitId()).date(k.month()).text(k.dimension()).text(k.code())
                    .number(item ? 0 : v[0]).number(item ? v[0] : 0).number(v[1]).decimal(amounts.getOrDefault(k, java.math.BigDecimal.ZERO)));
        }
        dimensionRows.finish();
        jdbc.sql("delete from reporting.node_dimension" + nodes).update();
        jdbc.sql("""
                insert into reporting.node_dimension (node_path, month, dimension, code, person_times, enrolments, paid, paid_amount)
                select node_path, month, dimension, code, sum(person_times), sum(enrolments), sum(paid), sum(paid_amount)
                  from reporting.unit_dimension""" + nodes + " group by 1, 2, 3, 4").update();

        jdbc.sql("delete from reporting.unit_year" + units).update();
        CopyWriter unitYears = CopyWriter.open(connection, "COPY reporting.unit_year (node_path, unit_id, year, ownership, months) FROM STDIN");
        for (var e : months.entrySet()) {
            UnitYear k = e.getKey();
            write(unitYears, w -> w.text(k.nodePath()).number(k.unitId()).number(k.year())
                    .text(k.unitId() == 0 ? NO_UNIT : ownership.getOrDefault(k.unitId(), NO_UNIT)).number(e.getValue()));
        }
        unitYears.finish();

        jdbc.sql("delete from reporting.unit_now").update();
        CopyWriter overdueRows = CopyWriter.open(connection, "COPY reporting.unit_now (node_path, unit_id, overdue_now) FROM STDIN");
        for (ClaimStatistics.Overdue o : overdue) write(overdueRows, w -> w.text(o.nodePath()).number(o.unitId()).number(o.overdue()));
        overdueRows.finish();
        step = timed("rollups", step);
        rollUpTheTree(paths == null ? null : jdbc.sql("select distinct node_path from touched_unit").query(String.class).list());
        rewriteYears();
        timed("tree", step);
    }

    private static long[] dimension(Map<Key, long[]> dimensions, String nodePath, long unitId, LocalDate month, String dimension,
                                    String code) {
        return dimensions.computeIfAbsent(new Key(nodePath, unitId, month, dimension, code), k -> new long[2]);
    }

    private final Map<String, Long> timings = new java.util.LinkedHashMap<>();

    /** How long each step of the last refresh took, in milliseconds (front doors, rollups, the tree). */
    public Map<String, Long> timings() {
        return Map.copyOf(timings);
    }

    private long timed(String what, long since) {
        long now = System.nanoTime();
        timings.put(what, (now - since) / 1_000_000);
        return now;
    }

    /** Every office's and ancestor's rows, so that a dashboard reads one office's rows ({@code tree_*}). */
    private static final String ANCESTORS = "\n" + """
            cross join lateral (
                select '/' || array_to_string(p[1:i], '/') || '/' as office_path, coalesce(p[i + 1], '') as child
                  from (select string_to_array(trim(both '/' from %s), '/') as p) s, generate_series(1, array_length(p, 1)) i) a""";

    /**
     * Rolls {@code node_month}, {@code node_dimension} and {@code unit_year} up the tree: the rows of every office above
     * the offices {@code changed} (all offices when null); overdue now always whole.
     */
    private void rollUpTheTree(List<String> changed) {
        List<Object> params = new ArrayList<>();   // positional: the ancestors' statement has array slices ("p[1:i]")
        String offices = "";
        if (changed != null) {
            Set<String> above = new TreeSet<>();
            for (String path : changed) {
                for (int i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) above.add(path.substring(0, i + 1));
            }
            params.add(above.toArray(String[]::new));
            offices = " where office_path = any(cast(? as text[]))";
        }
        String chosen = offices.replace("office_path", "a.office_path");
        jdbc.sql("delete from reporting.tree_month" + offices).params(params).update();
        jdbc.sql("insert into reporting.tree_month (office_path, child, month, " + Figures.COLUMNS + ")\n"
                + "select a.office_path, a.child, n.month, " + Figures.SUMS + " from reporting.node_month n"
                + ANCESTORS.formatted("n.node_path") + chosen + " group by 1, 2, 3").params(params).update();
        jdbc.sql("delete from reporting.tree_dimension" + offices).params(params).update();
        jdbc.sql("""
                insert into reporting.tree_dimension (office_path, month, dimension, code, person_times, enrolments, paid, paid_amount)
                select a.office_path, n.month, n.dimension, n.code, sum(person_times), sum(enrolments), sum(paid), sum(paid_amount)
                  from reporting.node_dimension n""" + ANCESTORS.formatted("n.node_path") + chosen + " group by 1, 2, 3, 4")
                .params(params).update();
        jdbc.sql("delete from reporting.tree_units" + offices).params(params).update();
        jdbc.sql("""
                insert into reporting.tree_units (office_path, child, year, ownership, months, units)
                select a.office_path, a.child, n.year, n.ownership, n.months, count(*) from reporting.unit_year n"""
                + ANCESTORS.formatted("n.node_path") + " where n.unit_id <> 0" + chosen.replace(" where ", " and ")
                + " group by 1, 2, 3, 4, 5").params(params).update();
        jdbc.sql("delete from reporting.tree_now").update();
        jdbc.sql("""
                insert into reporting.tree_now (office_path, child, overdue_now)
                select a.office_path, a.child, sum(overdue_now) from reporting.unit_now n""" + ANCESTORS.formatted("n.node_path")
                + " group by 1, 2").update();
    }

    private void rewriteYears() {
        Map<Long, String> paths = new HashMap<>();
        for (OrgNode n : organisation.nodes()) paths.put(n.id(), n.path());
        record NodeYear(String path, int year) {
        }
        Map<NodeYear, Object[]> years = new HashMap<>();
        java.util.function.BiFunction<String, Integer, Object[]> row = (path, year) -> years.computeIfAbsent(new NodeYear(path, year),
                k -> new Object[] {java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, 0L, 0L});
        for (EnrolmentStatistics.Budget b : enrolments.budgets()) {
            String path = paths.get(b.orgNodeId());
            if (path == null) continue;
            Object[] r = row.apply(path, b.year());
            r[0] = ((java.math.BigDecimal) r[0]).add(b.amount().amount());
            r[1] = ((java.math.BigDecimal) r[1]).add(b.drawn().amount());
        }
        for (EnrolmentStatistics.GiftQuota q : enrolments.giftQuotas()) {
            String path = paths.get(q.orgNodeId());
            if (path != null) row.apply(path, q.year())[2] = (Long) row.apply(path, q.year())[2] + q.quota();
        }
        for (EnrolmentStatistics.GiftsGranted g : enrolments.giftsGranted()) {
            row.apply(g.nodePath(), g.year())[3] = (Long) row.apply(g.nodePath(), g.year())[3] + g.granted();
        }
        jdbc.sql("delete from reporting.node_year").update();
        for (var e : years.entrySet()) {
            Object[] r = e.getValue();
            jdbc.sql("""
                    insert into reporting.node_year (node_path, year, subsidy_budget, subsidy_drawn, gift_quota, gifts_granted)
                    values (?, ?, ?, ?, ?, ?)""").params(e.getKey().path(), e.getKey().year(), r[0], r[1], r[2], r[3]).update();
        }
    }

    private interface Row {
        void write(CopyWriter w) throws SQLException;
    }

    private static void write(CopyWriter copy, Row row) {
        try {
            row.write(copy);
            copy.endRow();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the reporting rollups failed", e);
        }
    }
}
