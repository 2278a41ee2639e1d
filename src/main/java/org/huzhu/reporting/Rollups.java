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
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.huzhu.claims.ClaimStatistics;
import org.huzhu.contributions.ContributionStatistics;
import org.huzhu.membership.EnrolmentStatistics;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.OrganisationStatistics;
import org.huzhu.payouts.PayoutStatistics;
import org.huzhu.shared.database.CopyWriter;
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
 * Replaces the rollups the dashboards read, at start and every 30 seconds (one instance at a time): asks each owning
 * module's statistics front door for its grouped rows, stages them and rewrites every rollup table in one transaction,
 * so readers see either the old figures or the new, never a mixture, and never more than a minute old.
 */
@Service
public class Rollups {

    private static final Logger log = LoggerFactory.getLogger(Rollups.class);
    /** Ownership code of records of no unit (workers enrolled by themselves). */
    static final String NO_UNIT = "NONE";

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

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${huzhu.reporting.refresh-every:PT30S}", initialDelayString = "${huzhu.reporting.refresh-every:PT30S}")
    @SchedulerLock(name = "reporting-rollups", lockAtMostFor = "PT10M")
    public void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("reporting rollups not refreshed: {}", e.toString());
        }
    }

    /** Rewrites every rollup from the front doors now; returns how long it took in milliseconds. */
    public long refresh() {
        long started = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            try {
                rewrite();
            } catch (SQLException e) {
                throw new IllegalStateException("reporting rollups not written", e);
            }
        });
        long took = (System.nanoTime() - started) / 1_000_000;
        jdbc.sql("""
                insert into reporting.refresh (id, refreshed_at, took_ms) values (1, ?, ?)
                on conflict (id) do update set refreshed_at = excluded.refreshed_at, took_ms = excluded.took_ms""")
                .params(java.sql.Timestamp.from(Instant.now(clock)), took).update();
        return took;
    }

    private record Key(String nodePath, LocalDate month, String dimension, String code) {
    }

    private record UnitYear(String nodePath, long unitId, int year) {
    }

    private void rewrite() throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        // one rewrite at a time, also when the job and a direct call meet: the second starts from the first's rows
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext('reporting-rollups'))").query(Integer.class).single();
        // the front doors' statements hash and sort millions of rows: room for that in memory, for this transaction only
        jdbc.sql("set local work_mem = '256MB'").update();
        jdbc.sql("create temp table unit_month_stage (like reporting.unit_month including defaults) on commit drop").update();
        Map<Long, String> ownership = new HashMap<>();
        organisation.units().forEach(u -> ownership.put(u.id(), u.ownership().name()));
        Map<Key, long[]> dimensions = new HashMap<>();
        Map<UnitYear, Integer> months = new HashMap<>();

        // every front door is asked before a COPY opens: no other statement may run on the connection during one
        timings.clear();
        long step = System.nanoTime();
        List<EnrolmentStatistics.UnitMonth> enrolled = new ArrayList<>();
        enrolments.unitMonths(enrolled::add);
        step = timed("enrolments", step);
        List<EnrolmentStatistics.ItemMonth> items = new ArrayList<>();
        enrolments.itemMonths(items::add);
        step = timed("items", step);
        List<ClaimStatistics.UnitMonth> claimed = new ArrayList<>();
        claims.unitMonths(claimed::add);
        List<ClaimStatistics.ItemMonth> claimedItems = claims.itemMonths();
        List<ClaimStatistics.DaysMonth> days = claims.daysMonths();
        List<ClaimStatistics.Overdue> overdue = claims.overdueNow();
        step = timed("claims", step);
        List<ContributionStatistics.UnitMonth> money = new ArrayList<>();
        contributions.unitMonths(money::add);
        List<PayoutStatistics.UnitMonth> paidOut = payouts.unitMonths();
        step = timed("money", step);

        CopyWriter copy = CopyWriter.open(connection, """
                COPY unit_month_stage (node_path, unit_id, month, person_times, new_enrolments, renewals, new_form_person_times)
                FROM STDIN""");
        enrolled.forEach(r -> {
            boolean newForm = "NEW_FORM".equals(r.employmentForm());
            String owner = r.unitId() == 0 ? NO_UNIT : ownership.getOrDefault(r.unitId(), NO_UNIT);
            dimensions.computeIfAbsent(new Key(r.nodePath(), r.month(), "FORM", r.employmentForm()), k -> new long[3])[0] += r.personTimes();
            dimensions.computeIfAbsent(new Key(r.nodePath(), r.month(), "OWNERSHIP", owner), k -> new long[3])[0] += r.personTimes();
            months.merge(new UnitYear(r.nodePath(), r.unitId(), r.month().getYear()), 1 << (r.month().getMonthValue() - 1), (a, b) -> a | b);
            write(copy, w -> w.text(r.nodePath()).number(r.unitId()).date(r.month()).number(r.personTimes()).number(r.newEnrolments())
                    .number(r.renewals()).number(newForm ? r.personTimes() : 0));
        });
        copy.finish();

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

        jdbc.sql("delete from reporting.unit_month").update();
        jdbc.sql("""
                insert into reporting.unit_month
                select node_path, unit_id, month, sum(person_times), sum(new_enrolments), sum(renewals), sum(new_form_person_times),
                       sum(filed), sum(approved), sum(rejected), sum(paid), sum(person_times_paid), sum(paid_amount), sum(timed),
                       sum(days_sum), sum(within_promise), sum(billed), sum(received), sum(outstanding), sum(payouts_failed),
                       sum(payouts_bounced)
                  from unit_month_stage group by 1, 2, 3""").update();
        jdbc.sql("delete from reporting.node_month").update();
        jdbc.sql("""
                insert into reporting.node_month
                select node_path, month, sum(person_times), sum(new_enrolments), sum(renewals), sum(new_form_person_times),
                       sum(filed), sum(approved), sum(rejected), sum(paid), sum(person_times_paid), sum(paid_amount), sum(timed),
                       sum(days_sum), sum(within_promise), sum(billed), sum(received), sum(outstanding), sum(payouts_failed),
                       sum(payouts_bounced)
                  from reporting.unit_month group by 1, 2""").update();

        items.forEach(r -> dimensions.computeIfAbsent(new Key(r.nodePath(), r.month(), "ITEM", r.item()), k -> new long[3])[0] += r.enrolments());
        Map<Key, java.math.BigDecimal> amounts = new HashMap<>();
        for (ClaimStatistics.ItemMonth r : claimedItems) {
            Key key = new Key(r.nodePath(), r.month(), "ITEM", r.item());
            dimensions.computeIfAbsent(key, k -> new long[3])[1] += r.paid();
            amounts.merge(key, r.paidAmount().amount(), java.math.BigDecimal::add);
        }
        for (ClaimStatistics.DaysMonth r : days) {
            dimensions.computeIfAbsent(new Key(r.nodePath(), r.month(), "DAYS", Integer.toString(r.days())), k -> new long[3])[1] += r.claims();
        }
        jdbc.sql("delete from reporting.node_dimension").update();
        CopyWriter dimensionRows = CopyWriter.open(connection, """
                COPY reporting.node_dimension (node_path, month, dimension, code, person_times, enrolments, paid, paid_amount) FROM STDIN""");
        for (var e : dimensions.entrySet()) {
            Key k = e.getKey();
            long[] v = e.getValue();
            boolean item = k.dimension().equals("ITEM");
            write(dimensionRows, w -> w.text(k.nodePath()).date(k.month()).text(k.dimension()).text(k.code())
                    .number(item ? 0 : v[0]).number(item ? v[0] : 0).number(v[1]).decimal(amounts.getOrDefault(k, java.math.BigDecimal.ZERO)));
        }
        dimensionRows.finish();

        jdbc.sql("delete from reporting.unit_year").update();
        CopyWriter unitYears = CopyWriter.open(connection, "COPY reporting.unit_year (node_path, unit_id, year, ownership, months) FROM STDIN");
        for (var e : months.entrySet()) {
            UnitYear k = e.getKey();
            write(unitYears, w -> w.text(k.nodePath()).number(k.unitId()).number(k.year())
                    .text(k.unitId() == 0 ? NO_UNIT : ownership.getOrDefault(k.unitId(), NO_UNIT)).number(e.getValue()));
        }
        unitYears.finish();

        jdbc.sql("delete from reporting.unit_now").update();
        for (ClaimStatistics.Overdue o : overdue) {
            jdbc.sql("insert into reporting.unit_now (node_path, unit_id, overdue_now) values (?, ?, ?)")
                    .params(o.nodePath(), o.unitId(), o.overdue()).update();
        }
        step = timed("rollups", step);
        rollUpTheTree();
        rewriteYears();
        timed("tree", step);
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

    private void rollUpTheTree() {
        jdbc.sql("delete from reporting.tree_month").update();
        jdbc.sql("""
                insert into reporting.tree_month (office_path, child, month, person_times, new_enrolments, renewals, new_form_person_times,
                    filed, approved, rejected, paid, person_times_paid, paid_amount, timed, days_sum, within_promise, billed, received,
                    outstanding, payouts_failed, payouts_bounced)
                select a.office_path, a.child, n.month, sum(person_times), sum(new_enrolments), sum(renewals), sum(new_form_person_times),
                       sum(filed), sum(approved), sum(rejected), sum(paid), sum(person_times_paid), sum(paid_amount), sum(timed),
                       sum(days_sum), sum(within_promise), sum(billed), sum(received), sum(outstanding), sum(payouts_failed),
                       sum(payouts_bounced)
                  from reporting.node_month n""" + ANCESTORS.formatted("n.node_path") + " group by 1, 2, 3").update();
        jdbc.sql("delete from reporting.tree_dimension").update();
        jdbc.sql("""
                insert into reporting.tree_dimension (office_path, month, dimension, code, person_times, enrolments, paid, paid_amount)
                select a.office_path, n.month, n.dimension, n.code, sum(person_times), sum(enrolments), sum(paid), sum(paid_amount)
                  from reporting.node_dimension n""" + ANCESTORS.formatted("n.node_path") + " group by 1, 2, 3, 4").update();
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
