package org.huzhu.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huzhu.recognition.Recognition;
import org.huzhu.recognition.Recognitions;
import org.huzhu.recognition.secondset.SecondSet;
import org.huzhu.recognition.specimen.SpecimenWriter;
import org.huzhu.recognition.specimen.Variants.Variant;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./huzhu bench recognition}: generated receipts (test-side SpecimenWriter: PDF, OFD and
 * every image variant, with their truth) read by the real {@link Recognitions} — only the
 * recognition module's beans, no database — field by field against the truth, and the time per
 * page of images against the bare {@code tesseract IMAGE stdout -l chi_sim --psm 3} command with
 * {@code OMP_THREAD_LIMIT=1} on the same files, run with the same parallelism (and, for scale,
 * one at a time on a few). A field is right when it equals the truth exactly; a missing field
 * counts as wrong, and a field present with a wrong value — the dangerous kind — is counted apart.
 * The set is kept in target/tmp/bench-recognition and reused when the count and seed match.
 * The second, independent set ({@link SecondSet}: other arrangements, fonts, inks and stamps; PDF,
 * OFD, CLEAN, SCAN, PHONE, FAX) is read the same way beside it ({@code --set 1|2|both}), kept in
 * target/tmp/bench-recognition-set2, and reported per variant, per field and per arrangement with
 * its own BENCH line ({@code recognition_set2}); it is never used to tune the reader.
 */
final class RecognitionBenchmark implements Bench.Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** -Dbench.details=true lists every WRONG and missing value, and the warnings given with them, on stderr. */
    private static final boolean DETAILS = Boolean.getBoolean("bench.details");
    private static final Set<String> BEANS = Set.of("Recognitions", "OcrPool", "TesseractOcr", "HospitalList");

    @Override
    public List<Bench.Figure> run(Bench.Options options) throws Exception {
        int receipts = options.positiveInt("receipts", 40);
        int receipts2 = options.positiveInt("receipts2", 40);
        int threads = options.positiveInt("threads", Runtime.getRuntime().availableProcessors());
        int seed = options.positiveInt("seed", 2026);
        int sequential = options.positiveInt("sequential", 8);
        boolean bare = options.choice("bare", "on", "on", "off").equals("on");
        String sets = options.choice("set", "both", "1", "2", "both");
        List<String> only = kinds(options);
        options.rejectUnknown();
        if (!"1".equals(System.getenv("OMP_THREAD_LIMIT"))) {
            throw new Bench.UsageException("run through ./huzhu bench recognition (OMP_THREAD_LIMIT=1 must be set for both sides)");
        }
        quietLogging();
        List<Receipt> first = List.of();
        List<Receipt> second = List.of();
        if (!sets.equals("2")) {
            Path dir = Path.of("target/tmp/bench-recognition").toAbsolutePath();
            first = specimens(dir, receipts, seed, "specimen", Variant.values()[Variant.values().length - 1].name(),
                    () -> SpecimenWriter.writeSet(dir, receipts, seed));
            say("set 1: %d receipts in %s", first.size(), dir);
        }
        if (!sets.equals("1")) {
            Path dir = Path.of("target/tmp/bench-recognition-set2").toAbsolutePath();
            second = specimens(dir, receipts2, seed, "secondset", SecondSet.KINDS.getLast(), () -> SecondSet.writeSet(dir, receipts2, seed));
            say("set 2: %d documents in %s", second.size(), dir);
        }
        String load = uptime();
        say("%d threads, load before: %s", threads, load);

        try (AnnotationConfigApplicationContext context = recognitionBeans(threads)) {
            Recognitions recognitions = context.getBean(Recognitions.class);
            ExecutorService callers = Executors.newFixedThreadPool(threads);
            try {
                warmUp(recognitions, callers, first.isEmpty() ? second : first, threads);
                List<Bench.Figure> figures = new ArrayList<>();
                if (!first.isEmpty()) {
                    List<String> kinds = new ArrayList<>(List.of("PDF", "OFD"));
                    for (Variant variant : Variant.values()) kinds.add(variant.name());
                    Map<String, Row> rows = measure(recognitions, callers, first, kinds, only, bare, threads, sequential);
                    figures.addAll(report(rows, first.size(), threads, load));
                }
                if (!second.isEmpty()) {
                    Map<String, Row> rows = measure(recognitions, callers, second, SecondSet.KINDS, only, bare, threads, sequential);
                    figures.addAll(SecondSetReport.report(rows, second.size(), threads));
                }
                return figures;
            } finally {
                callers.shutdownNow();
            }
        }
    }

    /** Every kind of file of one set, ours and (for images) the bare command's. */
    private static Map<String, Row> measure(Recognitions recognitions, ExecutorService callers, List<Receipt> set, List<String> kinds,
                                            List<String> only, boolean bare, int threads, int sequential) throws Exception {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String kind : kinds) {
            if (!only.isEmpty() && !only.contains(kind)) continue;
            boolean image = !kind.equals("PDF") && !kind.equals("OFD");
            Row row = ours(recognitions, callers, set, kind, image);
            if (image && bare) bare(row, set, kind, threads, sequential);
            rows.put(kind, row);
        }
        return rows;
    }

    /** One receipt of a set: its files by kind (PDF, OFD, CLEAN …), its truth, and (set 2) its arrangement. */
    record Receipt(String id, String documentType, Map<String, String> fields, Map<String, Path> files, String arrangement) {
    }

    /** What one kind of file gave: field counts, pages and seconds for us and for the bare command. */
    static final class Row {
        int pages;
        int fields;
        int right;
        int missing;
        int wrong;
        int typeRight;
        double seconds;
        double cpuSeconds;
        double bareSeconds = Double.NaN;
        double bareCpuSeconds = Double.NaN;
        double bareSequentialPerPage = Double.NaN;
        final Map<String, int[]> byField = new LinkedHashMap<>();
        /** Per arrangement (set 2): documents, type right, fields, right, missing, wrong. */
        final Map<String, int[]> byArrangement = new LinkedHashMap<>();

        double accuracy() {
            return fields == 0 ? 0 : (double) right / fields;
        }

        double perPage() {
            return seconds / pages;
        }

        double barePerPage() {
            return bareSeconds / pages;
        }
    }

    /** {@code --only PDF,CLEAN,…}: the kinds of file to read (all when absent). */
    private static List<String> kinds(Bench.Options options) {
        String given = "";
        List<String> raw = options.raw();
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).startsWith("--only=")) given = raw.get(i).substring("--only=".length());
            else if (raw.get(i).equals("--only") && i + 1 < raw.size()) given = raw.get(i + 1);
        }
        options.choice("only", given, given);
        return List.of(given.toUpperCase(Locale.ROOT).split(",")).stream().filter(k -> !k.isBlank()).toList();
    }

    // ---- the set ----

    /** A set from its truth.json, written first when missing or made from another count, seed or generator. */
    private static List<Receipt> specimens(Path dir, int count, int seed, String generator, String lastKind, Runnable write) throws IOException {
        Path truthFile = dir.resolve("truth.json");
        JsonNode truth = Files.exists(truthFile) ? JSON.readTree(truthFile.toFile()) : null;
        if (truth == null || truth.get("seed").asLong() != seed || truth.get("receipts").size() != count
                || !generator.equals(truth.has("generator") ? truth.get("generator").asString() : "specimen")
                || !truth.get("receipts").get(0).get("files").has(lastKind)) {
            say("generating %d documents into %s…", count, dir);
            long started = System.nanoTime();
            write.run();
            say("generated in %.0f s", (System.nanoTime() - started) / 1e9);
            truth = JSON.readTree(truthFile.toFile());
        }
        List<Receipt> set = new ArrayList<>();
        for (JsonNode r : truth.get("receipts")) {
            Map<String, String> fields = new LinkedHashMap<>();
            r.get("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
            Map<String, Path> files = new LinkedHashMap<>();
            r.get("files").properties().forEach(e -> files.put(e.getKey(), dir.resolve(e.getValue().asString())));
            set.add(new Receipt(r.get("id").asString(), r.get("documentType").asString(), fields, files,
                    r.has("arrangement") ? r.get("arrangement").asString() : null));
        }
        return set;
    }

    // ---- ours ----

    /** Only the recognition module's own beans (no database, no web server), as the application wires them. */
    private static AnnotationConfigApplicationContext recognitionBeans(int threads) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("bench",
                Map.of("huzhu.recognition.ocr-threads", String.valueOf(threads))));
        ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, false);
        scanner.addIncludeFilter((reader, factory) -> {
            String name = reader.getClassMetadata().getClassName();
            return BEANS.contains(name.substring(name.lastIndexOf('.') + 1));
        });
        scanner.scan("org.huzhu.recognition");
        context.refresh();
        return context;
    }

    /** Loads every worker's Tesseract before the clock runs (the bare command loads its own each time). */
    private static void warmUp(Recognitions recognitions, ExecutorService callers, List<Receipt> set, int threads) throws Exception {
        List<Future<Recognition>> warm = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Path file = set.get(i % set.size()).files().get("CLEAN");
            warm.add(callers.submit(() -> recognitions.recognise(file.getFileName().toString(), Files.readAllBytes(file))));
        }
        for (Future<Recognition> f : warm) f.get();
    }

    private static Row ours(Recognitions recognitions, ExecutorService callers, List<Receipt> set, String kind, boolean parallel) throws Exception {
        Row row = new Row();
        List<byte[]> contents = new ArrayList<>();
        for (Receipt r : set) contents.add(Files.readAllBytes(r.files().get(kind)));
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        List<Recognition> results = new ArrayList<>();
        if (parallel) {
            List<Future<Recognition>> futures = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                String name = set.get(i).files().get(kind).getFileName().toString();
                byte[] content = contents.get(i);
                Callable<Recognition> read = () -> recognitions.recognise(name, content);
                futures.add(callers.submit(read));
            }
            for (Future<Recognition> f : futures) results.add(f.get());
        } else {
            for (int i = 0; i < set.size(); i++) results.add(recognitions.recognise(set.get(i).files().get(kind).getFileName().toString(), contents.get(i)));
        }
        row.seconds = (System.nanoTime() - started) / 1e9;
        row.cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        row.pages = set.size();
        for (int i = 0; i < set.size(); i++) score(row, kind, set.get(i), results.get(i));
        say("%-8s ours: %.3f s/page (cpu %.3f s/page), fields %d/%d right, %d missing, %d wrong", kind, row.perPage(),
                row.cpuSeconds / row.pages, row.right, row.fields, row.missing, row.wrong);
        return row;
    }

    private static void score(Row row, String kind, Receipt truth, Recognition read) {
        boolean typeRight = read.documentType().name().equals(truth.documentType());
        if (typeRight) row.typeRight++;
        else if (DETAILS) say("  %s %s: type %s (truth %s)", truth.id(), kind, read.documentType(), truth.documentType());
        int[] arrangement = row.byArrangement.computeIfAbsent(truth.arrangement() == null ? "-" : truth.arrangement(), a -> new int[6]);
        arrangement[0]++;
        if (typeRight) arrangement[1]++;
        truth.fields().forEach((field, expected) -> {
            String got = read.fields().get(field);
            int[] counts = row.byField.computeIfAbsent(field, f -> new int[3]);
            row.fields++;
            arrangement[2]++;
            if (expected.equals(got)) {
                row.right++;
                counts[0]++;
                arrangement[3]++;
            } else if (got == null) {
                row.missing++;
                counts[1]++;
                arrangement[4]++;
                if (DETAILS) say("  %s %s: missing %s (truth %s)", truth.id(), kind, field, expected);
            } else {
                row.wrong++;
                counts[2]++;
                arrangement[5]++;
                if (DETAILS) say("  %s %s: WRONG %s=%s (truth %s)", truth.id(), kind, field, got, expected);
            }
        });
        if (DETAILS && !read.warnings().isEmpty()) say("  %s %s warnings: %s", truth.id(), kind, read.warnings());
    }

    // ---- the bare command ----

    private static void bare(Row row, List<Receipt> set, String kind, int threads, int sequential) throws Exception {
        List<Path> files = set.stream().map(r -> r.files().get(kind)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<Double>> cpu = new ArrayList<>();
            for (Path file : files) cpu.add(pool.submit(() -> tesseract(file)));
            double cpuSum = 0;
            for (Future<Double> f : cpu) cpuSum += f.get();
            row.bareSeconds = (System.nanoTime() - started) / 1e9;
            row.bareCpuSeconds = cpuSum;
        } finally {
            pool.shutdownNow();
        }
        int n = Math.min(sequential, files.size());
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) tesseract(files.get(i));
        row.bareSequentialPerPage = (System.nanoTime() - started) / 1e9 / n;
        say("%-8s bare: %.3f s/page with %d at once (cpu %.3f s/page), %.3f s/page one at a time", kind, row.barePerPage(),
                threads, row.bareCpuSeconds / row.pages, row.bareSequentialPerPage);
    }

    /** Runs the bare command on one image; answers its CPU seconds (user + system) as /usr/bin/time saw them. */
    private static double tesseract(Path image) throws IOException, InterruptedException {
        Path times = Files.createTempFile("bench-tesseract", ".time");
        try {
            ProcessBuilder command = new ProcessBuilder("/usr/bin/time", "-f", "%U %S", "-o", times.toString(),
                    "tesseract", image.toString(), "stdout", "-l", "chi_sim", "--psm", "3")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            command.environment().put("OMP_THREAD_LIMIT", "1");
            int status = command.start().waitFor();
            if (status != 0) throw new IllegalStateException("tesseract exited with " + status + " on " + image);
            String[] cpu = Files.readString(times).trim().split("\\s+");
            return Double.parseDouble(cpu[cpu.length - 2]) + Double.parseDouble(cpu[cpu.length - 1]);
        } finally {
            Files.deleteIfExists(times);
        }
    }

    // ---- the report ----

    private static List<Bench.Figure> report(Map<String, Row> rows, int receipts, int threads, String loadBefore) {
        System.out.printf(Locale.ROOT, "%-8s %6s %7s %7s %8s %6s %9s %9s %9s %9s %9s%n", "file", "pages", "fields",
                "right", "missing", "WRONG", "accuracy", "s/page", "bare", "bare x1", "type");
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            System.out.printf(Locale.ROOT, "%-8s %6d %7d %7d %8d %6d %9.3f %9.3f %9s %9s %6d/%d%n", e.getKey(), r.pages,
                    r.fields, r.right, r.missing, r.wrong, r.accuracy(), r.perPage(),
                    Double.isNaN(r.bareSeconds) ? "-" : String.format(Locale.ROOT, "%.3f", r.barePerPage()),
                    Double.isNaN(r.bareSequentialPerPage) ? "-" : String.format(Locale.ROOT, "%.3f", r.bareSequentialPerPage),
                    r.typeRight, r.pages);
        }
        System.out.println();
        System.out.println("fields not read right (missing/WRONG) per variant:");
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            StringBuilder b = new StringBuilder();
            e.getValue().byField.forEach((field, c) -> {
                if (c[1] + c[2] > 0) b.append(' ').append(field).append('=').append(c[1]).append('/').append(c[2]);
            });
            if (!b.isEmpty()) System.out.printf("  %-8s%s%n", e.getKey(), b);
        }
        System.out.printf(Locale.ROOT, "%nthreads %d, load before %s, after %s%n", threads, loadBefore, uptime());

        List<Bench.Figure> figures = new ArrayList<>();
        Map<String, String> overall = new LinkedHashMap<>();
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            String key = e.getKey().toLowerCase(Locale.ROOT);
            overall.put("accuracy_" + key, String.format(Locale.ROOT, "%.3f", r.accuracy()));
            if (Double.isNaN(r.bareSeconds)) continue;
            Map<String, String> extras = new LinkedHashMap<>();
            extras.put("accuracy", String.format(Locale.ROOT, "%.3f", r.accuracy()));
            extras.put("wrong", String.valueOf(r.wrong));
            extras.put("cpu_ratio", String.format(Locale.ROOT, "%.2f", r.bareCpuSeconds / r.cpuSeconds));
            extras.put("threads", String.valueOf(threads));
            extras.put("n", String.valueOf(r.pages));
            figures.add(new Bench.Figure("recognition-" + key, r.perPage(), "s/page", r.barePerPage(), true, extras));
        }
        Totals t = Totals.of(rows);
        if (t.imagePages == 0 || t.barePages == 0) {
            System.out.printf(Locale.ROOT, "images: accuracy %.3f, %d wrong (no bare baseline measured)%n", t.accuracy(), t.wrong);
            return figures;
        }
        overall.put("accuracy_images", String.format(Locale.ROOT, "%.3f", t.accuracy()));
        overall.put("wrong_images", String.valueOf(t.wrong));
        overall.put("cpu_ratio", String.format(Locale.ROOT, "%.2f", t.bareCpu / t.oursCpu));
        overall.put("threads", String.valueOf(threads));
        overall.put("n", String.valueOf(receipts));
        figures.add(new Bench.Figure("recognition", t.ours / t.barePages, "s/page", t.bare / t.barePages, true, overall));
        return figures;
    }

    /** Sums over one set's rows: documents and types of every kind, the images' fields, ours against the bare command where it ran. */
    static final class Totals {
        int pages;
        int typeRight;
        int imagePages;
        int fields;
        int right;
        int wrong;
        double imageSeconds;
        int barePages;
        double ours;
        double bare;
        double oursCpu;
        double bareCpu;

        static Totals of(Map<String, Row> rows) {
            Totals t = new Totals();
            rows.forEach((kind, r) -> {
                t.pages += r.pages;
                t.typeRight += r.typeRight;
                if (kind.equals("PDF") || kind.equals("OFD")) return;
                t.imagePages += r.pages;
                t.fields += r.fields;
                t.right += r.right;
                t.wrong += r.wrong;
                t.imageSeconds += r.seconds;
                if (Double.isNaN(r.bareSeconds)) return;
                t.barePages += r.pages;
                t.ours += r.seconds;
                t.bare += r.bareSeconds;
                t.oursCpu += r.cpuSeconds;
                t.bareCpu += r.bareCpuSeconds;
            });
            return t;
        }

        double accuracy() {
            return fields == 0 ? 0 : (double) right / fields;
        }
    }

    /** Recognitions logs every document at INFO; the bench reads hundreds. */
    private static void quietLogging() {
        if (org.slf4j.LoggerFactory.getLogger("org.huzhu") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static void say(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench recognition] " + format + "%n", args);
    }
}
