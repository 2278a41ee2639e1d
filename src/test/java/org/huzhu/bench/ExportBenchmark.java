package org.huzhu.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.huzhu.membership.MemberExportProbe;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./huzhu bench export}: N members (inserted by SQL, not timed) exported as the members' XLSX through the real
 * endpoint code (the data-scope query streamed with a fetch size, labels, masks, neutralising, the sheet written into the zip) into a
 * discarding stream, against {@code COPY (select the same columns of the same rows) TO STDOUT} into the same kind of
 * stream. Each is run twice, alternately, and the faster pass of each counts. Figure: rows/s, ratio export / COPY.
 */
final class ExportBenchmark implements Bench.Benchmark {

    private static final Path DATA = Path.of("target", "bench-data", "export").toAbsolutePath();
    private static final CurrentUser ADMIN = new CurrentUser(0, "bench", Role.ADMIN, "/", null, null, null);

    @Override
    public List<Bench.Figure> run(Bench.Options options) throws Exception {
        int rows = options.positiveInt("rows", 1_000_000);
        options.rejectUnknown();
        Files.createDirectories(DATA);
        progress("heap %s (%s), %d cores, load %s", Bench.heap(), Bench.xmxFlag(), Runtime.getRuntime().availableProcessors(),
                ImportBenchmark.load());
        try (ConfigurableApplicationContext app = Bench.startApplication(DATA)) {
            Unit unit = ImportBenchmark.setUp(app, rows, LocalDate.now(app.getBean(Clock.class)));
            return List.of(measure(app, unit, rows, ADMIN));
        }
    }

    /**
     * Inserts {@code rows} members into the unit (not timed), then exports them as {@code user} sees them (the unit's
     * members only) beside COPY of the same rows, twice each; also run by {@code ./huzhu bench reporting}.
     */
    static Bench.Figure measure(ConfigurableApplicationContext app, Unit unit, int rows, CurrentUser user) throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        long start = System.nanoTime();
        insertMembers(jdbc, unit, rows);
        progress("inserted %,d members in %.1f s (not timed)", rows, seconds(start));

        String copy = "COPY (select id, name, gender, birth_date, id_masked, phone_masked, employment_form, "
                + "real_name_verified_at is not null, bank_name, bank_account_masked, unit_id, left_unit_on, died_on "
                + "from membership.member where org_path like '" + unit.path() + "%' order by id) TO STDOUT";
        double exportSeconds = Double.MAX_VALUE;
        double copySeconds = Double.MAX_VALUE;
        long exportBytes = 0;
        long copyBytes = 0;
        long peakHeap = 0;
        for (int pass = 1; pass <= 2; pass++) {
            Counting out = new Counting();
            long at = System.nanoTime();
            MemberExportProbe.export(app, user, out);
            double s = seconds(at);
            exportSeconds = Math.min(exportSeconds, s);
            exportBytes = out.bytes;
            peakHeap = Math.max(peakHeap, out.peakHeap);
            progress("pass %d: export %,d bytes in %.2f s (%,.0f rows/s), heap used at most %,d MB", pass, out.bytes, s, rows / s,
                    out.peakHeap >> 20);

            Counting raw = new Counting();
            at = System.nanoTime();
            try (Connection c = app.getBean(DataSource.class).getConnection()) {
                long copied = c.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, raw);
                if (copied != rows) throw new AssertionError("COPY gave " + copied + " rows, not " + rows);
            }
            s = seconds(at);
            copySeconds = Math.min(copySeconds, s);
            copyBytes = raw.bytes;
            progress("pass %d: COPY %,d bytes in %.2f s (%,.0f rows/s)", pass, raw.bytes, s, rows / s);
        }
        double exportRate = rows / exportSeconds;
        double copyRate = rows / copySeconds;
        System.out.printf(Locale.ROOT, "%nexport   %,d members as XLSX (%,d bytes) in %.2f s = %,.0f rows/s%n", rows, exportBytes,
                exportSeconds, exportRate);
        System.out.printf(Locale.ROOT, "COPY     the same columns and rows (%,d bytes) in %.2f s = %,.0f rows/s%n", copyBytes, copySeconds,
                copyRate);
        System.out.printf(Locale.ROOT, "ratio    %.2f (aim >= 0.25: %s); heap used at most %,d MB while exporting [load %s]%n",
                exportRate / copyRate, exportRate / copyRate >= 0.25 ? "met" : "NOT met", peakHeap >> 20, ImportBenchmark.load());
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("n", Integer.toString(rows));
        extras.put("heap", Bench.heap());
        extras.put("peak_heap_used", (peakHeap >> 20) + "m");
        extras.put("xlsx_bytes", Long.toString(exportBytes));
        return Bench.Figure.rate("export", exportRate, "rows/s", copyRate, extras);
    }

    /** The members of one unit, made by SQL: distinct names, masked numbers and ciphertext-sized bytes, some with a bank card. */
    private static void insertMembers(JdbcClient jdbc, Unit unit, int rows) {
        // the reporting benchmark writes members with ids of its own: the identity continues after them
        jdbc.sql("select setval(pg_get_serial_sequence('membership.member', 'id'), greatest((select max(id) from membership.member), 1))")
                .query(Long.class).single();
        int chunk = 100_000;
        for (int from = 1; from <= rows; from += chunk) {
            jdbc.sql("""
                    insert into membership.member (name, id_hash, id_cipher, id_masked, gender, birth_date, phone_cipher, phone_masked,
                                                   employment_form, real_name_verified_at, bank_name, bank_account_cipher,
                                                   bank_account_masked, unit_id, org_path)
                    select substr('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗', i % 20 + 1, 1) || substr('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰', i % 19 + 1, 1)
                               || substr('华建国志红玉梅晨阳宇浩然子涵欣怡梓轩雨泽', i % 17 + 1, 1),
                           sha256(int8send(i::bigint)), sha512(int8send(i::bigint)), '****************' || lpad((i % 100)::text, 2, '0'),
                           case when i % 2 = 0 then 'F' else 'M' end, date '1970-01-01' + (i % 15000),
                           sha256(int8send(-i::bigint)), '139****' || lpad((i % 10000)::text, 4, '0'),
                           case when i % 5 = 0 then 'NEW_FORM' else 'REGULAR' end,
                           case when i % 3 = 0 then now() end,
                           case when i % 2 = 0 then '中国工商银行' end, case when i % 2 = 0 then sha512(int8send(-i::bigint)) end,
                           case when i % 2 = 0 then '6222 **** **** ' || lpad((i % 10000)::text, 4, '0') end, :unit, :path
                      from generate_series(:from, :to) i""")
                    .param("unit", unit.id()).param("path", unit.path()).param("from", from)
                    .param("to", Math.min(rows, from + chunk - 1)).update();
        }
        jdbc.sql("analyze membership.member").update();
    }

    /** A stream that keeps nothing: counts bytes and samples the heap in use every few megabytes. */
    private static final class Counting extends OutputStream {
        long bytes;
        long peakHeap;
        private long nextSample;

        @Override
        public void write(int b) {
            count(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count(len);
        }

        private void count(int n) {
            bytes += n;
            if (bytes >= nextSample) {
                nextSample = bytes + (4 << 20);
                peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench export] " + format + "%n", args);
    }
}
