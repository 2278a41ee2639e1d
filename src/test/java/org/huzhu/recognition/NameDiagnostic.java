package org.huzhu.recognition;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.huzhu.recognition.ocr.TesseractOcr;

/**
 * Diagnostic (not a test): for each image named, the lines read ({@code -Dlines=true} the boxes, {@code -DtextLines=true}
 * the lines), the first values, the values no label was read before, and every second look ({@code -Dscales=true}: each
 * look at a label at four more scales).
 */
public final class NameDiagnostic {
    public static void main(String[] args) throws Exception {
        try (TesseractOcr ocr = new TesseractOcr("/usr/share/tesseract-ocr/5/tessdata", 1)) {
            for (String file : args) {
                BufferedImage image = ImageIO.read(Path.of(file).toFile());
                long t0 = System.nanoTime();
                OcrPage page = ocr.readKeeping(image, 0);
                long t1 = System.nanoTime();
                System.out.println("=== " + file + " page read " + (t1 - t0) / 1_000_000 + " ms");
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
                LineReader spy = new LineReader() {
                    @Override
                    public TextBox readLine(double x, double y, double w, double h, double s, String a) {
                        return shown("look", page.lines().readLine(x, y, w, h, s, a), x, y, w, h, s, a);
                    }

                    @Override
                    public TextBox readLineWithLabels(double x, double y, double w, double h, double s, String a) {
                        return shown("look with labels", page.lines().readLineWithLabels(x, y, w, h, s, a), x, y, w, h, s, a);
                    }

                    @Override
                    public TextBox readLineWithoutSeal(double x, double y, double w, double h, double s, String a) {
                        return shown("look without the seal", page.lines().readLineWithoutSeal(x, y, w, h, s, a), x, y, w, h, s, a);
                    }

                    @Override
                    public TextBox readLabelWithSeal(double x, double y, double w, double h, double s) {
                        return shown("label look with the seal", page.lines().readLabelWithSeal(x, y, w, h, s), x, y, w, h, s, "labels");
                    }

                    @Override
                    public TextBox readLabel(double x, double y, double w, double h, double s) {
                        if (Boolean.getBoolean("scales")) {
                            for (double other : new double[] {1.0, 1.5, 2.5, 3.0}) shown("label look", page.lines().readLabel(x, y, w, h, other), x, y, w, h, other, "labels");
                        }
                        return shown("label look", page.lines().readLabel(x, y, w, h, s), x, y, w, h, s, "labels");
                    }
                };
                long t2 = System.nanoTime();
                ReceiptReading second = SecondReads.apply(first, spy, HospitalList.shipped());
                System.out.println("  second looks " + (System.nanoTime() - t2) / 1_000_000 + " ms");
                second.fields().forEach((f, v) -> System.out.println("  after " + f + " = " + v.text()));
                second.warnings().forEach(w -> System.out.println("  warning " + w));
            }
        }
    }

    private static TextBox shown(String what, TextBox b, double x, double y, double w, double h, double s, String a) {
        System.out.printf("  %s x=%.0f y=%.0f w=%.0f h=%.0f scale=%.1f alphabet=%s -> %s%n", what, x, y, w, h, s, a,
                b == null ? null : b.text() + " (" + String.format("%.2f", b.confidence()) + ")");
        return b;
    }
}
