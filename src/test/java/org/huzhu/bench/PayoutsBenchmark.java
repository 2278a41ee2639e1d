package org.huzhu.bench;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.huzhu.banking.iso20022.Schemas;
import org.huzhu.banking.simulator.SimulatedBank;
import org.huzhu.ledger.ChartOfAccounts;
import org.huzhu.ledger.JournalEntry;
import org.huzhu.ledger.Ledger;
import org.huzhu.organisation.Level;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.payouts.BatchView;
import org.huzhu.payouts.Payouts;
import org.huzhu.shared.BankAccount;
import org.huzhu.shared.Money;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.database.CopyWriter;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./huzhu bench payouts}: N approved claims' payouts paid end to end. Set-up, not timed: an
 * organisation tree of three cities, N claims in PAYMENT_PENDING with their benefit booked
 * (Dr 5101 Cr 2202), and their N payout rows (encrypted accounts, REQUESTED) — all written with COPY,
 * real rows the real code then processes. Timed, through the real services: prepare batches (per city,
 * at most 5,000 each) as one finance officer → release each as another → render each batch's pain.001
 * and send it over loopback HTTP to the simulated bank (which validates it against the schema, pays,
 * and answers asynchronously) → fetch and apply its pain.002 and camt.054 → every payout settled or
 * failed, its claim PAID or PAYMENT_FAILED, the ledger booked (sent, settled, failed), every batch
 * COMPLETED. About 0.5% of the accounts end in 0004, which the bank rejects (账户已销户).
 *
 * <p>Baseline, in the same run: PostgreSQL {@code COPY} of the same N payout rows (same bytes) into a
 * scratch copy of the payout table. Figure: seconds for the round, ratio = baseline / value. Checks
 * after the round (a failed check throws before the BENCH line): every payout final, paid at the bank
 * exactly once if settled, trial balance balanced, 2203 zero, the ledger's bank account equal to the
 * bank's own balance, one pain.001 file valid against the schema and read back by Prowide.
 *
 * <p>Options: {@code --payouts N} (100000).
 */
final class PayoutsBenchmark implements Bench.Benchmark {

    private static final Path DATA = Path.of("target", "bench-data", "payouts").toAbsolutePath();
    private static final CurrentUser ADMIN = new CurrentUser(0, "bench", Role.ADMIN, "/", null, null, null);
    private static final CurrentUser MAKER = new CurrentUser(0, "bench-finance-maker", Role.FINANCE, "/", null, null, null);
    private static final CurrentUser CHECKER = new CurrentUser(0, "bench-finance-checker", Role.FINANCE, "/", null, null, null);

    @Override
    public List<Bench.Figure> run(Bench.Options options) throws Exception {
        int n = options.positiveInt("payouts", 100_000);
        options.rejectUnknown();
        progress("heap %s (%s), %d cores, load %s", Bench.heap(), Bench.xmxFlag(), Runtime.getRuntime().availableProcessors(), load());
        Files.createDirectories(DATA);
        try (ConfigurableApplicationContext app = Bench.startApplication(DATA,
                "huzhu.bank.simulator.enabled=true", "huzhu.bank.simulator.answer-delay=5ms", "huzhu.payouts.poll-interval=0",
                "huzhu.payouts.auto-send=false", "logging.level.org.huzhu.banking=WARN")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            DataSource dataSource = app.getBean(DataSource.class);
            Payouts payouts = app.getBean(Payouts.class);
            SimulatedBank bank = app.getBean(SimulatedBank.class);
            LocalDate today = LocalDate.now(app.getBean(Clock.class));

            long setUp = System.nanoTime();
            List<Row> rows = rows(app, n);
            writeClaims(dataSource, rows);
            Money total = rows.stream().map(r -> r.amount).reduce(Money.ZERO, Money::plus);
            app.getBean(Ledger.class).post(new JournalEntry("bench:approvals", "BENCH", "approvals", "基准测试：核准 " + n + " 件理赔",
                    today, null, List.of(JournalEntry.Line.debit(ChartOfAccounts.BENEFIT_EXPENSE, total),
                    JournalEntry.Line.credit(ChartOfAccounts.CLAIMS_PAYABLE, total))));
            writePayouts(dataSource, "payouts.payout", rows);
            jdbc.sql("analyze").update();
            progress("set up %,d claims and REQUESTED payouts (%s yuan) in %.1f s (not timed)", n, total, seconds(setUp));

            jdbc.sql("create schema if not exists bench_scratch").update();
            jdbc.sql("drop table if exists bench_scratch.payout").update();
            jdbc.sql("create table bench_scratch.payout (like payouts.payout including all)").update();
            long copyStart = System.nanoTime();
            writePayouts(dataSource, "bench_scratch.payout", rows);
            double copySeconds = seconds(copyStart);
            progress("baseline: COPY of the same %,d payout rows in %.2f s", n, copySeconds);

            double[] cpuBefore = cpuSeconds();
            long start = System.nanoTime();
            List<BatchView> batches = payouts.prepareBatches(MAKER);
            double prepared = seconds(start);
            for (BatchView b : batches) payouts.release(b.id(), CHECKER);
            double released = seconds(start);
            for (BatchView b : batches) {
                if (!payouts.send(b.id())) throw new AssertionError("batch " + b.id() + " not sent");
            }
            double sent = seconds(start);
            int applied = 0;
            while (jdbc.sql("select count(*) from payouts.batch where status <> 'COMPLETED'").query(Long.class).single() > 0) {
                applied += payouts.applyBankMessages();
                if (seconds(start) > 600) throw new AssertionError("the round did not finish in 10 minutes");
                Thread.sleep(5);
            }
            double round = seconds(start);
            double[] cpuAfter = cpuSeconds();
            double javaCpu = cpuAfter[0] - cpuBefore[0];
            double postgresCpu = cpuAfter[1] - cpuBefore[1];
            progress("CPU during the round: this JVM %.2f s, PostgreSQL %.2f s (load-independent, unlike the wall clock)", javaCpu, postgresCpu);
            progress("round: %d batches prepared %.2f s, released %.2f s, files sent %.2f s, bank answers applied (%,d payouts) %.2f s",
                    batches.size(), prepared, released - prepared, sent - released, applied, round - sent);

            verify(jdbc, bank, n);
            String file = app.getBean(PersonalDataCipher.class).decrypt(jdbc.sql("select file_cipher from payouts.batch order by id limit 1")
                    .query(byte[].class).single());
            Schemas.validate(Schemas.PAIN_001, file);
            int transfers = MxPain00100109.parse(file).getCstmrCdtTrfInitn().getPmtInf().getFirst().getCdtTrfTxInf().size();
            progress("one pain.001 file (%,d bytes, %,d transfers) is valid against the schema and read back by Prowide", file.length(), transfers);

            System.out.printf(Locale.ROOT, "%npayouts  %,d in %d batches: %.2f s (prepare %.2f, release %.2f, send %.2f, apply %.2f)%n", n,
                    batches.size(), round, prepared, released - prepared, sent - released, round - sent);
            System.out.printf(Locale.ROOT, "COPY     %,d payout rows: %.2f s; aim < 20 s for the round: %s%n", n, copySeconds,
                    round < 20 ? "met" : "NOT met");
            Map<String, String> extras = new LinkedHashMap<>();
            extras.put("n", Integer.toString(n));
            extras.put("batches", Integer.toString(batches.size()));
            extras.put("prepare_s", String.format(Locale.ROOT, "%.2f", prepared));
            extras.put("send_s", String.format(Locale.ROOT, "%.2f", sent - released));
            extras.put("apply_s", String.format(Locale.ROOT, "%.2f", round - sent));
            extras.put("java_cpu_s", String.format(Locale.ROOT, "%.2f", javaCpu));
            extras.put("pg_cpu_s", String.format(Locale.ROOT, "%.2f", postgresCpu));
            extras.put("heap", Bench.heap());
            return List.of(new Bench.Figure("payouts", round, "s", copySeconds, true, extras));
        }
    }

    private record Row(long claimId, String reference, String payee, String bankName, byte[] accountCipher, String masked, Money amount,
                       String orgPath, long cityId) {
    }

    /** Three cities with a county each; N payouts spread over them, about 0.5% to accounts the bank has closed. */
    private static List<Row> rows(ConfigurableApplicationContext app, int n) {
        Organisations organisations = app.getBean(Organisations.class);
        PersonalDataCipher cipher = app.getBean(PersonalDataCipher.class);
        OrgNode province = organisations.createNode("湖北省总工会", Level.PROVINCE, null, "42");
        List<OrgNode> counties = new ArrayList<>();
        String[][] places = {{"武汉市总工会", "4201", "江岸区总工会", "420102"}, {"荆门市总工会", "4208", "东宝区总工会", "420802"},
                {"恩施州总工会", "4228", "恩施市总工会", "422801"}};
        for (String[] p : places) {
            OrgNode city = organisations.createNode(p[0], Level.CITY, province, p[1]);
            counties.add(organisations.createNode(p[2], Level.COUNTY, city, p[3]));
        }
        long firstClaim = 1;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
        String given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超华";
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            OrgNode county = counties.get(i % counties.size());
            long claim = firstClaim + i;
            String account = i % 200 == 199 ? "95588012" + String.format("%04d", i % 10_000) + "0004" : card(random);
            BankAccount bankAccount = new BankAccount("中国工商银行", account);
            String name = "" + surnames.charAt(random.nextInt(surnames.length())) + given.charAt(random.nextInt(given.length()))
                    + given.charAt(random.nextInt(given.length()));
            Money amount = new Money(BigDecimal.valueOf(20_000 + random.nextInt(2_000_000), 2));
            rows.add(new Row(claim, "HZ-" + claim + "-1", name, "中国工商银行" + county.name().replace("总工会", "") + "支行",
                    cipher.encrypt(bankAccount.number()), bankAccount.masked(), amount, county.path() + "u1/",
                    Long.parseLong(county.path().split("/")[2])));
        }
        return rows;
    }

    private static void writeClaims(DataSource dataSource, List<Row> rows) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            CopyWriter copy = CopyWriter.open(c, """
                    copy claims.claim (id, member_id, org_path, kind, incident_date, status, approved_total, computed_total, submitted_on,
                        materials_complete_on, filed_by) from stdin""");
            LocalDate day = LocalDate.now().minusDays(3);
            for (Row r : rows) {
                copy.number(r.claimId).number(r.claimId).text(r.orgPath).text("ILLNESS").date(day.minusDays(20)).text("PAYMENT_PENDING")
                        .decimal(r.amount.amount()).decimal(r.amount.amount()).date(day).date(day).text("bench");
                copy.endRow();
            }
            copy.finish();
            c.createStatement().execute("select setval(pg_get_serial_sequence('claims.claim', 'id'), (select max(id) from claims.claim))");
            c.commit();
        }
    }

    private static void writePayouts(DataSource dataSource, String table, List<Row> rows) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            CopyWriter copy = CopyWriter.open(c, "copy " + table + """
                     (reference, source, live_source, payee_name, bank_name, account_cipher, account_masked, amount, org_path, city_org_id, status)
                    from stdin""");
            for (Row r : rows) {
                copy.text(r.reference).text("CLAIM:" + r.claimId).text("CLAIM:" + r.claimId).text(r.payee).text(r.bankName).bytes(r.accountCipher).text(r.masked)
                        .decimal(r.amount.amount()).text(r.orgPath).number(r.cityId).text("REQUESTED");
                copy.endRow();
            }
            copy.finish();
            c.commit();
        }
    }

    private static void verify(JdbcClient jdbc, SimulatedBank bank, int n) {
        long settled = jdbc.sql("select count(*) from payouts.payout where status = 'SETTLED'").query(Long.class).single();
        long failed = jdbc.sql("select count(*) from payouts.payout where status = 'FAILED'").query(Long.class).single();
        if (settled + failed != n) throw new AssertionError(settled + " settled + " + failed + " failed ≠ " + n);
        Map<String, Integer> paid = bank.payments();
        if (paid.size() != settled || paid.values().stream().anyMatch(v -> v != 1)) {
            throw new AssertionError("the bank paid " + paid.size() + " references for " + settled + " settled payouts");
        }
        long claimsPaid = jdbc.sql("select count(*) from claims.claim where status = 'PAID'").query(Long.class).single();
        long claimsFailed = jdbc.sql("select count(*) from claims.claim where status = 'PAYMENT_FAILED'").query(Long.class).single();
        if (claimsPaid != settled || claimsFailed != failed) throw new AssertionError(claimsPaid + " claims PAID, " + claimsFailed + " failed");
        BigDecimal unbalanced = jdbc.sql("select sum(debit) - sum(credit) from ledger.posting").query(BigDecimal.class).single();
        BigDecimal inTransit = jdbc.sql("select coalesce(sum(debit - credit), 0) from ledger.posting where account_code = '2203'")
                .query(BigDecimal.class).single();
        BigDecimal bankInLedger = jdbc.sql("select coalesce(sum(debit - credit), 0) from ledger.posting where account_code = '1002'")
                .query(BigDecimal.class).single();
        if (unbalanced.signum() != 0 || inTransit.signum() != 0 || bankInLedger.compareTo(bank.balance().amount()) != 0) {
            throw new AssertionError("books: unbalanced " + unbalanced + ", 2203 " + inTransit + ", 1002 " + bankInLedger + " vs bank "
                    + bank.balance());
        }
        progress("verified: %,d settled (each paid once at the bank), %,d failed, claims follow, trial balance balanced, 2203 = 0, "
                + "1002 = bank balance %s", settled, failed, bank.balance());
    }

    private static String card(ThreadLocalRandom random) {
        while (true) {
            String body = "622202" + String.format("%012d", random.nextLong(1_000_000_000_000L));
            for (int d = 0; d <= 9; d++) {
                String number = body + d;
                if (BankAccount.luhnValid(number) && !number.endsWith("0004") && !number.endsWith("0013")) return number;
            }
        }
    }

    /**
     * CPU seconds used so far by this JVM and by the embedded PostgreSQL (postmaster and its backends,
     * from /proc; 0 where /proc is not there): a figure that another process's load does not inflate.
     */
    private static double[] cpuSeconds() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        double postgres = 0;
        try {
            long postmaster = -1;
            try (var pids = Files.list(Path.of("/proc"))) {
                for (Path proc : pids.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String[] f = stat(proc);
                    if (f == null) continue;
                    String cmd = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains(DATA.resolve("postgres").toString()) && cmd.contains("postgres")) postmaster = Long.parseLong(f[0]);
                }
                if (postmaster < 0) return new double[] {jvm, 0};
            }
            try (var pids = Files.list(Path.of("/proc"))) {
                for (Path proc : pids.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String[] f = stat(proc);
                    if (f == null) continue;
                    long pid = Long.parseLong(f[0]);
                    long parent = Long.parseLong(f[3]);
                    if (pid == postmaster || parent == postmaster) postgres += (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
                    // backends that ended are counted in the postmaster's children's time
                    if (pid == postmaster) postgres += (Long.parseLong(f[15]) + Long.parseLong(f[16])) / 100.0;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return new double[] {jvm, 0};
        }
        return new double[] {jvm, postgres};
    }

    /** The fields of /proc/PID/stat with the command (which may hold spaces) taken out; null if the process is gone. */
    private static String[] stat(Path proc) {
        try {
            String line = Files.readString(proc.resolve("stat"));
            int close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).split(" ");
            String[] out = new String[rest.length + 2];
            out[0] = line.substring(0, line.indexOf(' '));
            out[1] = "comm";
            System.arraycopy(rest, 0, out, 2, rest.length);
            return out;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench payouts] " + format + "%n", args);
    }
}
