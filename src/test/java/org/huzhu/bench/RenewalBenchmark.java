package org.huzhu.bench;

import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.huzhu.ledger.Ledger;
import org.huzhu.membership.Renewals;
import org.huzhu.membership.RosterImports;
import org.huzhu.membership.roster.RosterTemplate;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./huzhu bench import --renewal}: last year's list of N workers is imported (untimed, cover ending within
 * the renewal window), 10 % are marked as having left the unit, and a roster of 10 % newcomers plus share
 * changes for 5 % is written; then the whole renewal is timed — proposal (last year's list, leavers out, the
 * roster read by the import's parser, newcomers registered) and confirm (rules, funding, ledger, the one bill,
 * the enrolments). Baseline: plain COPY of the rows the renewal wrote (proposal lines, newcomers, enrolments)
 * into scratch copies of the same tables. Figure: proposal lines per second.
 */
final class RenewalBenchmark {

    private static final CurrentUser ADMIN = new CurrentUser(0, "bench", Role.ADMIN, "/", null, null, null);
    private static final Path DATA = Path.of("target", "bench-data").toAbsolutePath();

    List<Bench.Figure> run(int rows, int chunk) throws Exception {
        Files.createDirectories(DATA);
        progress("heap %s, %d cores, load %s", Bench.heap(), Runtime.getRuntime().availableProcessors(), ImportBenchmark.load());
        try (ConfigurableApplicationContext app = Bench.startApplication(DATA,
                "huzhu.import.work-dir=" + DATA.resolve("imports"), "huzhu.import.chunk-size=" + chunk)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            LocalDate today = LocalDate.now(app.getBean(Clock.class));
            Unit unit = ImportBenchmark.setUp(app, rows, today);

            // last year's list: paid 336 to 364 days ago, so every cover ends within the next 29 days (untimed)
            ImportBenchmark.RosterFile lastYear = new ImportBenchmark.RosterFile(today, 336, 29);
            Path first = DATA.resolve("last-year-" + rows + ".csv");
            lastYear.write(first, rows, "csv");
            long t = System.nanoTime();
            Bench.confirmDeclaredPayments(app, app.getBean(RosterImports.class).importNow(unit.id(), first, ADMIN));
            progress("last year's list: %,d workers imported in %.1f s (untimed)", rows, ImportBenchmark.seconds(t));
            int leavers = jdbc.sql("""
                    update membership.member set left_unit_on = ? where id in (
                        select id from membership.member where unit_id = ? order by id limit ?)""")
                    .params(today.minusDays(10), unit.id(), rows / 10).update();
            int newcomers = rows / 10;
            Path roster = DATA.resolve("renewal-" + rows + ".csv");
            writeRoster(roster, lastYear, rows, newcomers);
            progress("%,d leavers marked; roster of %,d newcomers and %,d share changes written", leavers, newcomers, rows / 20);

            String loadBefore = ImportBenchmark.load();
            progress("renewing (load %s) …", loadBefore);
            Renewals renewals = app.getBean(Renewals.class);
            long start = System.nanoTime();
            Renewals.RenewalView proposal;
            try (InputStream in = Files.newInputStream(roster)) {
                proposal = renewals.propose(unit.id(), roster.getFileName().toString(), in, ADMIN);
            }
            double proposeSeconds = ImportBenchmark.seconds(start);
            Renewals.RenewalView confirmed = renewals.confirm(proposal.id(), ADMIN);
            double renewalSeconds = ImportBenchmark.seconds(start);
            int lines = confirmed.lines();
            double rate = lines / renewalSeconds;
            verify(app, jdbc, confirmed, rows, leavers, newcomers);

            double copySeconds = baseline(app.getBean(DataSource.class), proposal.id(), confirmed.billId(), unit.id(), true);
            double copyRate = lines / copySeconds;
            double bareSeconds = baseline(app.getBean(DataSource.class), proposal.id(), confirmed.billId(), unit.id(), false);
            String loadAfter = ImportBenchmark.load();
            System.out.printf(Locale.ROOT, "%nrenewal  %,d lines (%,d in, %,d out) in %.2f s (proposal %.2f s + confirm %.2f s) = %,.0f lines/s   [load before %s]%n",
                    lines, confirmed.included(), confirmed.excluded(), renewalSeconds, proposeSeconds, renewalSeconds - proposeSeconds,
                    rate, loadBefore);
            System.out.printf(Locale.ROOT, "COPY     renewal_line + member (newcomers) + enrolment, with the foreign keys = %.2f s = %,.0f lines/s   [load after %s]%n",
                    copySeconds, copyRate, loadAfter);
            System.out.printf(Locale.ROOT, "         the same without foreign keys (the baseline before 2026-11-23 16:00) = %.2f s = %,.0f lines/s (ratio %.2f)%n",
                    bareSeconds, lines / bareSeconds, rate / (lines / bareSeconds));
            System.out.printf(Locale.ROOT, "ratio    %.2f (aim >= 0.50: %s)%n", rate / copyRate, rate / copyRate >= 0.5 ? "met" : "NOT met");
            Map<String, String> extras = new LinkedHashMap<>();
            extras.put("n", Integer.toString(rows));
            extras.put("mode", "renewal");
            extras.put("lines", Integer.toString(lines));
            extras.put("heap", Bench.heap());
            extras.put("baseline_without_fk", String.format(Locale.ROOT, "%.0f", lines / bareSeconds));
            return List.of(Bench.Figure.rate("import", rate, "rows/s", copyRate, extras));
        }
    }

    /** Newcomers (rows N … N + N/10, never imported) with a blank 缴费日期, and every 20th worker of last year with 3 shares. */
    private static void writeRoster(Path file, ImportBenchmark.RosterFile rosterFile, int rows, int newcomers) throws java.io.IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", RosterTemplate.HEADERS) + "\n");
            for (int i = 0; i < rows + newcomers; i++) {
                String[] row = rosterFile.row(i);
                if (i < rows && (i % 20 != 7 || i < rows / 10)) continue;   // leavers are the first tenth
                if (i < rows) row[5] = "3";
                row[6] = "";
                out.write(String.join(",", row) + "\n");
            }
        }
    }

    private static void verify(ConfigurableApplicationContext app, JdbcClient jdbc, Renewals.RenewalView v, int rows, int leavers, int newcomers) {
        long billed = jdbc.sql("select count(*) from membership.enrolment where bill_id = ?").param(v.billId()).query(Long.class).single();
        var balance = app.getBean(Ledger.class).trialBalance();
        progress("check: %s, %,d lines, %,d in, %,d out, %,d from roster, bill %s with %,d enrolments, premium %s; trial balance %s",
                v.statusName(), v.lines(), v.included(), v.excluded(), v.fromRoster(), v.billReference(), billed, v.premium(),
                balance.balanced() ? "balanced" : "NOT balanced");
        boolean ok = v.status().equals("CONFIRMED") && v.lines() == rows + newcomers && v.excluded() == leavers
                && v.included() == rows - leavers + newcomers && billed == v.included() && balance.balanced();
        if (!ok) throw new AssertionError("the renewal did not renew every line correctly; figures would be meaningless");
    }

    /**
     * Seconds for COPY FROM STDIN of the rows the renewal wrote, into scratch copies of the same tables: columns,
     * defaults, checks and indexes ({@code like … including all}) and, when {@code foreignKeys}, the foreign keys
     * the real tables check on every row ({@code like} does not copy them): renewal line → renewal and → member,
     * enrolment → member, referring to the real rows.
     */
    private static double baseline(DataSource dataSource, long renewalId, long billId, long unitId, boolean foreignKeys) throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("renewal_line", "select * from membership.renewal_line where renewal_id = " + renewalId + " order by line_no");
        sources.put("member", "select * from membership.member where unit_id = " + unitId + " and id in (select member_id from "
                + "membership.renewal_line where renewal_id = " + renewalId + " and source = 'ROSTER') order by id");
        sources.put("enrolment", "select * from membership.enrolment where bill_id = " + billId + " order by id");
        double seconds = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (Statement s = c.createStatement()) {
                s.execute("drop schema if exists bench_scratch cascade");
                s.execute("create schema bench_scratch");
                for (String table : sources.keySet()) s.execute("create table bench_scratch." + table + " (like membership." + table + " including all)");
                if (foreignKeys) {
                    s.execute("alter table bench_scratch.renewal_line add foreign key (renewal_id) references membership.renewal (id)");
                    s.execute("alter table bench_scratch.renewal_line add foreign key (member_id) references membership.member (id)");
                    s.execute("alter table bench_scratch.enrolment add foreign key (member_id) references membership.member (id)");
                }
                s.execute("checkpoint");
            }
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = DATA.resolve(e.getKey() + ".copy");
                ImportBenchmark.Baseline.export(copy, e.getValue(), file);
                double took = ImportBenchmark.Baseline.copyIn(copy, "bench_scratch." + e.getKey(), file);
                progress("COPY %s%s: %.2f s", e.getKey(), foreignKeys ? " (with its foreign keys)" : " (no foreign keys)", took);
                seconds += took;
                Files.deleteIfExists(file);
            }
            try (Statement s = c.createStatement()) {
                s.execute("drop schema bench_scratch cascade");
            }
        }
        return seconds;
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench import --renewal] " + format + "%n", args);
    }
}
