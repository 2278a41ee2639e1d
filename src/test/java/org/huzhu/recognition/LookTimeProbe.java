package org.huzhu.recognition;

import java.util.List;

/**
 * Diagnostic (not a test): for the images named, one engine, where a receipt's time goes — the page's read (preparation and
 * the layers' reads) and its second looks, by kind of look ({@link WatchedLines#KINDS}), with their counts.
 */
public final class LookTimeProbe {
    public static void main(String[] args) throws Exception {
        List<String> kinds = WatchedLines.KINDS;
        long[] nanos = new long[kinds.size()];
        int[] counts = new int[kinds.size()];
        long[] page = new long[1];
        long[] after = new long[1];
        HospitalList hospitals = HospitalList.shipped();
        WatchedLines.eachPage(args, (file, read, readNanos) -> {
            page[0] += readNanos;
            LineReader timed = new WatchedLines(read.lines(), (kind, x, y, w, h, s, a, look) -> {
                long start = System.nanoTime();
                TextBox box = look.get();
                nanos[kinds.indexOf(kind)] += System.nanoTime() - start;
                counts[kinds.indexOf(kind)]++;
                return box;
            });
            long start = System.nanoTime();
            SecondReads.apply(ReceiptExtractor.extract(List.of(read.text())), timed, hospitals);
            after[0] += System.nanoTime() - start;
        });
        int n = args.length;
        System.out.printf("%d pages: page read %.3f s/page, after it %.3f s/page%n", n, page[0] / 1e9 / n, after[0] / 1e9 / n);
        for (int k = 0; k < kinds.size(); k++) {
            System.out.printf("  %-26s %5.1f per page  %.3f s/page%n", kinds.get(k), counts[k] / (double) n, nanos[k] / 1e9 / n);
        }
    }
}
