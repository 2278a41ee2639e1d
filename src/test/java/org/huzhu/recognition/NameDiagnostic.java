package org.huzhu.recognition;

import java.util.List;

/**
 * Diagnostic (not a test): for each image named, the lines read ({@code -Dlines=true} the boxes, {@code -DtextLines=true}
 * the lines), the first values, the values no label was read before, and every second look ({@code -Dscales=true}: each
 * look at a label at four more scales), and the words read along the seal's arc.
 */
public final class NameDiagnostic {
    public static void main(String[] args) throws Exception {
        WatchedLines.eachPage(args, (file, page, nanos) -> {
            System.out.println("=== " + file + " page read " + nanos / 1_000_000 + " ms");
            if (Boolean.getBoolean("lines")) {
                for (TextBox b : page.text().boxes()) System.out.printf("  box %6.0f %6.0f %5.0f %4.0f %.2f %s%n", b.x(), b.y(), b.width(), b.height(), b.confidence(), b.text());
            }
            if (Boolean.getBoolean("textLines")) {
                for (TextLine l : TextLine.of(page.text())) System.out.printf("  line %6.0f %6.0f %s%n", l.left(0), l.top(), l.text());
            }
            ReceiptReading first = ReceiptExtractor.extract(List.of(page.text()));
            first.fields().forEach((f, v) -> System.out.println("  first " + f + " = " + v.text() + " (" + String.format("%.2f", v.confidence()) + ")"));
            System.out.println("  slots " + first.slots().keySet() + " labelled " + first.labelled());
            first.unlabelled().forEach(u -> System.out.println("  unlabelled " + u));
            LineReader spy = new WatchedLines(page.lines(), (kind, x, y, w, h, s, a, look) -> {
                if (kind.equals("label look") && Boolean.getBoolean("scales")) {
                    for (double other : new double[] {1.0, 1.5, 2.5, 3.0}) shown(kind, page.lines().readLabel(x, y, w, h, other), x, y, w, h, other, a);
                }
                return shown(kind, look.get(), x, y, w, h, s, a);
            });
            page.lines().readSealWords().forEach(words -> System.out.println("  seal words " + words));
            long t2 = System.nanoTime();
            ReceiptReading second = SecondReads.apply(first, spy, HospitalList.shipped());
            System.out.println("  second looks " + (System.nanoTime() - t2) / 1_000_000 + " ms");
            second.fields().forEach((f, v) -> System.out.println("  after " + f + " = " + v.text()));
            second.warnings().forEach(w -> System.out.println("  warning " + w));
        });
    }

    private static TextBox shown(String what, TextBox b, double x, double y, double w, double h, double s, String a) {
        System.out.printf("  %s x=%.0f y=%.0f w=%.0f h=%.0f scale=%.1f alphabet=%s -> %s%n", what, x, y, w, h, s, a,
                b == null ? null : b.text() + " (" + String.format("%.2f", b.confidence()) + ")");
        return b;
    }
}
