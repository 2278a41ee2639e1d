package org.huzhu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huzhu.organisation.Level;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.reporting.Dashboard;
import org.huzhu.reporting.Dashboards;
import org.huzhu.reporting.Rollups;
import org.huzhu.shared.calendar.BusinessCalendar;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./huzhu bench reporting}: the province's and one county's dashboard for the year, read from the rollups,
 * against the raw GROUP BY over the base tables computing the same figures in the same run.
 *
 * <p>Set-up, not timed: a province of 17 cities and 103 counties, one unit per 160 enrolments, N enrolments
 * (a fifth of them last year's cover, renewed without a gap this year; a fifth of the workers in new forms of employment), M claims
 * (80 % paid with their benefit, payout and approval event, 5 % rejected, the rest open, some past the payment promise),
 * a bill per unit and year (one in ten paid in part) with its payment, and 0.5 % of the payouts failed — all written
 * set-based straight into the base tables, then the rollups refreshed once (its time is reported as {@code refresh_s}).
 *
 * <p>Timed: R dashboard answers each (the service's answer serialised to JSON, as the API sends it), p95 in ms; the
 * baseline runs the raw statements a few times each (it takes seconds), its p95 being the slowest of those runs.
 * Options: {@code --enrolments N} (2000000), {@code --claims M} (200000), {@code --requests R} (1000),
 * {@code --baseline-runs B} (5), {@code --export-rows E} (1000000).
 *
 * <p>Also timed: the refresh of changes after 1,000 enrolments of 50 units changed ({@code refresh_incremental_s}, beside
 * the whole rewrite's {@code refresh_full_s}; the figures are checked against the raw GROUP BY after it), and (b) the
 * members' XLSX export of E members beside COPY ({@link ExportBenchmark#measure}: the {@code export} BENCH line).
 */
final class ReportingBenchmark implements Bench.Benchmark {

    private static final Path DATA = Path.of("target", "bench-data", "reporting").toAbsolutePath();

    @Override
    public List<Bench.Figure> run(Bench.Options options) throws Exception {
        int n = options.positiveInt("enrolments", 2_000_000);
        int claims = options.positiveInt("claims", 200_000);
        int requests = options.positiveInt("requests", 1000);
        int baselineRuns = options.positiveInt("baseline-runs", 5);
        int exportRows = options.positiveInt("export-rows", 1_000_000);
        options.rejectUnknown();
        Files.createDirectories(DATA);
        progress("heap %s (%s), %d cores", Bench.heap(), Bench.xmxFlag(), Runtime.getRuntime().availableProcessors());
        try (ConfigurableApplicationContext app = Bench.startApplication(DATA, "huzhu.reporting.refresh-every=PT1H")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            LocalDate today = LocalDate.now(app.getBean(Clock.class));
            int year = today.getYear();
            long setUp = System.nanoTime();
            Tree tree = tree(app.getBean(Organisations.class));
            write(jdbc, tree, n, claims, year);
            jdbc.sql("analyze").update();
            progress("set up %,d enrolments, %,d claims in %.1f s (not timed)", n, claims, seconds(setUp));

            long refreshStart = System.nanoTime();
            app.getBean(Rollups.class).refresh();
            double refresh = seconds(refreshStart);
            long rollupRows = jdbc.sql("select (select count(*) from reporting.unit_month) + (select count(*) from reporting.node_month)"
                    + " + (select count(*) from reporting.node_dimension) + (select count(*) from reporting.unit_year)"
                    + " + (select count(*) from reporting.tree_month) + (select count(*) from reporting.tree_dimension)").query(Long.class).single();
            progress("rollups refreshed in %.1f s (%,d rows), steps in ms: %s", refresh, rollupRows, app.getBean(Rollups.class).timings());

            // a burst of changes between two refreshes: 1,000 enrolments of 50 units spread over the tree get their cover
            // moved by a month (as a correction would), then the refresh of changes; the figures are checked after it
            int changed = jdbc.sql("""
                    update membership.enrolment set coverage_from = coverage_from + 31, coverage_to = coverage_to + 31
                     where id in (select id from (select id, row_number() over (partition by unit_id order by id) as r
                                                    from membership.enrolment
                                                   where status = 'IN_FORCE' and unit_id in (select id from organisation.unit
                                                                                              where id >= 1000000 and id % 250 = 0 limit 50)) x
                                   where r <= 20)""").update();
            long incrementalStart = System.nanoTime();
            app.getBean(Rollups.class).refreshChanges();
            double incremental = seconds(incrementalStart);
            progress("%,d enrolments of 50 units changed: refresh of changes in %.2f s, steps in ms: %s", changed, incremental,
                    app.getBean(Rollups.class).timings());
            long idleStart = System.nanoTime();
            app.getBean(Rollups.class).refreshChanges();
            double idle = seconds(idleStart);
            progress("nothing changed: refresh of changes in %.3f s", idle);

            Dashboards dashboards = app.getBean(Dashboards.class);
            JsonMapper json = JsonMapper.builder().build();
            String from = YearMonth.of(year, 1).toString(), to = YearMonth.of(year, 12).toString();
            OrgNode county = tree.counties.get(40);
            List<Bench.Figure> figures = new ArrayList<>();
            for (OrgNode office : List.of(tree.province, county)) {
                String scope = office == tree.province ? "province" : "county";
                Dashboard first = dashboards.dashboardOf(office.id(), from, to);
                Raw raw = new Raw(jdbc, app.getBean(BusinessCalendar.class), office.path(), year, today);
                check(first, raw.run(), scope);
                for (int i = 0; i < Math.min(100, requests); i++) json.writeValueAsBytes(dashboards.dashboardOf(office.id(), from, to));
                double[] times = new double[requests];
                for (int i = 0; i < requests; i++) {
                    long t = System.nanoTime();
                    json.writeValueAsBytes(dashboards.dashboardOf(office.id(), from, to));
                    times[i] = (System.nanoTime() - t) / 1e6;
                }
                double[] baseline = new double[baselineRuns];
                for (int i = 0; i < baselineRuns; i++) {
                    long t = System.nanoTime();
                    raw.run();
                    baseline[i] = (System.nanoTime() - t) / 1e6;
                }
                double p95 = percentile(times, 95), rawP95 = percentile(baseline, 95);
                progress("%s dashboard: p50 %.1f ms, p95 %.1f ms over %d; raw GROUP BY p50 %.0f ms, p95 %.0f ms over %d", scope,
                        percentile(times, 50), p95, requests, percentile(baseline, 50), rawP95, baselineRuns);
                Map<String, String> extras = new LinkedHashMap<>();
                extras.put("n", Integer.toString(n));
                extras.put("claims", Integer.toString(claims));
                extras.put("requests", Integer.toString(requests));
                extras.put("p50_ms", String.format(Locale.ROOT, "%.2f", percentile(times, 50)));
                extras.put("baseline_runs", Integer.toString(baselineRuns));
                extras.put("refresh_full_s", String.format(Locale.ROOT, "%.1f", refresh));
                extras.put("refresh_incremental_s", String.format(Locale.ROOT, "%.2f", incremental));
                extras.put("changed_enrolments", Integer.toString(changed));
                extras.put("refresh_idle_s", String.format(Locale.ROOT, "%.3f", idle));
                extras.put("rollup_rows", Long.toString(rollupRows));
                extras.put("heap", Bench.heap());
                figures.add(new Bench.Figure("reporting_" + scope + "_p95", p95, "ms", rawP95, true, extras));
            }
            // (b) the XLSX export of a million members of a unit of their own, beside COPY of the same rows
            OrgNode exportCounty = tree.counties.get(0);
            String code = "91420102" + "BENCHEXP1";
            var unit = app.getBean(Organisations.class).createUnit(new Organisations.NewUnit("基准导出单位",
                    code + org.huzhu.shared.CreditCode.checkCharacter(code), "PRIVATE", exportRows, exportCounty.id(), null), BENCH);
            figures.add(ExportBenchmark.measure(app, unit, exportRows,
                    new CurrentUser(0, "bench", Role.ADMIN, unit.path(), null, null, null)));
            return figures;
        }
    }

    private static final CurrentUser BENCH = new CurrentUser(0, "bench", Role.ADMIN, "/", null, null, null);

    /** The dashboard and the raw statements must agree before anything is timed. */
    private static void check(Dashboard d, Raw.Totals raw, String scope) {
        var e = d.enrolment();
        var c = d.claims();
        List<String> ours = List.of("personTimes=" + e.personTimes(), "renewals=" + e.renewals(), "units=" + e.units(),
                "newForm=" + e.newFormPersonTimes(), "filed=" + c.filed(), "paid=" + c.paid(), "paidAmount=" + c.paidAmount(),
                "billed=" + d.money().billed(), "received=" + d.money().received(), "overdue=" + c.overdueNow(),
                "p90=" + c.workingDaysToPay().p90(), "failed=" + d.money().payoutsFailed());
        if (!ours.equals(raw.figures())) throw new AssertionError(scope + ": dashboard " + ours + " but the base tables say " + raw.figures());
        progress("%s: the dashboard's figures equal the raw GROUP BY's: %s", scope, ours);
    }

    record Tree(OrgNode province, List<OrgNode> cities, List<OrgNode> counties) {
    }

    private static Tree tree(Organisations organisations) {
        OrgNode province = organisations.createProvince("基准省总工会", "420000");
        List<OrgNode> cities = new ArrayList<>();
        List<OrgNode> counties = new ArrayList<>();
        for (int c = 0; c < 17; c++) {
            OrgNode city = organisations.createNode("基准市" + (c + 1) + "总工会", Level.CITY, province, String.format("42%02d00", c + 1));
            cities.add(city);
            int count = c < 1 ? 7 : 6;
            for (int k = 0; k < count; k++) {
                counties.add(organisations.createNode("基准县" + (c + 1) + "-" + (k + 1) + "总工会", Level.COUNTY, city,
                        String.format("42%02d%02d", c + 1, k + 1)));
            }
        }
        return new Tree(province, cities, counties);
    }

    /** Units, workers, enrolments, bills and payments, claims, benefits, approvals and payouts, set-based. */
    private static void write(JdbcClient jdbc, Tree tree, int n, int claims, int year) {
        int units = Math.max(103, n / 160);
        int members = (int) Math.ceil(n / 1.25);
        Long[] countyIds = tree.counties.stream().map(OrgNode::id).toArray(Long[]::new);
        String[] countyPaths = tree.counties.stream().map(OrgNode::path).toArray(String[]::new);
        long t = System.nanoTime();
        jdbc.sql("""
                insert into organisation.unit (id, org_node_id, name, credit_code, ownership, headcount, path)
                select 1000000 + u, c.id, '基准单位' || u, 'BENCH' || lpad(u::text, 13, '0'),
                       (array['GOVERNMENT', 'STATE_OWNED', 'PRIVATE', 'OTHER'])[1 + u % 4], 200, c.path || 'u' || (1000000 + u) || '/'
                  from generate_series(0, ? - 1) u
                  join unnest(cast(? as bigint[]), cast(? as text[])) with ordinality as c(id, path, ord) on c.ord = 1 + u % 103""")
                .params(units, countyIds, countyPaths).update();
        jdbc.sql("""
                insert into membership.member (id, name, id_hash, id_cipher, id_masked, gender, birth_date, employment_form, unit_id, org_path)
                select 1000000 + m, '基准职工', decode(lpad(to_hex(m), 16, '0'), 'hex'), '\\x00', '****************' || lpad((m % 100)::text, 2, '0'),
                       case when m % 2 = 0 then 'F' else 'M' end, date '1975-01-01' + m % 10000,
                       case when m % 5 = 0 then 'NEW_FORM' else 'REGULAR' end, u.id, u.path
                  from generate_series(0, ? - 1) m join organisation.unit u on u.id = 1000000 + m % ?""").params(members, units).update();
        progress("units and members in %.1f s", seconds(t));
        t = System.nanoTime();
        // this year's cover for every member, starting on a day of the year; a quarter of them renewed last year's cover
        // the coverages column as CoverageJson writes it; a renewal's cover carries renewedWithoutGap, as the rules set it
        String coverages = """
                ('[{"item":"HOSPITAL","plan":"H1","shares":1,"from":"' || %1$s || '","to":"' || %2$s
                    || '","premium":"30.00","renewedWithoutGap":' || %3$s || '}]') :: json""";
        jdbc.sql("""
                insert into membership.enrolment (member_id, unit_id, org_path, catalogue_version, paid_on, coverage_from, coverage_to,
                    coverages, premium, funding_policy, unit_pays, union_pays, member_pays, journal_id, status)
                select m.id, m.unit_id, m.org_path, '2026', d.paid, d.paid + 1, d.paid + 365, %s, 30.00, 'UNIT_FULL', 30.00, 0, 0, 0, 'IN_FORCE'
                  from membership.member m, lateral (select make_date(?, 1, 1) + ((m.id * 7) %% 330)::int as paid) d
                 where m.id >= 1000000""".formatted(coverages.formatted("d.paid + 1", "d.paid + 365",
                        "(m.id % 4 = 0 and m.id < 1000000 + 4 * (cast(? as int) - cast(? as int)))::text"))).params(n, members, year).update();
        jdbc.sql("""
                insert into membership.enrolment (member_id, unit_id, org_path, catalogue_version, paid_on, coverage_from, coverage_to,
                    coverages, premium, funding_policy, unit_pays, union_pays, member_pays, journal_id, status)
                select e.member_id, e.unit_id, e.org_path, '2026', e.coverage_from - 366, e.coverage_from - 365, e.coverage_from - 1, %s,
                       30.00, 'UNIT_FULL', 30.00, 0, 0, 0, 'IN_FORCE'
                  from membership.enrolment e where e.member_id >= 1000000 and e.member_id %% 4 = 0 and e.member_id < 1000000 + ?"""
                .formatted(coverages.formatted("e.coverage_from - 365", "e.coverage_from - 1", "'false'")))
                .param(4 * (n - members)).update();
        progress("enrolments in %.1f s", seconds(t));
        t = System.nanoTime();
        jdbc.sql("""
                insert into contributions.bill (unit_id, org_path, batch_kind, batch_id, settlement, unit_due, unit_received, lines, status,
                    paid_on, created_on)
                select unit_id, org_path, 'ENROLMENT', row_number() over (), 'DECLARED', due,
                       case when unit_id % 10 = 0 then round(due / 2, 2) else due end, lines,
                       case when unit_id % 10 = 0 then 'PARTIALLY_PAID' else 'PAID' end,
                       case when unit_id % 10 = 0 then null else billed end, billed
                  from (select unit_id, min(org_path) as org_path, date_trunc('year', paid_on)::date + 20 as billed, sum(premium) as due,
                               count(*) as lines
                          from membership.enrolment where member_id >= 1000000 group by unit_id, date_trunc('year', paid_on)) b""").update();
        jdbc.sql("""
                insert into contributions.payment (bill_id, part, source, amount, paid_on, reference, to_unit, journal_key, journal_id, created_by)
                select id, 'UNIT', 'HAND', unit_received, created_on + 5, 'BENCH-' || id, unit_received, 'bench:payment:' || id, 0, 'bench'
                  from contributions.bill where unit_received > 0""").update();
        progress("bills and payments in %.1f s", seconds(t));
        t = System.nanoTime();
        // claims of every 8th worker: 80 % paid, 5 % rejected, the rest in review (materials complete, some long ago)
        jdbc.sql("""
                insert into claims.claim (id, member_id, unit_id, org_path, kind, incident_date, status, approved_total, submitted_on,
                    materials_complete_on, closed_on, filed_by)
                select 1000000 + k, m.id, m.unit_id, m.org_path, 'ILLNESS', s.day - 20,
                       case when k % 20 < 16 then 'PAID' when k % 20 = 16 then 'REJECTED' else 'UNDER_REVIEW' end,
                       case when k % 20 < 16 then 500 + (k % 4000) end, s.day, s.day + k % 3,
                       case when k % 20 < 16 then s.day + k % 3 + k % 12 when k % 20 = 16 then s.day + 5 end, 'bench'
                  from generate_series(0, ? - 1) k
                  join membership.member m on m.id = 1000000 + (k * 8) % ?
                  cross join lateral (select least(make_date(?, 1, 1) + (k % 300), current_date - 15) as day) s""")
                .params(claims, members, year).update();
        jdbc.sql("""
                insert into claims.claim_event (claim_id, at, actor, from_status, to_status)
                select id, (closed_on - 1)::timestamp at time zone 'Asia/Shanghai', 'bench', 'UNDER_REVIEW', 'APPROVED'
                  from claims.claim where id >= 1000000 and status = 'PAID'""").update();
        jdbc.sql("""
                insert into claims.benefit (claim_id, position, item, plan, coverage_from, coverage_to, decision, amount, components, reasons)
                select id, 0, 'HOSPITAL', 'H1', incident_date - 100, incident_date + 200, 'PAY', approved_total, '[]', '[]'
                  from claims.claim where id >= 1000000 and status = 'PAID'""").update();
        jdbc.sql("""
                insert into payouts.payout (reference, source, live_source, payee_name, bank_name, account_cipher, account_masked, amount,
                    org_path, city_org_id, status, settled_on)
                select 'HZ-' || id || '-1', 'claim:' || id, case when id % 200 = 0 then null else 'claim:' || id end, '基准职工', '中国工商银行',
                       '\\x00', '6222 **** **** 0000', approved_total, org_path, split_part(org_path, '/', 3)::bigint,
                       case when id % 200 = 0 then 'FAILED' else 'SETTLED' end, case when id % 200 = 0 then null else closed_on end
                  from claims.claim where id >= 1000000 and status = 'PAID'""").update();
        jdbc.sql("""
                insert into payouts.payout_event (payout_id, at, actor, from_status, to_status, reason)
                select id, now(), 'bench', 'SENT', 'FAILED', '账户已销户' from payouts.payout where status = 'FAILED'""").update();
        progress("claims, benefits, events and payouts in %.1f s", seconds(t));
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench reporting] " + format + "%n", args);
    }
}
