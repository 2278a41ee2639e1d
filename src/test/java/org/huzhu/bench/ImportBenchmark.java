package org.huzhu.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.huzhu.ledger.Ledger;
import org.huzhu.membership.RosterImports;
import org.huzhu.membership.SubsidyBudgetAdmin;
import org.huzhu.membership.roster.RosterReader;
import org.huzhu.membership.roster.RosterTemplate;
import org.huzhu.organisation.Level;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./huzhu bench import}: N valid roster rows go through the whole import path
 * ({@link RosterImports#importNow}, file to committed members, enrolments, ledger journals and
 * progress), timed; then the member and enrolment rows it wrote are exported and loaded again
 * with plain {@code COPY … FROM STDIN} into scratch copies of the same tables (same columns,
 * defaults, indexes and constraints, the enrolment → member foreign key included), timed as the
 * baseline. Figure: roster rows per second, ratio = import rate / COPY rate. Also prints where the
 * import's time goes: wall, import-thread CPU, JVM and PostgreSQL CPU per phase.
 */
final class ImportBenchmark implements Bench.Benchmark {

    private static final CurrentUser ADMIN = new CurrentUser(0, "bench", Role.ADMIN, "/", null, null, null);
    private static final Path DATA = Path.of("target", "bench-data").toAbsolutePath();

    @Override
    public List<Bench.Figure> run(Bench.Options options) throws Exception {
        int rows = options.positiveInt("rows", 1_000_000);
        String format = options.choice("format", "csv", "csv", "xlsx");
        int chunk = options.positiveInt("chunk", 5000);
        boolean renewal = options.flag("renewal");
        options.rejectUnknown();
        if (renewal) return new RenewalBenchmark().run(rows, chunk);
        if (rows > 1_000_000) throw new Bench.UsageException("--rows at most 1000000 (a unit's headcount limit)");
        progress("heap %s (%s), %d cores, %s", Bench.heap(), Bench.xmxFlag(), Runtime.getRuntime().availableProcessors(), load());
        Files.createDirectories(DATA);

        progress("starting Huzhu on a fresh embedded PostgreSQL under %s (chunk size %d)", DATA, chunk);
        try (ConfigurableApplicationContext app = Bench.startApplication(DATA,
                "huzhu.import.work-dir=" + DATA.resolve("imports"), "huzhu.import.chunk-size=" + chunk)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            DataSource dataSource = app.getBean(DataSource.class);
            LocalDate today = LocalDate.now(app.getBean(Clock.class));
            Unit unit = setUp(app, rows, today);

            Path file = DATA.resolve("roster-" + rows + "." + format);
            long genStart = System.nanoTime();
            new RosterFile(today, 0, 8).write(file, rows, format);   // a roster paid this week: cover starts at once
            progress("wrote %,d rows to %s (%,d bytes) in %.1f s (not timed)", rows, file, Files.size(file), seconds(genStart));

            String loadBefore = load();
            progress("importing (load %s) …", loadBefore);
            Probe probe = new Probe(jdbc, DATA.resolve("postgres"));
            probe.mark("start");
            long start = System.nanoTime();
            long importId;
            try (Probe.Watch watch = probe.watch()) {
                importId = app.getBean(RosterImports.class).importNow(unit.id(), file, ADMIN);
            }
            double importSeconds = seconds(start);
            probe.mark("end");
            double importRate = rows / importSeconds;
            progress("imported in %.2f s", importSeconds);
            verify(app, jdbc, importId, unit, rows);

            Baseline baseline = new Baseline(dataSource, jdbc, DATA, importId, unit.id(), probe);
            double copySeconds = baseline.run();
            double copyRate = rows / copySeconds;
            String loadAfter = load();

            System.out.printf(Locale.ROOT, "%nimport   %,d rows (%s, chunk %d) in %.2f s = %,.0f rows/s   [load before %s]%n",
                    rows, format, chunk, importSeconds, importRate, loadBefore);
            System.out.printf(Locale.ROOT, "COPY     member %.2f s + enrolment %.2f s = %.2f s = %,.0f rows/s   [load after %s]%n",
                    baseline.memberSeconds, baseline.enrolmentSeconds, copySeconds, copyRate, loadAfter);
            System.out.printf(Locale.ROOT, "ratio    %.2f (aim >= 0.50: %s); end to end aim >= 100,000 rows/s: %s%n",
                    importRate / copyRate, importRate / copyRate >= 0.5 ? "met" : "NOT met", importRate >= 100_000 ? "met" : "NOT met");
            if (Math.max(number(loadBefore), number(loadAfter)) > Runtime.getRuntime().availableProcessors() + 1) {
                System.out.println("note     the load average was above the core count: wall-clock rates are unreliable; compare the CPU columns");
            }
            probe.print(rows);
            System.out.printf(Locale.ROOT, "parts    untimed extras: reading the file alone %.2f s a pass; HMAC + AES-GCM of %,d ID numbers %.2f s%n",
                    readOnly(file), rows, crypto(app.getBean(PersonalDataCipher.class), rows));

            Map<String, String> extras = new LinkedHashMap<>();
            extras.put("n", Integer.toString(rows));
            extras.put("heap", Bench.heap());
            extras.put("format", format);
            extras.put("chunk", Integer.toString(chunk));
            return List.of(Bench.Figure.rate("import", importRate, "rows/s", copyRate, extras));
        }
    }

    /** A province → city → county, a private unit of N workers under it, and subsidy budgets for both years paid in. */
    static Unit setUp(ConfigurableApplicationContext app, int rows, LocalDate today) {
        Organisations organisations = app.getBean(Organisations.class);
        OrgNode province = organisations.createNode("湖北省总工会", Level.PROVINCE, null, "42");
        OrgNode city = organisations.createNode("武汉市总工会", Level.CITY, province, "4201");
        OrgNode county = organisations.createNode("江岸区总工会", Level.COUNTY, city, "420102");
        String code = "91420102" + "BENCH0001";
        Unit unit = organisations.createUnit(new Organisations.NewUnit("江岸区基准测试物流有限公司", code + CreditCode.checkCharacter(code),
                "PRIVATE", rows, county.id(), null), ADMIN);
        SubsidyBudgetAdmin budgets = app.getBean(SubsidyBudgetAdmin.class);
        // PRIVATE_HALF: the union pays about 100.00 a worker; this year's budget runs out about half way
        budgets.set(new SubsidyBudgetAdmin.BudgetChange(city.id(), today.getYear(), rows * 50L + ".00"), ADMIN);
        budgets.set(new SubsidyBudgetAdmin.BudgetChange(province.id(), today.getYear() - 1, rows * 50L + ".00"), ADMIN);
        return unit;
    }

    private static void verify(ConfigurableApplicationContext app, JdbcClient jdbc, long importId, Unit unit, int rows) {
        var view = app.getBean(RosterImports.class).visibleImport(importId, ADMIN, 3);
        long members = jdbc.sql("select count(*) from membership.member where unit_id = ?").param(unit.id()).query(Long.class).single();
        long enrolments = jdbc.sql("select count(*) from membership.enrolment where roster_import_id = ?").param(importId)
                .query(Long.class).single();
        var balance = app.getBean(Ledger.class).trialBalance();
        var subsidy = app.getBean(SubsidyBudgetAdmin.class).list(ADMIN).stream().map(b -> b.used().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        progress("check: status %s, accepted %,d, rejected %,d, errors %d %s; %,d members, %,d enrolments; trial balance %s "
                        + "(debits %s = credits %s); subsidy drawn %s", view.status(), view.accepted(), view.rejected(), view.errorCount(),
                view.errors(), members, enrolments, balance.balanced() ? "balanced" : "NOT balanced", balance.debits(), balance.credits(), subsidy);
        boolean ok = view.status().equals("DONE") && view.accepted() == rows && view.rejected() == 0 && view.errorCount() == 0
                && members == rows && enrolments == rows && balance.balanced() && balance.debits().amount().signum() > 0
                && subsidy.signum() > 0;
        if (!ok) throw new AssertionError("the import did not enrol every row correctly; figures would be meaningless");
    }

    /** One untimed pass of the reader alone over the file: what reading costs per pass. */
    private static double readOnly(Path file) {
        long start = System.nanoTime();
        long chars = 0;
        try (RosterReader reader = RosterReader.open(file)) {
            while (reader.hasNext()) chars += reader.next().idNumber().length();
        }
        if (chars == 0) throw new IllegalStateException("nothing read");
        return seconds(start);
    }

    /** What the keyed hash and the encryption of N ID numbers cost on this machine (the import does both per row). */
    private static double crypto(PersonalDataCipher cipher, int rows) {
        long start = System.nanoTime();
        int sink = 0;
        for (int i = 0; i < rows; i++) {
            String id = "42010219800101" + (1000 + i % 9000);
            sink += cipher.hash("id:" + id)[0] + cipher.encrypt(id)[1];
        }
        if (sink == 42) System.err.print("");
        return seconds(start);
    }

    /** Writes N valid roster rows: distinct ID numbers, ages 20–60, both sexes, mixed plans, paid within the last year. */
    static final class RosterFile {
        private static final String[] AREAS = {"420102", "420106", "420111", "420802", "420804", "420882", "422801", "422802", "422823"};
        private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏";
        private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅晨阳宇浩然子涵欣怡梓轩雨泽思远诗琪嘉俊文博";

        private final LocalDate today;
        private final LocalDate youngest;
        private final int days;
        private final Random random = new Random(20261122L);
        private final int paidDaysAgoMin;
        private final int paidDaysAgoSpan;

        RosterFile(LocalDate today) {
            this(today, 0, 365);
        }

        /** Rows paid between {@code paidDaysAgoMin} and {@code paidDaysAgoMin + paidDaysAgoSpan - 1} days ago. */
        RosterFile(LocalDate today, int paidDaysAgoMin, int paidDaysAgoSpan) {
            this.paidDaysAgoMin = paidDaysAgoMin;
            this.paidDaysAgoSpan = paidDaysAgoSpan;
            this.today = today;
            this.youngest = today.minusYears(20);
            this.days = (int) (youngest.toEpochDay() - today.minusYears(60).toEpochDay());
        }

        void write(Path file, int rows, String format) throws IOException {
            if (format.equals("csv")) writeCsv(file, rows);
            else writeXlsx(file, rows);
        }

        /** Row i: {name, id, phone, form, plan, shares, paidOn}; odd rows are men, even rows women. */
        String[] row(int i) {
            boolean male = i % 2 == 1;
            int j = i / 2;
            int k = j / days;                                  // distinct (area, sequence) per block of birth dates
            LocalDate birth = youngest.minusDays(j % days);
            String first17 = AREAS[k % AREAS.length] + birth.toString().replace("-", "")
                    + String.format("%03d", 2 * (k / AREAS.length) + (male ? 1 : 0));
            String plan = switch (i % 10) {
                case 1 -> "HOSPITAL+ACCIDENT";
                case 2 -> "HOSPITAL+FEMALE_SPECIAL:UPG";          // i even: a woman
                default -> "BASIC";
            };
            return new String[] {name(), first17 + IdNumber.checkCharacter(first17),
                    "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)),
                    i % 10 == 3 ? "NEW_FORM" : "REGULAR", plan, i % 4 == 0 ? "2" : "1",
                    today.minusDays(paidDaysAgoMin + random.nextInt(paidDaysAgoSpan)).toString()};
        }

        private String name() {
            StringBuilder b = new StringBuilder(3).append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
            for (int n = 1 + random.nextInt(2); n > 0; n--) b.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
            return b.toString();
        }

        private void writeCsv(Path file, int rows) throws IOException {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(String.join(",", RosterTemplate.HEADERS) + "\n");
                for (int i = 0; i < rows; i++) out.write(String.join(",", row(i)) + "\n");
            }
        }

        private void writeXlsx(Path file, int rows) throws IOException {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                Workbook workbook = new Workbook(out, "huzhu-bench", "1.0");
                Worksheet sheet = workbook.newWorksheet("花名册");
                for (int c = 0; c < RosterTemplate.HEADERS.size(); c++) sheet.value(0, c, RosterTemplate.HEADERS.get(c));
                for (int i = 0; i < rows; i++) {
                    String[] v = row(i);
                    int r = i + 1;
                    for (int c = 0; c < 5; c++) sheet.value(r, c, v[c]);
                    sheet.value(r, 5, Integer.parseInt(v[5]));
                    sheet.value(r, 6, LocalDate.parse(v[6]));
                    sheet.style(r, 6).format("yyyy-mm-dd").set();
                    if (r % 10_000 == 0) sheet.flush();
                }
                workbook.finish();
            }
        }
    }

    /** Plain COPY of the rows the import wrote into scratch copies of the same tables: the raw reference. */
    static final class Baseline {
        private final DataSource dataSource;
        private final JdbcClient jdbc;
        private final Probe probe;
        private final Path memberFile;
        private final Path enrolmentFile;
        private final long importId;
        private final long unitId;
        double memberSeconds;
        double enrolmentSeconds;

        Baseline(DataSource dataSource, JdbcClient jdbc, Path dir, long importId, long unitId, Probe probe) {
            this.probe = probe;
            this.dataSource = dataSource;
            this.jdbc = jdbc;
            this.memberFile = dir.resolve("member.copy");
            this.enrolmentFile = dir.resolve("enrolment.copy");
            this.importId = importId;
            this.unitId = unitId;
        }

        /** Seconds for COPY FROM STDIN of both tables. */
        double run() throws SQLException, IOException {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                export(copy, "select * from membership.member where unit_id = " + unitId + " order by id", memberFile);
                export(copy, "select * from membership.enrolment where roster_import_id = " + importId + " order by id", enrolmentFile);
                try (Statement s = c.createStatement()) {
                    s.execute("drop schema if exists bench_scratch cascade");
                    s.execute("create schema bench_scratch");
                    s.execute("create table bench_scratch.member (like membership.member including all)");
                    s.execute("create table bench_scratch.enrolment (like membership.enrolment including all)");
                    s.execute("alter table bench_scratch.enrolment add foreign key (member_id) references bench_scratch.member (id)");
                    s.execute("checkpoint");
                }
                progress("COPY baseline (load %s) …", load());
                probe.mark("copy member");
                memberSeconds = copyIn(copy, "bench_scratch.member", memberFile);
                probe.mark("copy enrolment");
                enrolmentSeconds = copyIn(copy, "bench_scratch.enrolment", enrolmentFile);
                probe.mark("copy end");
                long copied = jdbc.sql("select (select count(*) from bench_scratch.member) + (select count(*) from bench_scratch.enrolment)")
                        .query(Long.class).single();
                try (Statement s = c.createStatement()) {
                    s.execute("drop schema bench_scratch cascade");
                }
                progress("COPY baseline: %,d rows in both tables", copied);
            } finally {
                Files.deleteIfExists(memberFile);
                Files.deleteIfExists(enrolmentFile);
            }
            return memberSeconds + enrolmentSeconds;
        }

        static void export(CopyManager copy, String query, Path file) throws SQLException, IOException {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                copy.copyOut("COPY (" + query + ") TO STDOUT", out);
            }
        }

        static double copyIn(CopyManager copy, String table, Path file) throws SQLException, IOException {
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                copy.copyIn("COPY " + table + " FROM STDIN", in, 1 << 16);
            }
            return seconds(start);
        }
    }

    /**
     * Where the import's time goes: a watcher polls the import's phase (prepare → VALIDATING →
     * ENROLLING) and marks, at each change, wall time and CPU time of the import thread, the JIT
     * compilers, the garbage collector's threads, the rest of the JVM and PostgreSQL (its processes),
     * read from /proc (Linux; elsewhere those columns show n/a).
     */
    static final class Probe {
        private record Mark(long wall, long importCpu, long jvmCpu, long jitCpu, long gcCpu, long pgCpu) {
        }

        private final JdbcClient jdbc;
        private final Path pgData;
        private final Thread importThread = Thread.currentThread();
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final Map<String, Mark> marks = new LinkedHashMap<>();

        Probe(JdbcClient jdbc, Path pgData) {
            this.jdbc = jdbc;
            this.pgData = pgData;
        }

        synchronized void mark(String name) {
            if (marks.containsKey(name)) return;
            long[] jitAndGc = jitAndGcNanos();
            marks.put(name, new Mark(System.nanoTime(), threads.getThreadCpuTime(importThread.threadId()),
                    os.getProcessCpuTime(), jitAndGc[0], jitAndGc[1], postgresCpuNanos()));
        }

        /** Watches the phase column of the newest import until closed. */
        Watch watch() {
            Watch w = new Watch();
            w.start();
            return w;
        }

        final class Watch extends Thread implements AutoCloseable {
            private volatile boolean done;

            Watch() {
                super("bench-phase-watch");
                setDaemon(true);
            }

            @Override
            public void run() {
                while (!done) {
                    jdbc.sql("select phase from membership.roster_import order by id desc limit 1").query(String.class).optional()
                            .ifPresent(phase -> mark(phase));
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }

            @Override
            public void close() throws InterruptedException {
                done = true;
                join();
            }
        }

        void print(int rows) {
            System.out.println("                                   CPU s: import                    other");
            System.out.println("phase                     wall s   thread     JIT   GC thr.    JVM   PostgreSQL    rows/s");
            segment("prepare (copy, sha256)", "start", "VALIDATING", 0);
            segment("validation pass", "VALIDATING", "ENROLLING", rows);
            segment("enrol pass", "ENROLLING", "end", rows);
            segment("whole import", "start", "end", rows);
            segment("COPY member", "copy member", "copy enrolment", rows);
            segment("COPY enrolment", "copy enrolment", "copy end", rows);
            segment("COPY both (baseline)", "copy member", "copy end", rows);
        }

        private void segment(String label, String from, String to, int rows) {
            Mark a = marks.get(from);
            Mark b = marks.get(to);
            if (a == null || b == null) {
                System.out.printf("%-24s (phase not observed)%n", label);
                return;
            }
            double wall = (b.wall - a.wall) / 1e9;
            long jit = b.jitCpu - a.jitCpu;
            long gc = b.gcCpu - a.gcCpu;
            boolean proc = a.jitCpu >= 0 && b.jitCpu >= 0;
            long other = Math.max(0, b.jvmCpu - a.jvmCpu - (b.importCpu - a.importCpu) - (proc ? jit + gc : 0));
            System.out.printf(Locale.ROOT, "%-24s %7.2f  %7.2f %7s %9s %6.2f %12s %9s%n", label, wall,
                    (b.importCpu - a.importCpu) / 1e9, proc ? s(jit) : "n/a", proc ? s(gc) : "n/a", other / 1e9,
                    a.pgCpu < 0 || b.pgCpu < 0 ? "n/a" : s(b.pgCpu - a.pgCpu),
                    rows == 0 ? "" : String.format(Locale.ROOT, "%,.0f", rows / wall));
        }

        private static String s(long nanos) {
            return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
        }

        /** CPU of this JVM's JIT compiler threads and of its garbage collector's threads; -1 where /proc is missing. */
        private static long[] jitAndGcNanos() {
            long[] ticks = new long[2];
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    String comm = readOrEmpty(task.resolve("comm")).strip();
                    int group = comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? 0
                            : comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? 1 : -1;
                    if (group >= 0) ticks[group] += ticks(task.resolve("stat"), false);
                }
                return new long[] {ticks[0] * 10_000_000L, ticks[1] * 10_000_000L};
            } catch (IOException | RuntimeException e) {
                return new long[] {-1, -1};
            }
        }

        private static String readOrEmpty(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                return "";
            }
        }

        /** CPU of the embedded postmaster, its live children and the children it reaped; -1 where /proc is missing. */
        private long postgresCpuNanos() {
            try {
                long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).getFirst().trim());
                ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
                long ticks = ticks(stat(pid), true);
                for (ProcessHandle child : postmaster.descendants().toList()) ticks += ticks(stat(child.pid()), false);
                return ticks * 10_000_000L;                      // USER_HZ = 100 on Linux
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        private static Path stat(long pid) {
            return Path.of("/proc", Long.toString(pid), "stat");
        }

        /** utime + stime (and optionally the reaped children's) of a /proc stat file, in clock ticks (USER_HZ = 100). */
        private static long ticks(Path statFile, boolean withReapedChildren) {
            try {
                String stat = Files.readString(statFile);
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                return withReapedChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
            } catch (IOException e) {
                return 0;                                          // the process ended meanwhile
            }
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static double number(String load) {
        try {
            return Double.parseDouble(load);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench import] " + format + "%n", args);
    }
}
