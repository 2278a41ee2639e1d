package org.huzhu.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.huzhu.HuzhuApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point of {@code ./huzhu bench <name> [options]}: runs one benchmark and ends the output
 * with its {@code BENCH} summary lines (format in shared/contracts/bench.md). A benchmark is a
 * {@link Benchmark} registered by name in {@link #BENCHMARKS}; it reads its options from
 * {@link Options} and returns its figures, each measured against a raw baseline in the same run.
 * Progress goes to stderr, results to stdout. Unknown benchmarks or options exit with status 2.
 */
public final class Bench {

    /**
     * One benchmark: reads its options, measures, and returns its figures, which are printed last.
     * A benchmark that prints its own BENCH line (the JMH ones) returns none.
     */
    /**
     * Finance's second person confirms the declared payments of a roster import set up before the measurement: rows paid
     * more than a week back wait for that confirmation (payment truth) before their cover starts.
     */
    static void confirmDeclaredPayments(ConfigurableApplicationContext app, long importId) {
        app.getBean(org.huzhu.contributions.Contributions.class).confirmDeclarationsOfBatch(
                org.huzhu.contributions.Contributions.BatchKind.ROSTER_IMPORT, importId,
                new org.huzhu.shared.scope.CurrentUser(0, "bench-finance", org.huzhu.shared.scope.Role.FINANCE, "/", null, null, null));
    }

    interface Benchmark {
        List<Figure> run(Options options) throws Exception;
    }

    private record Entry(String summary, String options, Supplier<Benchmark> factory) {
    }

    private static final Map<String, Entry> BENCHMARKS = new LinkedHashMap<>();

    static {
        BENCHMARKS.put("import", new Entry("roster import end to end against PostgreSQL COPY of the same rows",
                "[--rows N (1000000)] [--format csv|xlsx] [--chunk N (5000)]", ImportBenchmark::new));
        BENCHMARKS.put("engine", new Entry("benefit engine calculations/s (JMH) against bare BigDecimal arithmetic",
                "[quick]", () -> options -> {
                    EngineBenchmark.run(options.raw().toArray(String[]::new));
                    return List.of();
                }));
        BENCHMARKS.put("claims", new Entry("claims filed, documented, judged and auto-approved through the service layer against plain JDBC doing the same writes",
                "[--claims N (100000)] [--threads T (4)] [--members M]", () -> options -> {
                    ClaimsBenchmark.run(options.raw().toArray(String[]::new));
                    return List.of();
                }));
        BENCHMARKS.put("payouts", new Entry("N approved claims paid end to end: batches, maker-checker release, pain.001 to the simulated bank, "
                + "pain.002/camt.054 applied, ledger settled; against COPY of the same payout rows", "[--payouts N (100000)]",
                PayoutsBenchmark::new));
        BENCHMARKS.put("notifications", new Entry("N campaign texts from the outbox through SMPP to the simulated SMS centre, receipts applied; "
                + "against the same jSMPP client submitting the same texts alone", "[--messages N (100000)] [--threads T (8)] [--batch B (500)] [--workers W (2)]",
                NotificationsBenchmark::new));
        BENCHMARKS.put("portal", new Entry("N workers through the member app's API over HTTP (code, sign-in, cover, claim with three photos, "
                + "claims) and the first load of /m/ under Slow 3G; against the same HTTP stack serving a static JSON file",
                "[--workers N (2000)] [--clients C (16)]", PortalBenchmark::new));
        BENCHMARKS.put("export", new Entry("the members' list exported as XLSX through the real export code against COPY … TO STDOUT of the same rows",
                "[--rows N (1000000)]", ExportBenchmark::new));
        BENCHMARKS.put("recognition", new Entry("receipt recognition per-field accuracy (PDF, OFD, image variants) and s/page against the bare tesseract command, "
                + "on the generated set 1 and the independent set 2",
                "[--set 1|2|both (both)] [--receipts N (40)] [--receipts2 N (40)] [--threads T (processors)] [--seed S (2026)] [--sequential N (8)] "
                        + "[--only PDF,CLEAN,SCAN,FAX,…] [--bare on|off]",
                RecognitionBenchmark::new));
        BENCHMARKS.put("reporting", new Entry("the province's and a county's dashboard (p95 over R answers, read from the rollups) against the raw "
                + "GROUP BY over the base tables computing the same figures", "[--enrolments N (2000000)] [--claims M (200000)] [--requests R (1000)] "
                + "[--baseline-runs B (5)]", ReportingBenchmark::new));
    }

    private Bench() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !BENCHMARKS.containsKey(args[0])) {
            if (args.length > 0) System.err.println("unknown benchmark: " + args[0]);
            usage();
            System.exit(2);
        }
        String name = args[0];
        List<Figure> figures;
        try {
            Options options = new Options(List.of(args).subList(1, args.length));
            figures = BENCHMARKS.get(name).factory().get().run(options);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            usage();
            System.exit(2);
            return;
        } catch (Exception | AssertionError e) {
            System.err.println("bench " + name + " failed: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.flush();
        for (Figure figure : figures) System.out.println(figure.line());
        System.out.flush();
        System.exit(0);
    }

    private static void usage() {
        System.err.println("usage: ./huzhu bench <name> [options]   (heap: HUZHU_BENCH_OPTS, default -Xmx512m)");
        BENCHMARKS.forEach((name, e) -> System.err.printf("  %-12s %s%n  %-12s   %s%n", name, e.summary(), "", e.options()));
    }

    /** A wrong command line: the message is printed with the usage, and the exit status is 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /**
     * One result. {@code ratio} is value / baseline for rates and baseline / value for times,
     * so that higher is always better; {@code extras} follow as key=value pairs.
     */
    record Figure(String name, double value, String unit, double baseline, boolean isTime, Map<String, String> extras) {

        static Figure rate(String name, double value, String unit, double baseline, Map<String, String> extras) {
            return new Figure(name, value, unit, baseline, false, extras);
        }

        double ratio() {
            return isTime ? baseline / value : value / baseline;
        }

        String line() {
            StringBuilder b = new StringBuilder("BENCH name=").append(name).append(" value=").append(number(value))
                    .append(" unit=").append(unit).append(" baseline=").append(number(baseline))
                    .append(" ratio=").append(String.format(Locale.ROOT, "%.2f", ratio()));
            extras.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
            return b.toString();
        }

        private static String number(double v) {
            return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3f", v);
        }
    }

    /**
     * The arguments after the benchmark's name: {@code --key value} or {@code --key=value}, and
     * every option given must be read, else it is a usage error. A benchmark with its own argument
     * syntax (a JMH runner) takes them {@link #raw() as they are} instead.
     */
    static final class Options {
        private final List<String> args;
        private final List<String> read = new ArrayList<>();
        private Map<String, String> values;

        Options(List<String> args) {
            this.args = List.copyOf(args);
        }

        List<String> raw() {
            return args;
        }

        private Map<String, String> values() {
            if (values != null) return values;
            values = new LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (!a.startsWith("--") || a.length() < 3) throw new UsageException("unexpected argument: " + a);
                int eq = a.indexOf('=');
                if (eq > 0) {
                    values.put(a.substring(2, eq), a.substring(eq + 1));
                } else if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    values.put(a.substring(2), "true");   // a switch: --renewal
                } else {
                    values.put(a.substring(2), args.get(++i));
                }
            }
            return values;
        }

        int positiveInt(String name, int fallback) {
            read.add(name);
            String v = values().get(name);
            if (v == null) return fallback;
            try {
                int n = Integer.parseInt(v.replace("_", "").replace(",", ""));
                if (n < 1) throw new NumberFormatException();
                return n;
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a positive whole number, not " + v);
            }
        }

        /** A switch given as {@code --name} (or {@code --name=true}). */
        boolean flag(String name) {
            read.add(name);
            String v = values().get(name);
            if (v == null || v.equals("false")) return false;
            if (v.equals("true")) return true;
            throw new UsageException("--" + name + " takes no value");
        }

        String choice(String name, String fallback, String... allowed) {
            read.add(name);
            String v = values().getOrDefault(name, fallback);
            if (!List.of(allowed).contains(v)) throw new UsageException("--" + name + " must be one of " + String.join("|", allowed) + ", not " + v);
            return v;
        }

        /** Call after reading every option the benchmark knows. */
        void rejectUnknown() {
            for (String name : values().keySet()) {
                if (!read.contains(name)) throw new UsageException("unknown option --" + name);
            }
        }
    }

    /** The maximum heap as the JVM sees it, e.g. {@code 512m}. */
    static String heap() {
        return (Runtime.getRuntime().maxMemory() + (1 << 19)) / (1 << 20) + "m";
    }

    /** The -Xmx flag the JVM was started with, or "(JVM default)". */
    static String xmxFlag() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-Xmx"))
                .reduce((a, b) -> b).orElse("(JVM default)");
    }

    /**
     * Starts the real application (no demo data, no web server) on a fresh embedded PostgreSQL
     * under {@code dataDir}, with fixed test keys for personal data and quiet logging.
     * {@code properties} are extra {@code key=value} settings that win over application.yaml.
     * The context stays a servlet context because the security configuration needs one, but
     * {@code server.port=-1} keeps the embedded web server from starting.
     */
    static ConfigurableApplicationContext startApplication(Path dataDir, String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.main.web-application-type=servlet",
                "--server.port=-1",
                "--spring.main.banner-mode=off",
                "--huzhu.demo.enabled=false",
                "--huzhu.reporting.refresh-every=PT24H",   // the statistics' rollups at start only: a refresh is not what is measured
                "--huzhu.database.embedded.data-dir=" + dataDir.resolve("postgres"),
                "--huzhu.database.embedded.clean-on-start=true",
                "--huzhu.database.embedded.durable=false",   // benchmarks measure Huzhu, not the disk
                "--huzhu.crypto.key=" + TEST_KEY,
                "--huzhu.crypto.hash-key=" + TEST_HASH_KEY,
                "--huzhu.crypto.generate-missing=false",
                "--springdoc.api-docs.enabled=false",
                "--springdoc.swagger-ui.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.org.huzhu=WARN"));
        for (String p : properties) {
            String key = p.substring(0, p.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith("--" + key));   // a benchmark's own setting replaces the default
            args.add("--" + p);
        }
        return new SpringApplicationBuilder(HuzhuApplication.class).web(WebApplicationType.SERVLET).logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    /** Fixed base64 keys (32 bytes each) for benchmark data only. */
    private static final String TEST_KEY = "YmVuY2gta2V5LWZvci1wZXJzb25hbC1kYXRhLTAwMDE=";
    private static final String TEST_HASH_KEY = "YmVuY2gtaGFzaC1rZXktZm9yLWlkLW51bWJlcnMtMDE=";
}
