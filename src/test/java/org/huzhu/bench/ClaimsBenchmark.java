package org.huzhu.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.sql.DataSource;
import org.huzhu.HuzhuApplication;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.claims.ClaimStatus;
import org.huzhu.claims.ClaimView;
import org.huzhu.claims.Claims;
import org.huzhu.membership.Members;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./huzhu bench claims}: N low-risk claims filed with their documents and submitted end to end
 * through the real service layer ({@link Claims#file(Claims.NewClaim, List, CurrentUser)} with the 5 documents, as a
 * phone sends them in one request, then {@link Claims#submit}, and the background reading of the 3 documents of
 * the kinds it reads (receipt, settlement, discharge summary), waited for inside the timed window) on the real database, each judged by the benefits engine against
 * the member's real coverages and what the member's earlier claims were paid, approved automatically and handed to
 * payment: a payout order to the payouts module (PAYMENT_PENDING) and the benefit booked in the ledger (Dr 5101 Cr 2202).
 * With {@code --attach-separately} the documents are attached by a second call ({@link Claims#attach}) after filing.
 * Before the timed claims, W warm-up claims (one more for W members) go the same way untimed, so that the timed ones
 * run compiled code; the baseline warms up on the same W claims.
 * Members with mixed cover (BASIC for men and women, HOSPITAL+ACCIDENT, one or two shares) are
 * enrolled beforehand through the roster import, with bank accounts, untimed.
 * T worker threads each own a disjoint set of members (a member's money decisions are serialised by
 * an advisory lock, so one member's claims stay on one thread, in order).
 *
 * <p>Baseline, in the same run on the same pool and threads: plain JDBC writing, per claim, exactly
 * the rows the real path wrote — the row inserts, updates and deletes counted per table from
 * PostgreSQL's own statistics ({@code pg_stat_user_tables}) around the real run — into scratch
 * copies of the same tables (same columns, defaults, indexes, check and foreign keys, triggers), in
 * as many transactions per claim as the real path committed ({@code pg_stat_database}), with rows
 * of the same shape and size (the real encrypted document and account bytes of a claim of the same
 * kind), in the same statements where the real path writes several rows or tables in one (a claim
 * with its receipts, first timeline entry, benefits and, when filed together, documents; the 2 readings; the
 * submission's update with its timeline entries), and no reads and no logic. How the real path's writes fall into filing and submission is
 * read from its counts, so the baseline follows changes to the claims code; its own counts must then
 * equal the real path's, table by table, or the run fails. Figure: claims per second, ratio = real /
 * baseline. Also printed: reads per claim (table and index scans), and CPU per claim of the JVM, of
 * PostgreSQL and of everything else on the machine, read from /proc, for both paths.
 *
 * <p>Options: {@code --claims N} (100000), {@code --threads T} (4), {@code --members M} (N / 5; at most
 * 6 claims per member), {@code --doc-bytes B} (4096, size of each attached PDF), {@code --count-statements}
 * (wraps the pool to count the statements sent per claim by filing, attaching, submitting, the
 * background reader and the baseline, and prints PostgreSQL's time per statement from
 * pg_stat_statements, which the embedded server then preloads, and every pooled connection's prepared statements
 * with their generic and custom plans; a diagnostic, not for the figure of record), {@code --warmup W} (10000, fewer
 * when the members cannot take one more claim each; 0 for none), {@code --attach-separately}, {@code --skip-baseline}
 * (a diagnostic run of the real path alone: its rate and CPU, no BENCH line). Progress on stderr, results on stdout,
 * then the BENCH line. A failed check throws before the BENCH line.
 */
public final class ClaimsBenchmark {

    /** Tables the application writes by itself during a run (scheduled jobs' locks): no part of filing a claim. */
    private static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("shared.shedlock");
    /**
     * Tables another module writes in a claim's transaction through its own listeners, which the baseline does not mirror:
     * the notifications module's messages to the member (received, approved: an inbox row and, with a mobile number, a
     * text and its place in the send queue). Their cost stays in the real path's figure and out of the baseline's, so the
     * ratio understates the claims path.
     */
    private static final java.util.Set<String> NOT_MIRRORED = java.util.Set.of("notifications.message", "notifications.sms_queue");

    private static final CurrentUser ADMIN = new CurrentUser(0, "bench", Role.ADMIN, "/", null, null, null);
    private static final Path DATA = Path.of("target", "bench-data").toAbsolutePath();
    private static final String KEY = "YmVuY2gta2V5LWZvci1wZXJzb25hbC1kYXRhLTAwMDE=";
    private static final String HASH_KEY = "YmVuY2gtaGFzaC1rZXktZm9yLWlkLW51bWJlcnMtMDE=";
    private static final int MAX_CLAIMS_PER_MEMBER = 6;
    private static final List<String> HOSPITAL_DOCUMENTS = List.of("ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY");
    private static final List<String> ACCIDENT_DOCUMENTS = List.of("ID_CARD", "BANK_CARD", "ACCIDENT_PROOF", "RECEIPT", "SETTLEMENT");
    private static final Map<String, String> FILE_NAMES = Map.of("ID_CARD", "身份证.pdf", "BANK_CARD", "银行卡.pdf",
            "RECEIPT", "医疗收费票据.pdf", "SETTLEMENT", "医保结算单.pdf", "DISCHARGE_SUMMARY", "出院小结.pdf",
            "ACCIDENT_PROOF", "意外事故证明.pdf");
    private static final String[] ILLNESSES = {"K35.800", "J18.900", "K80.100", "N20.000", "K29.700"};
    private static final String[] ACCIDENTS = {"S52.500", "S82.600", "S62.300", "S93.400", "S01.800"};
    /** The tables the baseline knows how to write; the real path must write no others. */
    private static final Map<String, String> SCHEMA_OF = Map.ofEntries(Map.entry("claim", "claims"), Map.entry("receipt", "claims"),
            Map.entry("claim_event", "claims"), Map.entry("benefit", "claims"), Map.entry("document", "claims"),
            Map.entry("payout", "payouts"), Map.entry("payout_event", "payouts"), Map.entry("journal", "ledger"),
            Map.entry("posting", "ledger"), Map.entry("document_reading", "claims"), Map.entry("audit_check", "claims"));
    /** The document kinds the claims' background reader reads (DocumentReadings.READ_KINDS). */
    private static final Set<String> READ_KINDS = Set.of("RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY", "DIAGNOSIS_CERTIFICATE");
    private static final Set<String> TABLES = new TreeSet<>(SCHEMA_OF.keySet());

    private ClaimsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            status = 2;
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    /** Options as parsed from {@code --key value} or {@code --key=value}. */
    record Options(int claims, int threads, int members, int docBytes, boolean countStatements, boolean attachSeparately,
                   boolean skipBaseline, int warmup) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean count = false;
            boolean separately = false;
            boolean skip = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("claims") && i == 0) continue;                  // tolerate the benchmark's own name
                if (a.equals("--count-statements")) {
                    count = true;
                    continue;
                }
                if (a.equals("--attach-separately")) {
                    separately = true;
                    continue;
                }
                if (a.equals("--skip-baseline")) {
                    skip = true;
                    continue;
                }
                if (!a.startsWith("--")) throw usage("unexpected argument: " + a);
                int eq = a.indexOf('=');
                if (eq > 0) values.put(a.substring(2, eq), a.substring(eq + 1));
                else if (i + 1 < args.length) values.put(a.substring(2), args[++i]);
                else throw usage("option " + a + " needs a value");
            }
            int claims = positive(values.remove("claims"), 100_000, "claims");
            int threads = positive(values.remove("threads"), 4, "threads");
            int members = positive(values.remove("members"), Math.max(threads, (claims + 4) / 5), "members");
            int docBytes = positive(values.remove("doc-bytes"), 4096, "doc-bytes");
            String warmupOption = values.remove("warmup");
            int warmup = warmupOption != null && warmupOption.strip().equals("0") ? 0
                    : positive(warmupOption, Math.max(0, Math.min(10_000, members * MAX_CLAIMS_PER_MEMBER - claims)), "warmup");
            if (!values.isEmpty()) throw usage("unknown option --" + values.keySet().iterator().next());
            if (members < threads) throw usage("--members must be at least --threads");
            if ((long) members * MAX_CLAIMS_PER_MEMBER < (long) claims + warmup) {
                throw usage("--members " + members + " too few for " + claims + " claims and " + warmup + " warm-up claims (at most "
                        + MAX_CLAIMS_PER_MEMBER + " claims per member keep every claim below the caps)");
            }
            if (docBytes < 64 || docBytes > 1 << 20) throw usage("--doc-bytes must be between 64 and 1048576");
            return new Options(claims, threads, members, docBytes, count, separately, skip, warmup);
        }

        private static int positive(String value, int fallback, String name) {
            if (value == null) return fallback;
            try {
                int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
                if (n < 1) throw new NumberFormatException();
                return n;
            } catch (NumberFormatException e) {
                throw usage("--" + name + " must be a positive whole number, not " + value);
            }
        }

        private static IllegalArgumentException usage(String problem) {
            return new IllegalArgumentException(problem + "\nusage: ./huzhu bench claims [--claims N (100000)] [--threads T (4)]"
                    + " [--members M (N/5)] [--doc-bytes B (4096)] [--count-statements] [--attach-separately]"
                    + " [--skip-baseline] [--warmup W (10000)]");
        }
    }

    public static void run(String[] args) throws Exception {
        Options o = Options.parse(args);
        progress("%,d claims, %d threads, %,d members, %,d-byte documents; heap %dm, %d cores, load %s", o.claims, o.threads,
                o.members, o.docBytes, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), load());
        Files.createDirectories(DATA);
        try (ConfigurableApplicationContext app = start(o.threads, o.countStatements)) {
            new Run(app, o).execute();
        }
    }

    private static ConfigurableApplicationContext start(int threads, boolean countStatements) {
        progress("starting Huzhu (no web server) on a fresh embedded PostgreSQL under %s", DATA.resolve("claims-pg"));
        SpringApplication application = new SpringApplication(HuzhuApplication.class);
        application.setLogStartupInfo(false);
        if (countStatements) {
            application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof HikariDataSource pool ? StatementCounter.wrap(pool) : bean;
                }
            }));
        }
        return application.run(
                "--huzhu.database.embedded.statement-statistics=" + countStatements,
                "--huzhu.reporting.refresh-every=PT24H",   // the statistics' rollups are refreshed at start only: not the claims path
                "--spring.main.web-application-type=none",
                "--spring.main.banner-mode=off",
                "--huzhu.demo.enabled=false",
                "--huzhu.database.embedded.data-dir=" + DATA.resolve("claims-pg"),
                "--huzhu.database.embedded.clean-on-start=true",
                "--huzhu.database.embedded.durable=false",   // benchmarks measure Huzhu, not the disk
                "--huzhu.database.pool-size=" + (threads + 4),
                "--huzhu.crypto.key=" + KEY,
                "--huzhu.crypto.hash-key=" + HASH_KEY,
                "--huzhu.crypto.generate-missing=false",
                "--huzhu.import.work-dir=" + DATA.resolve("claims-imports"),
                "--huzhu.calendar.dir=" + DATA.resolve("calendar"),
                "--logging.level.root=warn",
                "--logging.level.org.huzhu=warn");
    }

    // ---- one run ---------------------------------------------------------------------------------

    private static final class Run {
        private final ConfigurableApplicationContext app;
        private final Options o;
        private final JdbcClient jdbc;
        private final DataSource dataSource;
        private final LocalDate today;
        private final Population people;
        private final byte[] pdf;
        private final Claims claims;

        Run(ConfigurableApplicationContext app, Options o) {
            this.app = app;
            this.o = o;
            this.claims = app.getBean(Claims.class);
            this.jdbc = app.getBean(JdbcClient.class);
            this.dataSource = app.getBean(DataSource.class);
            this.today = LocalDate.now(app.getBean(Clock.class));
            this.people = new Population(o.members, today);
            this.pdf = pdf(o.docBytes);
        }

        void execute() throws Exception {
            long setupStart = System.nanoTime();
            setUpMembers();
            progress("set-up done in %.1f s (not timed)", seconds(setupStart));

            // ---- warm-up, not timed: the same path on W more claims (one more for W members), so that the timed claims run
            // compiled code; their rows are written before the counters are read and are left out of every figure
            int all = o.claims + o.warmup;
            if (o.warmup > 0) {
                progress("warm-up: %,d claims, not timed", o.warmup);
                Outcome warm = parallel("warm-up", o.claims, all, this::fileAttachSubmit, () -> awaitReadings(o.claims, all));
                if (warm.errors.get() > 0) throw new AssertionError("warm-up claims failed; first: " + warm.firstErrors);
            }

            // ---- the real path, timed ----
            boolean statements = o.countStatements && statementStatistics();
            checkpoint();
            Counters before = counters();
            String loadBefore = load();
            progress("real path: %,d claims on %d threads (load %s) …", o.claims, o.threads, loadBefore);
            AtomicLongArray ids = new AtomicLongArray(o.claims);
            Outcome real = parallel("real", 0, o.claims, c -> ids.set(c, fileAttachSubmit(c)), () -> awaitReadings(0, all));
            if (statements) printPreparedStatements();
            Counters realAll = counters().minus(before);
            String loadAfterReal = load();
            if (statements) printStatementStatistics();
            verifyReal(real, ids);
            Counters realDelta = realAll.schemas(new TreeSet<>(SCHEMA_OF.values()));
            for (var e : realAll.tables.entrySet()) {
                boolean writes = e.getValue()[0] + e.getValue()[1] + e.getValue()[2] > 0;
                if (BOOKKEEPING.contains(e.getKey())) continue; // the platform's own rows, no part of a claim
                if (NOT_MIRRORED.contains(e.getKey())) continue; // written by another module's listener, counted in the real figure
                // reporting's work queues (claims.touched, payouts.touched, …): written by statement triggers on the tables,
                // which the scratch copies carry as well (copied with the others below), so both paths pay for them
                if (e.getKey().endsWith(".touched")) continue;
                String[] name = e.getKey().split("\\.", 2);
                if (writes && !(name.length == 2 && name[0].equals(SCHEMA_OF.get(name[1])))) {
                    throw new AssertionError("the real path wrote " + e.getKey() + ", unknown to the baseline");
                }
            }

            if (o.skipBaseline) {
                // a diagnostic run: the real path's rate and CPU only, and no BENCH line (there is nothing to compare it with)
                System.out.printf(Locale.ROOT, "real path  %,d claims in %8.2f s = %8.0f claims/s   [load before %s, after %s]%n", o.claims,
                        real.seconds, o.claims / real.seconds, loadBefore, loadAfterReal);
                System.out.println("CPU per claim, ms   JVM (of which kernel, JIT, GC)   PostgreSQL (backends, background, ended)   others"
                    + "   wall x cores");
                cpuLine("real path", real);
                return;
            }

            // ---- the plain JDBC baseline, timed ----
            Baseline baseline = new Baseline(ids);
            baseline.prepare(realDelta);
            checkpoint();
            if (o.warmup > 0) {
                progress("baseline warm-up: %,d claims, not timed", o.warmup);
                parallel("baseline warm-up", o.claims, all, c -> {
                    if (baseline.knows(c)) {
                        baseline.write(c);
                        baseline.warmedUp.incrementAndGet();
                    }
                }, () -> { });
            }
            Counters scratchBefore = counters();
            progress("baseline: %,d claims of plain JDBC writes on %d threads (load %s) …", o.claims, o.threads, load());
            Outcome base = parallel("baseline", 0, o.claims, baseline::write, () -> { });
            Counters baseAll = counters().minus(scratchBefore);
            String loadAfterBase = load();
            baseline.verify(base);

            report(real, base, realDelta, baseAll.schema("bench_scratch"), realAll, baseAll, loadBefore, loadAfterReal, loadAfterBase);
            jdbc.sql("drop schema bench_scratch cascade").update();
        }

        // ---- set-up (not timed) ------------------------------------------------------------------

        private void setUpMembers() throws Exception {
            people.enrol(app, DATA, o.threads, "claims");
        }

        // ---- the real path -----------------------------------------------------------------------

        private long fileAttachSubmit(int c) {
            Spec s = spec(c);
            var claim = new Claims.NewClaim(people.ids[s.member], s.kind, s.incident, s.diagnoses, false, null, s.stay, s.expenses,
                    s.receipts, s.items);
            List<Claims.NewDocument> documents = s.documents.stream().map(kind -> new Claims.NewDocument(kind, FILE_NAMES.get(kind), pdf))
                    .toList();
            ClaimView filed;
            if (o.attachSeparately) {
                StatementCounter.PHASE.set("file");
                filed = claims.file(claim, ADMIN);
                StatementCounter.PHASE.set("attach (5 documents, one call)");
                claims.attach(filed.id(), documents, ADMIN);
            } else {
                StatementCounter.PHASE.set("file with its 5 documents");
                filed = claims.file(claim, documents, ADMIN);
            }
            StatementCounter.PHASE.set("submit");
            ClaimView done = claims.submit(filed.id(), ADMIN);
            StatementCounter.PHASE.set("other");
            if (done.status() != ClaimStatus.PAYMENT_PENDING || done.payoutRequests().size() != 1
                    || done.approvedTotal() == null || done.approvedTotal().amount().compareTo(s.expected) != 0) {
                throw new IllegalStateException("claim " + done.id() + " (" + s.describe() + ") ended " + done.status()
                        + " approved " + done.approvedTotal() + " (expected " + s.expected + "), " + done.payoutRequests().size()
                        + " payout requests; benefits " + done.benefits().stream().map(b -> b.item() + " " + b.decision() + " "
                        + b.amount() + " " + b.reasons().stream().map(r -> r.code().name()).toList()).toList()
                        + "; missing " + done.missingMaterials());
            }
            return filed.id();
        }

        /** With --count-statements: pg_stat_statements, where the server preloads it (else false), reset before the real path. */
        private boolean statementStatistics() {
            try {
                jdbc.sql("create extension if not exists pg_stat_statements").update();
                jdbc.sql("select pg_stat_statements_reset()").query(rs -> { });
                return true;
            } catch (RuntimeException e) {
                progress("pg_stat_statements not available (the server must preload it): %s", e.getMessage().lines().findFirst().orElse(""));
                return false;
            }
        }

        /** The server-prepared statements of every pooled connection, with their generic and custom plans (before the pool is evicted). */
        private void printPreparedStatements() {
            System.out.println("\nServer-prepared statements of every pooled connection (generic plans, custom plans):");
            List<Connection> held = new ArrayList<>();
            try {
                int size = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
                for (int i = 0; i < size; i++) held.add(dataSource.getConnection());
                for (Connection c : held) {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                            "select generic_plans, custom_plans, regexp_replace(statement, '\\s+', ' ', 'g') from pg_prepared_statements"
                                    + " order by 2 desc, 1 desc")) {
                        while (rs.next()) {
                            String q = rs.getString(3);
                            System.out.printf(Locale.ROOT, "%9d %9d  %s%n", rs.getLong(1), rs.getLong(2), q.length() > 150 ? q.substring(0, 150) + "…" : q);
                        }
                    }
                    System.out.println("   --");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                for (Connection c : held) {
                    try {
                        c.close();
                    } catch (SQLException ignored) {
                        // closing a pooled connection returns it
                    }
                }
            }
        }

        /** The real path's statements by PostgreSQL's time, per claim. */
        private void printStatementStatistics() {
            System.out.println("\nPostgreSQL statements of the real path by execution time (pg_stat_statements), per claim:");
            System.out.println("   calls    exec ms   plan ms   plans   rows  blocks  statement");
            jdbc.sql("""
                    select calls, total_exec_time, total_plan_time, rows, regexp_replace(query, '\\s+', ' ', 'g'), plans,
                           shared_blks_hit + shared_blks_read
                      from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time + total_plan_time desc limit 30""")
                    .query(rs -> {
                        double n = o.claims;
                        String q = rs.getString(5);
                        System.out.printf(Locale.ROOT, "%8.2f %10.4f %9.4f %7.2f %6.2f %7.1f  %s%n", rs.getLong(1) / n, rs.getDouble(2) / n,
                                rs.getDouble(3) / n, rs.getLong(6) / n, rs.getLong(4) / n, rs.getLong(7) / n, q.length() > 150 ? q.substring(0, 150) + "…" : q);
                    });
        }

        /**
         * Waits, inside the timed window, until the background reader has recorded a reading for every
         * receipt-kind document the claims attached (at most 10 minutes; a document left to the sweep
         * counts with the time the sweep takes).
         */
        /** Waits until every receipt-kind document of the claims from {@code from} (inclusive) to {@code to} has a reading. */
        private void awaitReadings(int from, int to) {
            long expected = 0;
            for (int c = from; c < to; c++) expected += spec(c).documents.stream().filter(READ_KINDS::contains).count();
            long start = System.nanoTime();
            long read = 0;
            while (seconds(start) < 600) {
                read = jdbc.sql("select count(*) from claims.document_reading").query(Long.class).single();
                if (read >= expected) break;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            progress("background readings: %,d of %,d recorded %.2f s after the last claim was submitted", read, expected, seconds(start));
            if (read < expected) throw new AssertionError("only " + read + " of " + expected + " documents were read within 10 minutes");
        }

        private void verifyReal(Outcome real, AtomicLongArray ids) {
            if (real.errors.get() > 0) {
                throw new AssertionError(real.errors.get() + " of " + o.claims + " claims failed on the real path; first: "
                        + real.firstErrors);
            }
            Map<String, Long> byStatus = new TreeMap<>();
            jdbc.sql("select status, count(*) from claims.claim group by status")
                    .query((rs, n) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();
            long payouts = jdbc.sql("select count(*) from payouts.payout where status = 'REQUESTED'").query(Long.class).single();
            long distinct = jdbc.sql("select count(distinct source) from payouts.payout").query(Long.class).single();
            long documents = jdbc.sql("select count(*) from claims.document").query(Long.class).single();
            progress("real path verified: claims by status %s, %,d payout requests for %,d claims, %,d documents", byStatus, payouts,
                    distinct, documents);
            long all = o.claims + o.warmup;   // the warm-up's claims went the same way
            if (byStatus.size() != 1 || byStatus.getOrDefault("PAYMENT_PENDING", 0L) != all) {
                throw new AssertionError("expected all " + all + " claims in PAYMENT_PENDING, found " + byStatus);
            }
            if (payouts != all || distinct != all) throw new AssertionError("expected " + all + " payout requests");
            if (documents != 5L * all) throw new AssertionError("expected " + 5L * all + " documents");
            for (int c = 0; c < o.claims; c++) if (ids.get(c) == 0) throw new AssertionError("claim " + c + " has no id");
        }

        // ---- the claims ----------------------------------------------------------------------

        /** What claim c files: its member, incident, bill, receipts, items and documents, and what it must be paid. */
        private Spec spec(int c) {
            int j = c % o.members;
            int k = c / o.members;
            boolean accident = (j + k) % 5 == 1 || (j + k) % 5 == 3;
            LocalDate from = people.paidOn(j).plusDays(1);
            LocalDate day = from.plusDays(95 + 15L * k + j % 7);      // after every waiting period, before today
            List<String> items = c % 3 == 0 ? null : List.of(accident ? "ACCIDENT" : "HOSPITAL");
            int shares = people.shares(j);
            BigDecimal selfPaid;
            BigDecimal selfFunded;
            BigDecimal fundPaid;
            BigDecimal expected;
            HospitalStay stay = null;
            if (accident) {
                // ACCIDENT medical: 90% of (self-paid + self-funded − 100.00), one share's cap 5,000.00 is never reached
                selfPaid = BigDecimal.valueOf(200 + 10L * (c * 31L % 51));
                selfFunded = BigDecimal.valueOf(10L * (c * 7L % 31));
                fundPaid = BigDecimal.valueOf(10L * (c % 50));
                expected = selfPaid.add(selfFunded).subtract(BigDecimal.valueOf(100)).multiply(new BigDecimal("0.9"));
            } else {
                // HOSPITAL: 60% × (self-paid − 200.00) × shares, at most the self-paid amount; caps never reached
                selfPaid = BigDecimal.valueOf(800 + 5L * (c * 37L % 341));
                selfFunded = BigDecimal.valueOf(10L * (c * 13L % 31));
                fundPaid = selfPaid.multiply(new BigDecimal("1.5"));
                expected = selfPaid.subtract(BigDecimal.valueOf(200)).multiply(new BigDecimal("0.6")).multiply(BigDecimal.valueOf(shares))
                        .min(selfPaid);
                stay = new HospitalStay(day, day.plusDays(3 + c % 8));
            }
            Money total = new Money(selfPaid.add(selfFunded).add(fundPaid).setScale(2, RoundingMode.UNNECESSARY));
            Expenses expenses = new Expenses(total, new Money(fundPaid.setScale(2, RoundingMode.UNNECESSARY)),
                    new Money(selfPaid.setScale(2, RoundingMode.UNNECESSARY)), new Money(selfFunded.setScale(2, RoundingMode.UNNECESSARY)));
            List<Claims.ReceiptLine> receipts;
            if (c % 3 == 1) {
                Money second = new Money(total.amount().divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP));
                receipts = List.of(receipt(2L * c, total.minus(second)), receipt(2L * c + 1, second));
            } else {
                receipts = List.of(receipt(2L * c, total));
            }
            List<String> diagnoses = List.of(accident ? ACCIDENTS[c % ACCIDENTS.length] : ILLNESSES[c % ILLNESSES.length]);
            return new Spec(j, accident ? IncidentKind.ACCIDENT : IncidentKind.ILLNESS, day, diagnoses, stay, expenses, receipts,
                    items, accident ? ACCIDENT_DOCUMENTS : HOSPITAL_DOCUMENTS, expected.setScale(2, RoundingMode.UNNECESSARY),
                    (accident ? "A" : "H") + (items == null ? "*" : "1") + people.plan(j) + (people.male(j) ? "M" : "F")
                            + receipts.size());
        }

        private static Claims.ReceiptLine receipt(long number, Money amount) {
            return new Claims.ReceiptLine("42012026", String.format("%010d", number), true, amount);
        }

        // ---- the baseline ------------------------------------------------------------------------

        /**
         * Plain JDBC: per claim the rows the real path wrote, in the same number of transactions, with
         * no reads and no logic. Rows are the claim's own (member, dates, bill, receipts, amounts) and,
         * for what the rules computed and for the encrypted bytes, the rows of a real claim of the same
         * shape (kind, items, plan, sex, receipts), so that sizes match.
         */
        private final class Baseline {
            private final AtomicLongArray realIds;
            private final Map<String, Template> templates = new HashMap<>();
            /** The real claims drawn for a post-payment check (claims.audit_check), by real id: the baseline draws the same. */
            private final Map<Long, AuditRow> drawn = new HashMap<>();
            /** The real path's shape of writes, read from its counts: claim updates at filing and at submission, benefit rounds. */
            private int fileUpdates;
            private int submitUpdates;
            private boolean benefitsAtFiling;
            private boolean benefitsDeletedAtSubmission;

            Baseline(AtomicLongArray realIds) {
                this.realIds = realIds;
            }

            /**
             * Loads a real claim of each shape as the model of its rows, and reads from the real path's
             * counts how its writes fall into filing and submission: claims.claim updates per claim (the
             * submission's state change and judgement first, any others at filing), and whether the
             * benefits were written at filing too and deleted before being written again.
             */
            void prepare(Counters real) {
                long finalBenefits = 0;
                for (int c = 0; c < o.claims; c++) {
                    Spec s = spec(c);
                    if (!templates.containsKey(s.shape)) templates.put(s.shape, template(realIds.get(c)));
                    finalBenefits += templates.get(s.shape).benefits.size();
                }
                long[] claim = real.tables.getOrDefault("claim", new long[4]);
                long[] benefit = real.tables.getOrDefault("benefit", new long[4]);
                if (claim[1] % o.claims != 0 || benefit[0] % finalBenefits != 0 || benefit[2] % finalBenefits != 0) {
                    throw new IllegalStateException("the real path's writes do not divide into whole rows per claim (claim updates "
                            + claim[1] + ", benefit inserts " + benefit[0] + " and deletes " + benefit[2] + " for " + finalBenefits
                            + " benefits): the baseline must be taught its new shape");
                }
                Long[] realClaims = new Long[o.claims];
                for (int c = 0; c < o.claims; c++) realClaims[c] = realIds.get(c);
                jdbc.sql("select claim_id, org_path, drawn_on, drawn_by_share, risk_score, risk_factors, paid_amount from claims.audit_check"
                                + " where claim_id = any (?)").param(realClaims)
                        .query((ResultSet rs) -> {
                            drawn.put(rs.getLong(1), new AuditRow(rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBoolean(4),
                                    rs.getInt(5), (String[]) rs.getArray(6).getArray(), rs.getBigDecimal(7)));
                        });
                int updates = (int) (claim[1] / o.claims);
                submitUpdates = Math.min(updates, 2);
                fileUpdates = updates - submitUpdates;
                long rounds = benefit[0] / finalBenefits;
                long deletes = benefit[2] / finalBenefits;
                if (rounds < 1 || rounds > 2 || deletes > rounds - 1) {
                    throw new IllegalStateException("benefits written " + rounds + " times and deleted " + deletes
                            + " times per claim: the baseline must be taught this shape");
                }
                benefitsAtFiling = rounds == 2;
                benefitsDeletedAtSubmission = deletes == 1;
                progress("baseline shape from the real path's counts: claim updates %d at filing + %d at submission; benefits written"
                        + " at filing: %s, deleted before submission's: %s", fileUpdates, submitUpdates, benefitsAtFiling,
                        benefitsDeletedAtSubmission);
                jdbc.sql("drop schema if exists bench_scratch cascade").update();
                jdbc.sql("create schema bench_scratch").update();
                for (String table : TABLES) {
                    jdbc.sql("create table bench_scratch." + table + " (like " + SCHEMA_OF.get(table) + "." + table + " including all)")
                            .update();
                }
                String[] schemas = new TreeSet<>(SCHEMA_OF.values()).toArray(String[]::new);
                String[] tables = TABLES.toArray(String[]::new);
                List<String> foreignKeys = jdbc.sql("""
                        select 'alter table bench_scratch.' || c.relname || ' add ' || pg_get_constraintdef(k.oid)
                        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = any(?) and c.relname = any(?) and k.contype = 'f'""").params(schemas, tables)
                        .query(String.class).list();
                for (String fk : foreignKeys) jdbc.sql(scratch(fk, "REFERENCES ")).update();
                List<String> triggers = jdbc.sql("""
                        select pg_get_triggerdef(t.oid) from pg_trigger t join pg_class c on c.oid = t.tgrelid
                        join pg_namespace n on n.oid = c.relnamespace where n.nspname = any(?) and c.relname = any(?) and not t.tgisinternal""")
                        .params(schemas, tables).query(String.class).list();
                for (String trigger : triggers) jdbc.sql(scratch(trigger, " ON ")).update();
                progress("baseline tables ready: bench_scratch.{%s} like claims.* with %d foreign keys and %d triggers; %d row templates",
                        String.join(",", TABLES), foreignKeys.size(), triggers.size(), templates.size());
            }

            /** A copied definition pointing at the scratch copy of each of our tables after {@code keyword} (others stay as they are). */
            private static String scratch(String definition, String keyword) {
                String out = definition;
                for (String table : TABLES) {
                    out = out.replaceAll(java.util.regex.Pattern.quote(keyword + SCHEMA_OF.get(table) + "." + table) + "\\b",
                            keyword + "bench_scratch." + table);
                }
                return out;
            }

            private Template template(long id) {
                Template t = jdbc.sql("""
                        select diagnoses_cipher, claimed_items::text, filed_by, status, review_level, first_approved_by,
                               submitted_on, materials_complete_on, closed_on, computed_total, hints::text
                        from claims.claim where id = ?""").param(id)
                        .query((rs, n) -> new Template(rs.getBytes(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                                rs.getObject(9, LocalDate.class), rs.getBigDecimal(10), rs.getString(11), new ArrayList<>(),
                                new ArrayList<>(), new ArrayList<>(), new ArrayList<>()))
                        .single();
                t.events.addAll(jdbc.sql("select actor, from_status, to_status, reason from claims.claim_event where claim_id = ?"
                                + " order by id").param(id)
                        .query((rs, n) -> new EventRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list());
                t.benefits.addAll(jdbc.sql("""
                        select position, item, plan, coverage_from, coverage_to, decision, amount, components::text, reasons::text,
                               allowance_days from claims.benefit where claim_id = ? order by position""").param(id)
                        .query((rs, n) -> new BenefitRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9),
                                rs.getInt(10)))
                        .list());
                t.documents.addAll(jdbc.sql("""
                        select kind, file_name, content_type, size, sha256, content_cipher, uploaded_by
                        from claims.document where claim_id = ? order by id""").param(id)
                        .query((rs, n) -> new DocumentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getString(5), rs.getBytes(6), rs.getString(7)))
                        .list());
                t.payout.addAll(jdbc.sql("""
                        select p.payee_name, p.bank_name, p.account_cipher, p.account_masked, p.org_path, p.city_org_id, e.actor, e.reason,
                               j.description, j.org_path, j.value_date
                        from payouts.payout p join payouts.payout_event e on e.payout_id = p.id
                        join ledger.journal j on j.idempotency_key = 'claim:' || ? || ':approved'
                        where p.source = 'CLAIM:' || ?""")
                        .params(id, id).query((rs, n) -> new PayoutRow(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4),
                                rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                rs.getObject(11, LocalDate.class)))
                        .list());
                if (t.events.size() != 4 || t.documents.size() != 5 || t.payout.size() != 1 || t.benefits.isEmpty()) {
                    throw new IllegalStateException("claim " + id + " is not the shape the baseline mirrors: " + t.events.size()
                            + " events, " + t.documents.size() + " documents, " + t.payout.size() + " payouts");
                }
                return t;
            }

            /**
             * Claim c's rows in the real path's statements and transactions: filing (1 transaction, the claim,
             * its receipts, its first timeline entry and, if the real path writes them then, its benefits in
             * one statement), the 5 documents (1 transaction, one statement), the background reader's work
             * (the receipt-kind documents' readings in one transaction, one statement), submission (1 transaction: benefits deleted, then the claim's update, timeline
             * entries and new benefits in one statement, the journal and its postings, the payout and its event, and for a claim the
             * real path drew for a post-payment check, the same claims.audit_check row).
             */
            /** The warm-up claims the baseline wrote. */
            final AtomicInteger warmedUp = new AtomicInteger();

            /** Whether a claim of c's shape was seen on the real path, so that its rows can be modelled. */
            boolean knows(int c) {
                return templates.containsKey(spec(c).shape);
            }

            void write(int c) throws SQLException {
                StatementCounter.PHASE.set("baseline");
                Spec s = spec(c);
                Template t = templates.get(s.shape);
                long member = people.ids[s.member];
                long id;
                List<Long> read = new ArrayList<>();   // the receipt-kind documents, which the background reader reads
                Timestamp now = Timestamp.from(Instant.now());
                try (Connection cn = dataSource.getConnection()) {
                    cn.setAutoCommit(false);
                    EventRow created = t.events.getFirst();
                    try (PreparedStatement p = cn.prepareStatement("""
                            with c as (
                                insert into bench_scratch.claim (member_id, unit_id, org_path, kind, incident_date, diagnoses_cipher, death,
                                    disability_grade, admission, discharge, expenses_total, expenses_fund_paid, expenses_self_paid,
                                    expenses_self_funded, claimed_items, status, filed_by, computed_total, hints)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], 'DRAFT', ?, ?, ?::jsonb) returning id),
                            r as (
                                insert into bench_scratch.receipt (invoice_code, invoice_number, claim_id, position, electronic, amount)
                                select x.code, x.number, c.id, x.n - 1, x.electronic, x.amount
                                  from c, unnest(?::text[], ?::text[], ?::boolean[], ?::numeric[]) with ordinality as x (code, number, electronic, amount, n)),
                            e as (
                                insert into bench_scratch.claim_event (claim_id, at, actor, from_status, to_status, reason)
                                select c.id, ?, ?, ?, ?, ? from c)
                            """ + (benefitsAtFiling ? ", b as (" + BENEFITS.formatted("c") + ")" : "")
                            + (o.attachSeparately ? " select id from c" : ", d as (" + DOCUMENTS.formatted("c", documentValues(t))
                            + ") select id, array(select id from d where kind = any (?) order by id) from c"))) {
                        p.setLong(1, member);
                        p.setLong(2, people.units[s.member]);
                        p.setString(3, people.paths[s.member]);
                        p.setString(4, s.kind.name());
                        p.setObject(5, s.incident);
                        p.setBytes(6, t.diagnosesCipher);
                        p.setBoolean(7, false);
                        p.setNull(8, Types.INTEGER);
                        p.setObject(9, s.stay == null ? null : s.stay.admission(), Types.DATE);
                        p.setObject(10, s.stay == null ? null : s.stay.discharge(), Types.DATE);
                        p.setBigDecimal(11, s.expenses.total().amount());
                        p.setBigDecimal(12, s.expenses.fundPaid().amount());
                        p.setBigDecimal(13, s.expenses.selfPaid().amount());
                        p.setBigDecimal(14, s.expenses.selfFunded().amount());
                        p.setString(15, t.claimedItems);
                        p.setString(16, t.filedBy);
                        p.setBigDecimal(17, t.computedTotal);
                        p.setString(18, t.hints);
                        p.setObject(19, s.receipts.stream().map(Claims.ReceiptLine::invoiceCode).toArray(String[]::new));
                        p.setObject(20, s.receipts.stream().map(Claims.ReceiptLine::invoiceNumber).toArray(String[]::new));
                        p.setObject(21, s.receipts.stream().map(Claims.ReceiptLine::electronic).toArray(Boolean[]::new));
                        p.setObject(22, s.receipts.stream().map(r -> r.amount().amount()).toArray(BigDecimal[]::new));
                        p.setTimestamp(23, now);
                        p.setString(24, created.actor());
                        p.setString(25, created.fromStatus());
                        p.setString(26, created.toStatus());
                        p.setString(27, created.reason());
                        if (benefitsAtFiling) benefits(p, 28, t);
                        if (!o.attachSeparately) {
                            int next = documents(p, benefitsAtFiling ? 38 : 28, t);
                            p.setObject(next, READ_KINDS.toArray(String[]::new));
                        }
                        try (ResultSet rs = p.executeQuery()) {
                            rs.next();
                            id = rs.getLong(1);
                            if (!o.attachSeparately) read.addAll(Arrays.asList((Long[]) rs.getArray(2).getArray()));
                        }
                    }
                    for (int u = 0; u < fileUpdates; u++) judgement(cn, id, t);
                    cn.commit();
                    cn.setAutoCommit(true);
                }
                try (Connection cn = dataSource.getConnection()) {
                    if (o.attachSeparately) {
                        cn.setAutoCommit(false);
                        try (PreparedStatement p = cn.prepareStatement("with c as (select ?::bigint as id), d as ("
                                + DOCUMENTS.formatted("c", documentValues(t)) + ") select id from d where kind = any (?) order by id")) {
                            p.setLong(1, id);
                            p.setObject(documents(p, 2, t), READ_KINDS.toArray(String[]::new));
                            try (ResultSet rs = p.executeQuery()) {
                                while (rs.next()) read.add(rs.getLong(1));
                            }
                        }
                        cn.commit();
                        cn.setAutoCommit(true);
                    }
                    if (!read.isEmpty()) {
                        // the background reader, handed the documents' bytes by the filing or attaching call: records what it
                        // read in one statement, its own transaction
                        try (PreparedStatement r = cn.prepareStatement("""
                                insert into bench_scratch.document_reading (document_id, claim_id, outcome, message)
                                select x, ?, 'UNREADABLE', 'PDF 文件已损坏或不完整，无法读取' from unnest(?::bigint[]) as x""")) {
                            r.setLong(1, id);
                            r.setObject(2, read.toArray(Long[]::new));
                            r.executeUpdate();
                        }
                    }
                }
                try (Connection cn = dataSource.getConnection()) {
                    cn.setAutoCommit(false);
                    if (benefitsDeletedAtSubmission) {
                        try (PreparedStatement p = cn.prepareStatement("delete from bench_scratch.benefit where claim_id = ?")) {
                            p.setLong(1, id);
                            p.executeUpdate();
                        }
                    }
                    List<EventRow> later = t.events.subList(1, t.events.size());
                    try (PreparedStatement p = cn.prepareStatement("""
                            with u as (
                                update bench_scratch.claim set status = ?, review_level = ?, first_approved_by = ?, approved_total = ?,
                                    submitted_on = ?, materials_complete_on = ?, closed_on = ?, version = version + 1,
                                    computed_total = ?, hints = ?::jsonb
                                where id = ? and version = ? returning id),
                            e as (
                                insert into bench_scratch.claim_event (claim_id, at, actor, from_status, to_status, reason)
                                select u.id, ?, x.actor, x.from_status, x.to_status, x.reason
                                  from u, unnest(?::text[], ?::text[], ?::text[], ?::text[]) with ordinality as x (actor, from_status, to_status, reason, n)
                                 order by x.n),
                            b as (""" + BENEFITS.formatted("u") + ") select count(*) from u")) {
                        p.setString(1, t.status);
                        p.setString(2, t.reviewLevel);
                        p.setString(3, t.firstApprovedBy);
                        p.setBigDecimal(4, s.expected);
                        p.setObject(5, t.submittedOn, Types.DATE);
                        p.setObject(6, t.materialsCompleteOn, Types.DATE);
                        p.setObject(7, t.closedOn, Types.DATE);
                        p.setBigDecimal(8, t.computedTotal);
                        p.setString(9, t.hints);
                        p.setLong(10, id);
                        p.setInt(11, 0);
                        p.setTimestamp(12, now);
                        p.setObject(13, later.stream().map(EventRow::actor).toArray(String[]::new));
                        p.setObject(14, later.stream().map(EventRow::fromStatus).toArray(String[]::new));
                        p.setObject(15, later.stream().map(EventRow::toStatus).toArray(String[]::new));
                        p.setObject(16, later.stream().map(EventRow::reason).toArray(String[]::new));
                        benefits(p, 17, t);
                        try (ResultSet rs = p.executeQuery()) {
                            if (!rs.next() || rs.getInt(1) != 1) throw new IllegalStateException("baseline claim " + id + " not updated");
                        }
                    }
                    for (int u = 1; u < submitUpdates; u++) judgement(cn, id, t);
                    PayoutRow pay = t.payout.getFirst();
                    long journal;
                    try (PreparedStatement p = cn.prepareStatement("""
                            insert into bench_scratch.journal (idempotency_key, source_type, source_id, description, org_path, value_date)
                            values (?, 'CLAIM', ?, ?, ?, ?) returning id""")) {
                        p.setString(1, "claim:" + id + ":approved");
                        p.setString(2, Long.toString(id));
                        p.setString(3, pay.journalDescription());
                        p.setString(4, pay.journalOrgPath());
                        p.setObject(5, pay.valueDate());
                        try (ResultSet rs = p.executeQuery()) {
                            rs.next();
                            journal = rs.getLong(1);
                        }
                    }
                    for (String account : List.of("5101", "2202")) {
                        try (PreparedStatement p = cn.prepareStatement(
                                "insert into bench_scratch.posting (journal_id, account_code, debit, credit) values (?, ?, ?, ?)")) {
                            p.setLong(1, journal);
                            p.setString(2, account);
                            p.setBigDecimal(3, account.equals("5101") ? s.expected : BigDecimal.ZERO);
                            p.setBigDecimal(4, account.equals("2202") ? s.expected : BigDecimal.ZERO);
                            p.executeUpdate();
                        }
                    }
                    long payout;
                    try (PreparedStatement p = cn.prepareStatement("""
                            insert into bench_scratch.payout (reference, source, live_source, payee_name, bank_name, account_cipher,
                                account_masked, amount, org_path, city_org_id, status)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED') returning id""")) {
                        p.setString(1, "HZ-" + id + "-1");
                        p.setString(2, "CLAIM:" + id);
                        p.setString(3, "CLAIM:" + id);
                        p.setString(4, pay.payeeName());
                        p.setString(5, pay.bankName());
                        p.setBytes(6, pay.accountCipher());
                        p.setString(7, pay.accountMasked());
                        p.setBigDecimal(8, s.expected);
                        p.setString(9, pay.orgPath());
                        p.setLong(10, pay.cityOrgId());
                        try (ResultSet rs = p.executeQuery()) {
                            rs.next();
                            payout = rs.getLong(1);
                        }
                    }
                    try (PreparedStatement p = cn.prepareStatement("""
                            insert into bench_scratch.payout_event (payout_id, actor, from_status, to_status, reason)
                            values (?, ?, null, 'REQUESTED', ?)""")) {
                        p.setLong(1, payout);
                        p.setString(2, pay.eventActor());
                        p.setString(3, pay.eventReason());
                        p.executeUpdate();
                    }
                    AuditRow audit = c < realIds.length() ? drawn.get(realIds.get(c)) : null;
                    if (audit != null) {
                        // drawn for a post-payment check on the real path: the same row, in the submission's transaction
                        try (PreparedStatement p = cn.prepareStatement("insert into bench_scratch.audit_check (claim_id, org_path, drawn_on,"
                                + " drawn_by_share, risk_score, risk_factors, paid_amount) values (?, ?, ?, ?, ?, ?::text[], ?)")) {
                            p.setLong(1, id);
                            p.setString(2, audit.orgPath());
                            p.setObject(3, audit.drawnOn());
                            p.setBoolean(4, audit.byShare());
                            p.setInt(5, audit.riskScore());
                            p.setObject(6, audit.factors());
                            p.setBigDecimal(7, audit.paid());
                            p.executeUpdate();
                        }
                    }
                    cn.commit();
                    cn.setAutoCommit(true);
                }
            }

            /** Inserts a template's benefits for the claim whose id the CTE named by the placeholder returns. */
            private static final String BENEFITS = """
                    insert into bench_scratch.benefit (claim_id, position, item, plan, coverage_from, coverage_to, decision, amount,
                        components, reasons, allowance_days)
                    select %1$s.id, x.position, x.item, x.plan, x.coverage_from, x.coverage_to, x.decision, x.amount, x.components::jsonb,
                           x.reasons::jsonb, x.allowance_days
                      from %1$s, unnest(?::int[], ?::text[], ?::text[], ?::date[], ?::date[], ?::text[], ?::numeric[], ?::text[], ?::text[], ?::int[])
                           as x (position, item, plan, coverage_from, coverage_to, decision, amount, components, reasons, allowance_days)""";

            /** Inserts a template's documents for the claim whose id the CTE named by the first placeholder returns; the second is {@link #documentValues}. */
            private static final String DOCUMENTS = """
                    insert into bench_scratch.document (claim_id, kind, file_name, content_type, size, sha256, content_cipher, uploaded_by)
                    select %1$s.id, v.kind, v.file_name, v.content_type, v.size, v.sha256, v.content_cipher, v.uploaded_by
                      from %1$s, (values %2$s) as v (n, kind, file_name, content_type, size, sha256, content_cipher, uploaded_by)
                     order by v.n
                    returning id, kind""";

            private static String documentValues(Template t) {
                StringBuilder values = new StringBuilder();
                for (int d = 0; d < t.documents.size(); d++) {
                    values.append(d == 0 ? "" : ", ").append("(").append(d).append(", ?, ?, ?, ?::bigint, ?, ?::bytea, ?)");
                }
                return values.toString();
            }

            /** Sets the parameters of {@link #documentValues} from parameter {@code first} on; returns the next parameter's index. */
            private static int documents(PreparedStatement p, int first, Template t) throws SQLException {
                int i = first;
                for (DocumentRow d : t.documents) {
                    p.setString(i++, d.kind());
                    p.setString(i++, d.fileName());
                    p.setString(i++, d.contentType());
                    p.setLong(i++, d.size());
                    p.setString(i++, d.sha256());
                    p.setBytes(i++, d.contentCipher());
                    p.setString(i++, d.uploadedBy());
                }
                return i;
            }

            /** Sets the 10 array parameters of {@link #BENEFITS} from parameter {@code first} on. */
            private static void benefits(PreparedStatement p, int first, Template t) throws SQLException {
                List<BenefitRow> b = t.benefits;
                p.setObject(first, b.stream().map(BenefitRow::position).toArray(Integer[]::new));
                p.setObject(first + 1, b.stream().map(BenefitRow::item).toArray(String[]::new));
                p.setObject(first + 2, b.stream().map(BenefitRow::plan).toArray(String[]::new));
                p.setObject(first + 3, b.stream().map(x -> x.coverageFrom().toString()).toArray(String[]::new));
                p.setObject(first + 4, b.stream().map(x -> x.coverageTo().toString()).toArray(String[]::new));
                p.setObject(first + 5, b.stream().map(BenefitRow::decision).toArray(String[]::new));
                p.setObject(first + 6, b.stream().map(BenefitRow::amount).toArray(BigDecimal[]::new));
                p.setObject(first + 7, b.stream().map(BenefitRow::components).toArray(String[]::new));
                p.setObject(first + 8, b.stream().map(BenefitRow::reasons).toArray(String[]::new));
                p.setObject(first + 9, b.stream().map(BenefitRow::allowanceDays).toArray(Integer[]::new));
            }

            private static void judgement(Connection cn, long id, Template t) throws SQLException {
                try (PreparedStatement p = cn.prepareStatement("update bench_scratch.claim set computed_total = ?, hints = ?::jsonb where id = ?")) {
                    p.setBigDecimal(1, t.computedTotal);
                    p.setString(2, t.hints);
                    p.setLong(3, id);
                    p.executeUpdate();
                }
            }

            void verify(Outcome base) {
                if (base.errors.get() > 0) {
                    throw new AssertionError(base.errors.get() + " baseline claims failed; first: " + base.firstErrors);
                }
                long claims = jdbc.sql("select count(*) from bench_scratch.claim where status = 'PAYMENT_PENDING'").query(Long.class).single();
                long payouts = jdbc.sql("select count(*) from bench_scratch.payout").query(Long.class).single();
                long expected = o.claims + warmedUp.get();
                if (claims != expected || payouts != expected) {
                    throw new AssertionError("baseline wrote " + claims + " claims and " + payouts + " payout requests, not " + expected);
                }
            }
        }

        // ---- running T threads over disjoint members -------------------------------------------

        interface Work {
            void claim(int c) throws Exception;
        }

        /**
         * Runs every claim once on T threads; thread t takes the claims of the members j with j % T == t, in order.
         * The clock stops once {@code drain} returns: the work the claims left to background threads is part of the time.
         */
        private Outcome parallel(String label, int from, int to, Work work, Runnable drain) throws Exception {
            Outcome outcome = new Outcome();
            AtomicInteger done = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(o.threads);
            Thread reporter = new Thread(() -> {
                long start = System.nanoTime();
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    int n = done.get();
                    progress("%s: %,d / %,d claims, %,.0f claims/s, %d errors, load %s", label, n, to - from, n / seconds(start),
                            outcome.errors.get(), load());
                }
            }, "bench-progress");
            reporter.setDaemon(true);
            outcome.cpuBefore = Cpu.now(DATA.resolve("claims-pg"));
            long start = System.nanoTime();
            reporter.start();
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < o.threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int c = from; c < to; c++) {
                            if (c % o.members % o.threads != thread) continue;
                            try {
                                work.claim(c);
                            } catch (Exception | AssertionError e) {
                                if (outcome.errors.incrementAndGet() <= 5) outcome.firstErrors.add(e.toString());
                            }
                            done.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) f.get();
                drain.run();
            } finally {
                outcome.seconds = seconds(start);
                outcome.cpuAfter = Cpu.now(DATA.resolve("claims-pg"));
                reporter.interrupt();
                pool.shutdownNow();
            }
            progress("%s: %,d claims in %.2f s = %,.0f claims/s, %d errors", label, to - from, outcome.seconds,
                    (to - from) / outcome.seconds, outcome.errors.get());
            return outcome;
        }

        // ---- PostgreSQL's own counts ----------------------------------------------------------

        /**
         * Row inserts, updates and deletes per table of a schema and the database's commits, as
         * PostgreSQL counts them. Backends report their counts when they end, so the pool's idle
         * connections are closed first and the counts read until they stop changing.
         */
        private Counters counters() throws Exception {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            hikari.getHikariPoolMXBean().softEvictConnections();
            Counters last = null;
            for (int i = 0; i < 60; i++) {
                Thread.sleep(250);
                Counters now = readCounters();
                if (now.equals(last)) return now;
                last = now;
            }
            return last;
        }

        private Counters readCounters() {
            try (Connection cn = dataSource.getConnection(); Statement st = cn.createStatement()) {
                st.execute("select pg_stat_clear_snapshot()");
                Map<String, long[]> tables = new TreeMap<>();
                try (ResultSet rs = st.executeQuery("select schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_del,"
                        + " coalesce(seq_scan, 0) + coalesce(idx_scan, 0) from pg_stat_user_tables")) {
                    while (rs.next()) {
                        tables.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                    }
                }
                long commits;
                try (ResultSet rs = st.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
                    rs.next();
                    commits = rs.getLong(1);
                }
                return new Counters(tables, commits);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private void checkpoint() {
            jdbc.sql("checkpoint").update();
        }

        // ---- results ---------------------------------------------------------------------------

        private void report(Outcome real, Outcome base, Counters realDelta, Counters scratchDelta, Counters realAll, Counters baseAll,
                            String loadBefore, String loadAfterReal, String loadAfterBase) {
            double n = o.claims;
            double realRate = n / real.seconds;
            double baseRate = n / base.seconds;
            System.out.printf(Locale.ROOT, "%nclaims benchmark: %,d claims (hospital illness and accident medical, 1–2 receipts,"
                    + " 5 documents of %,d bytes), %d threads, %,d members%n", o.claims, o.docBytes, o.threads, o.members);
            System.out.printf(Locale.ROOT, "PostgreSQL: synchronous_commit=%s, fsync=%s, shared_buffers=%s%n", setting("synchronous_commit"),
                    setting("fsync"), setting("shared_buffers"));
            System.out.println();
            System.out.println("rows written per claim        real path              baseline (plain JDBC)");
            System.out.println("table                  insert  update  delete     insert  update  delete");
            boolean same = true;
            for (String table : TABLES) {
                long[] r = realDelta.tables.getOrDefault(table, new long[4]);
                long[] b = scratchDelta.tables.getOrDefault(table, new long[4]);
                same &= r[0] == b[0] && r[1] == b[1] && r[2] == b[2];
                System.out.printf(Locale.ROOT, "%-20s %8.2f %7.2f %7.2f   %8.2f %7.2f %7.2f%n", table, r[0] / n, r[1] / n, r[2] / n,
                        b[0] / n, b[1] / n, b[2] / n);
            }
            long[] rt = realDelta.totals();
            long[] bt = scratchDelta.totals();
            System.out.printf(Locale.ROOT, "%-20s %8.2f %7.2f %7.2f   %8.2f %7.2f %7.2f%n", "all", rt[0] / n, rt[1] / n, rt[2] / n,
                    bt[0] / n, bt[1] / n, bt[2] / n);
            System.out.printf(Locale.ROOT, "transactions committed per claim: real %.2f, baseline %.2f%n", realDelta.commits / n,
                    scratchDelta.commits / n);
            System.out.printf("row counts of the baseline equal the real path's, table by table: %s%n", same ? "yes" : "NO");
            System.out.println();
            System.out.println("reads per claim (table scans, index scans incl. key checks)   real path   baseline");
            Set<String> read = new TreeSet<>(realAll.tables.keySet());
            read.addAll(baseAll.tables.keySet());
            long realReads = 0;
            long baseReads = 0;
            for (String table : read) {
                long r = realAll.tables.getOrDefault(table, new long[4])[3];
                long b = baseAll.tables.getOrDefault(table, new long[4])[3];
                realReads += r;
                baseReads += b;
                if (r + b > 0) System.out.printf(Locale.ROOT, "%-60s %9.2f %10.2f%n", table, r / n, b / n);
            }
            System.out.printf(Locale.ROOT, "%-60s %9.2f %10.2f%n", "all", realReads / n, baseReads / n);
            System.out.println();
            System.out.println("CPU per claim, ms   JVM (of which kernel, JIT, GC)   PostgreSQL (backends, background, ended)   others"
                    + "   wall x cores");
            cpuLine("real path", real);
            cpuLine("baseline", base);
            if (o.countStatements) {
                System.out.println();
                System.out.println("statements sent per claim (counted at the JDBC connection)   statements   commits");
                StatementCounter.COUNTS.forEach((phase, v) -> {
                    if (!phase.equals("other")) {
                        System.out.printf(Locale.ROOT, "%-60s %10.2f %9.2f%n", phase, v[0].sum() / n, v[1].sum() / n);
                    }
                });
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "real path  %,d claims in %8.2f s = %,8.0f claims/s   [load before %s, after %s]%n", o.claims,
                    real.seconds, realRate, loadBefore, loadAfterReal);
            System.out.printf(Locale.ROOT, "baseline   %,d claims in %8.2f s = %,8.0f claims/s   [load after %s]%n", o.claims, base.seconds,
                    baseRate, loadAfterBase);
            System.out.printf(Locale.ROOT, "ratio      %.3f (aim >= 0.333: %s); aim >= 500 claims/s: %s%n", realRate / baseRate,
                    realRate / baseRate >= 1 / 3.0 ? "met" : "NOT met", realRate >= 500 ? "met" : "NOT met");
            Cpu busy = real.cpuAfter.minus(real.cpuBefore);
            if (busy.others() > 0.1 * real.seconds * 1e9 * Runtime.getRuntime().availableProcessors()) {
                System.out.println("note: other work took more than a tenth of the machine during the real path; the CPU columns"
                        + " compare better than the rates");
            }
            if (!same) throw new AssertionError("the baseline did not write the same rows as the real path");
            if (Math.abs(realDelta.commits - scratchDelta.commits) > 0.1 * n) {
                throw new AssertionError("the baseline did not commit as many transactions per claim as the real path");
            }
            System.out.printf(Locale.ROOT, "BENCH name=claims value=%.0f unit=claims/s baseline=%.0f ratio=%.3f n=%d threads=%d%n",
                    realRate, baseRate, realRate / baseRate, o.claims, o.threads);
            System.out.flush();
        }

        private void cpuLine(String label, Outcome x) {
            Cpu d = x.cpuAfter.minus(x.cpuBefore);
            double n = o.claims;
            System.out.printf(Locale.ROOT, "%-12s %7.3f (%6.3f, %6.3f, %6.3f) %11.3f (%6.3f, %6.3f, %6.3f) %9.3f %14.3f%n", label,
                    d.jvm / 1e6 / n, d.jvmKernel / 1e6 / n, d.jit / 1e6 / n, d.gc / 1e6 / n, d.postgres / 1e6 / n, d.backends / 1e6 / n, d.background / 1e6 / n,
                    d.exited() / 1e6 / n, d.others() / 1e6 / n, x.seconds * 1e3 * Runtime.getRuntime().availableProcessors() / n);
        }

        private String setting(String name) {
            return jdbc.sql("select current_setting('" + name + "')").query(String.class).single();
        }
    }

    // ---- data ----------------------------------------------------------------------------------

    /**
     * With {@code --count-statements}: the pool is wrapped so that every statement prepared or
     * created, and every commit, is counted under the phase the calling thread is in.
     */
    private static final class StatementCounter {
        static final ThreadLocal<String> PHASE = ThreadLocal.withInitial(() -> "other");
        static final Map<String, java.util.concurrent.atomic.LongAdder[]> COUNTS = new java.util.concurrent.ConcurrentSkipListMap<>();

        static Object wrap(HikariDataSource pool) {
            return java.lang.reflect.Proxy.newProxyInstance(ClaimsBenchmark.class.getClassLoader(),
                    new Class<?>[] {DataSource.class, java.io.Closeable.class}, (proxy, method, args) -> {
                        Object result = invoke(pool, method, args);
                        return result instanceof Connection c && method.getName().equals("getConnection") ? connection(c) : result;
                    });
        }

        private static Connection connection(Connection target) {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(ClaimsBenchmark.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        String m = method.getName();
                        if (m.equals("prepareStatement") || m.equals("createStatement") || m.equals("prepareCall")) count(0);
                        else if (m.equals("commit")) count(1);
                        return invoke(target, method, args);
                    });
        }

        private static void count(int what) {
            String phase = PHASE.get();
            if (phase.equals("other") && Thread.currentThread().getName().startsWith("claim-reader")) phase = "reading (background)";
            COUNTS.computeIfAbsent(phase, p -> new java.util.concurrent.atomic.LongAdder[] {
                    new java.util.concurrent.atomic.LongAdder(), new java.util.concurrent.atomic.LongAdder()})[what].increment();
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private record Spec(int member, IncidentKind kind, LocalDate incident, List<String> diagnoses, HospitalStay stay,
                        Expenses expenses, List<Claims.ReceiptLine> receipts, List<String> items, List<String> documents,
                        BigDecimal expected, String shape) {

        String describe() {
            return kind + " " + incident + (stay == null ? "" : " stay " + stay.admission() + "–" + stay.discharge()) + " self-paid "
                    + expenses.selfPaid() + " items " + items + " shape " + shape;
        }
    }

    /** What a real claim of one shape wrote: the model rows for the baseline. */
    private record Template(byte[] diagnosesCipher, String claimedItems, String filedBy, String status, String reviewLevel,
                            String firstApprovedBy, LocalDate submittedOn, LocalDate materialsCompleteOn, LocalDate closedOn,
                            BigDecimal computedTotal, String hints, List<EventRow> events, List<BenefitRow> benefits,
                            List<DocumentRow> documents, List<PayoutRow> payout) {
    }

    /** A real claim's draw for a post-payment check. */
    private record AuditRow(String orgPath, LocalDate drawnOn, boolean byShare, int riskScore, String[] factors, BigDecimal paid) {
    }

    private record EventRow(String actor, String fromStatus, String toStatus, String reason) {
    }

    private record BenefitRow(int position, String item, String plan, LocalDate coverageFrom, LocalDate coverageTo, String decision,
                              BigDecimal amount, String components, String reasons, int allowanceDays) {
    }

    private record DocumentRow(String kind, String fileName, String contentType, long size, String sha256, byte[] contentCipher,
                               String uploadedBy) {
    }

    /** The payout a claim handed over, its REQUESTED event and its approval journal. */
    private record PayoutRow(String payeeName, String bankName, byte[] accountCipher, String accountMasked, String orgPath, long cityOrgId,
                             String eventActor, String eventReason, String journalDescription, String journalOrgPath, LocalDate valueDate) {
    }

    private static final class Outcome {
        final AtomicInteger errors = new AtomicInteger();
        final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        volatile double seconds;
        volatile Cpu cpuBefore;
        volatile Cpu cpuAfter;
    }

    /**
     * CPU time in nanoseconds: this JVM, the embedded PostgreSQL (postmaster, its live children and
     * the children it reaped) and the whole machine (/proc/stat, all cores, without idle and iowait).
     * Linux only; elsewhere the PostgreSQL and machine figures are 0.
     */
    private record Cpu(long jvm, long jvmKernel, long jit, long gc, long postgres, long backends, long background, long machine) {

        static Cpu now(Path pgData) {
            long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long[] jitAndGc = jitAndGcNanos();
            long[] pg = postgresNanos(pgData);
            return new Cpu(jvm, kernelNanos(), jitAndGc[0], jitAndGc[1], pg[0], pg[1], pg[2], machineNanos());
        }

        Cpu minus(Cpu before) {
            return new Cpu(jvm - before.jvm, jvmKernel - before.jvmKernel, jit - before.jit, gc - before.gc, postgres - before.postgres,
                    backends - before.backends, background - before.background, machine - before.machine);
        }

        /** This JVM's CPU in the kernel (system calls: socket reads and writes to PostgreSQL, futexes). */
        private static long kernelNanos() {
            try {
                String stat = Files.readString(Path.of("/proc/self/stat"));
                return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[12]) * 10_000_000L;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** PostgreSQL's CPU outside the live backends and background processes: mostly autovacuum workers that ended. */
        long exited() {
            return postgres - backends - background;
        }

        /** CPU of the JIT compiler threads and of the garbage collector's threads of this JVM. */
        private static long[] jitAndGcNanos() {
            long[] ticks = new long[2];
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    String comm;
                    try {
                        comm = Files.readString(task.resolve("comm")).strip();
                    } catch (IOException e) {
                        continue;
                    }
                    int group = comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? 0
                            : comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? 1 : -1;
                    if (group >= 0) ticks[group] += ticks(Long.parseLong(task.getFileName().toString()), false, "/proc/self/task/");
                }
            } catch (IOException | RuntimeException e) {
                return new long[2];
            }
            return new long[] {ticks[0] * 10_000_000L, ticks[1] * 10_000_000L};
        }

        long others() {
            return Math.max(0, machine - jvm - postgres);
        }

        /** {all of PostgreSQL, its live client backends, its live background processes}; the rest ended meanwhile. */
        private static long[] postgresNanos(Path pgData) {
            try {
                long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).getFirst().strip());
                long all = ticks(pid, true, "/proc/");
                long backends = 0;
                long background = 0;
                for (ProcessHandle child : ProcessHandle.of(pid).orElseThrow().descendants().toList()) {
                    long t = ticks(child.pid(), false, "/proc/");
                    all += t;
                    String title;
                    try {
                        title = Files.readString(Path.of("/proc", Long.toString(child.pid()), "cmdline"));
                    } catch (IOException e) {
                        title = "";
                    }
                    if (title.startsWith("postgres: postgres ")) backends += t;      // "postgres: <user> <db> <host> <state>"
                    else background += t;
                }
                return new long[] {all * 10_000_000L, backends * 10_000_000L, background * 10_000_000L};   // USER_HZ = 100
            } catch (IOException | RuntimeException e) {
                return new long[3];
            }
        }

        private static long ticks(long pid, boolean withReaped, String dir) {
            try {
                String stat = Files.readString(Path.of(dir + pid, "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                return withReaped ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
            } catch (IOException e) {
                return 0;                                                    // ended meanwhile
            }
        }

        private static long machineNanos() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < f.length && i <= 8; i++) if (i != 4 && i != 5) busy += Long.parseLong(f[i]);
                return busy * 10_000_000L;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    private record Counters(Map<String, long[]> tables, long commits) {

        Counters minus(Counters before) {
            Map<String, long[]> delta = new TreeMap<>();
            tables.forEach((table, now) -> {
                long[] was = before.tables.getOrDefault(table, new long[4]);
                long[] d = {now[0] - was[0], now[1] - was[1], now[2] - was[2], now[3] - was[3]};
                if (d[0] != 0 || d[1] != 0 || d[2] != 0 || d[3] != 0) delta.put(table, d);
            });
            return new Counters(delta, commits - before.commits);
        }

        /** The tables of several schemas, by their bare names (unique across them). */
        Counters schemas(Set<String> names) {
            Map<String, long[]> only = new TreeMap<>();
            tables.forEach((table, v) -> {
                String[] name = table.split("\\.", 2);
                if (names.contains(name[0])) only.put(name[1], v);
            });
            return new Counters(only, commits);
        }

        /** The tables of one schema, by their bare names. */
        Counters schema(String name) {
            Map<String, long[]> only = new TreeMap<>();
            tables.forEach((table, v) -> {
                if (table.startsWith(name + ".")) only.put(table.substring(name.length() + 1), v);
            });
            return new Counters(only, commits);
        }

        long[] totals() {
            long[] t = new long[3];
            for (long[] v : tables.values()) for (int i = 0; i < 3; i++) t[i] += v[i];
            return t;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Counters other) || other.commits != commits || !other.tables.keySet().equals(tables.keySet())) return false;
            for (var e : tables.entrySet()) if (!java.util.Arrays.equals(e.getValue(), other.tables.get(e.getKey()))) return false;
            return true;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(commits);
        }
    }

    /** A small PDF of about {@code size} bytes: header, one object with a text stream, trailer. */
    private static byte[] pdf(int size) {
        StringBuilder b = new StringBuilder("%PDF-1.7\n1 0 obj << /Length ").append(size).append(" >>\nstream\n");
        int i = 0;
        while (b.length() < size - 20) b.append("BT /F1 12 Tf 72 ").append(700 - i++ % 600).append(" Td (huzhu) Tj ET\n");
        b.append("endstream\nendobj\n%%EOF\n");
        byte[] bytes = b.toString().getBytes(StandardCharsets.US_ASCII);
        return java.util.Arrays.copyOf(bytes, Math.max(bytes.length, size));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench claims] " + format + "%n", args);
    }
}
