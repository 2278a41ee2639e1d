package org.huzhu.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The second receipt set's part of {@code ./huzhu bench recognition}: its table per kind of file,
 * the fields not read right per variant, the fields that fail most over all images, the accuracy
 * and document-type share per arrangement, and one BENCH line {@code recognition_set2} (s/page
 * of its images against the bare tesseract command, accuracy per variant, document type).
 */
final class SecondSetReport {

    private SecondSetReport() {
    }

    static List<Bench.Figure> report(Map<String, RecognitionBenchmark.Row> rows, int documents, int threads) {
        System.out.println();
        System.out.println("set 2 (independent generator, never used to tune):");
        System.out.printf(Locale.ROOT, "%-8s %6s %7s %7s %8s %6s %9s %9s %9s %9s%n", "file", "pages", "fields", "right", "missing",
                "WRONG", "accuracy", "s/page", "bare", "type");
        rows.forEach((kind, r) -> System.out.printf(Locale.ROOT, "%-8s %6d %7d %7d %8d %6d %9.3f %9.3f %9s %6d/%d%n", kind, r.pages,
                r.fields, r.right, r.missing, r.wrong, r.accuracy(), r.perPage(),
                Double.isNaN(r.bareSeconds) ? "-" : String.format(Locale.ROOT, "%.3f", r.barePerPage()), r.typeRight, r.pages));
        System.out.println();
        System.out.println("set 2 fields not read right (missing/WRONG) per variant:");
        rows.forEach((kind, r) -> {
            StringBuilder b = new StringBuilder();
            r.byField.forEach((field, c) -> {
                if (c[1] + c[2] > 0) b.append(' ').append(field).append('=').append(c[1]).append('/').append(c[2]);
            });
            if (!b.isEmpty()) System.out.printf("  %-8s%s%n", kind, b);
        });
        Map<String, int[]> fields = new TreeMap<>();
        Map<String, Map<String, int[]>> arrangements = new TreeMap<>();
        for (Map.Entry<String, RecognitionBenchmark.Row> e : rows.entrySet()) {
            e.getValue().byField.forEach((field, c) -> add(fields.computeIfAbsent(field, f -> new int[3]), c));
            e.getValue().byArrangement.forEach((a, c) -> arrangements.computeIfAbsent(a, k -> new LinkedHashMap<>()).put(e.getKey(), c));
        }
        System.out.println();
        System.out.println("set 2 fields that fail most, all kinds of file (missing/WRONG of read):");
        fields.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -(e.getValue()[1] + e.getValue()[2])))
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-20s %4d/%-4d of %d%n", e.getKey(), e.getValue()[1], e.getValue()[2],
                        e.getValue()[0] + e.getValue()[1] + e.getValue()[2]));
        System.out.println();
        System.out.println("set 2 per arrangement and kind of file: documents, type right, accuracy, missing/WRONG:");
        arrangements.forEach((a, byKind) -> byKind.forEach((kind, c) -> System.out.printf(Locale.ROOT,
                "  %-16s %-6s %3d docs, type %3d, accuracy %.3f, %d/%d%n", a, kind, c[0], c[1], c[2] == 0 ? 0 : (double) c[3] / c[2], c[4], c[5])));
        return List.of(figure(rows, documents, threads));
    }

    private static void add(int[] to, int[] from) {
        for (int i = 0; i < to.length; i++) to[i] += from[i];
    }

    private static Bench.Figure figure(Map<String, RecognitionBenchmark.Row> rows, int documents, int threads) {
        Map<String, String> extras = new LinkedHashMap<>();
        rows.forEach((kind, r) -> extras.put("accuracy_" + kind.toLowerCase(Locale.ROOT), String.format(Locale.ROOT, "%.3f", r.accuracy())));
        RecognitionBenchmark.Totals t = RecognitionBenchmark.Totals.of(rows);
        extras.put("accuracy_images", String.format(Locale.ROOT, "%.3f", t.accuracy()));
        extras.put("wrong_images", String.valueOf(t.wrong));
        extras.put("document_type", String.format(Locale.ROOT, "%.3f", t.pages == 0 ? 0 : (double) t.typeRight / t.pages));
        if (t.barePages > 0) extras.put("cpu_ratio", String.format(Locale.ROOT, "%.2f", t.bareCpu / t.oursCpu));
        extras.put("threads", String.valueOf(threads));
        extras.put("n", String.valueOf(documents));
        double value = t.barePages > 0 ? t.ours / t.barePages : t.imagePages == 0 ? Double.NaN : t.imageSeconds / t.imagePages;
        double baseline = t.barePages > 0 ? t.bare / t.barePages : Double.NaN;
        return new Bench.Figure("recognition_set2", value, "s/page", baseline, true, extras);
    }
}
