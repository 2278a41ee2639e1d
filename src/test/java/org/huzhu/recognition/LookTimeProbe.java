package org.huzhu.recognition;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.huzhu.recognition.ocr.TesseractOcr;

/**
 * Diagnostic (not a test): for the images named, one engine, where a receipt's time goes — the page's read (preparation and
 * the layers' reads) and its second looks, by kind of look, with their counts.
 */
public final class LookTimeProbe {
    private static final String[] KINDS = {"look", "look with labels", "look without the seal", "label look", "label look with the seal"};

    public static void main(String[] args) throws Exception {
        long[] nanos = new long[KINDS.length];
        int[] counts = new int[KINDS.length];
        long pageNanos = 0, restNanos = 0;
        HospitalList hospitals = HospitalList.shipped();
        try (TesseractOcr ocr = new TesseractOcr("/usr/share/tesseract-ocr/5/tessdata", 1)) {
            for (String file : args) {
                BufferedImage image = ImageIO.read(Path.of(file).toFile());
                long t0 = System.nanoTime();
                OcrPage page = ocr.readKeeping(image, 0);
                long t1 = System.nanoTime();
                pageNanos += t1 - t0;
                LineReader timed = new LineReader() {
                    private TextBox timed(int kind, java.util.function.Supplier<TextBox> look) {
                        long s = System.nanoTime();
                        TextBox box = look.get();
                        nanos[kind] += System.nanoTime() - s;
                        counts[kind]++;
                        return box;
                    }

                    @Override
                    public TextBox readLine(double x, double y, double w, double h, double s, String a) {
                        return timed(0, () -> page.lines().readLine(x, y, w, h, s, a));
                    }

                    @Override
                    public TextBox readLineWithLabels(double x, double y, double w, double h, double s, String a) {
                        return timed(1, () -> page.lines().readLineWithLabels(x, y, w, h, s, a));
                    }

                    @Override
                    public TextBox readLineWithoutSeal(double x, double y, double w, double h, double s, String a) {
                        return timed(2, () -> page.lines().readLineWithoutSeal(x, y, w, h, s, a));
                    }

                    @Override
                    public TextBox readLabel(double x, double y, double w, double h, double s) {
                        return timed(3, () -> page.lines().readLabel(x, y, w, h, s));
                    }

                    @Override
                    public TextBox readLabelWithSeal(double x, double y, double w, double h, double s) {
                        return timed(4, () -> page.lines().readLabelWithSeal(x, y, w, h, s));
                    }
                };
                long t2 = System.nanoTime();
                SecondReads.apply(ReceiptExtractor.extract(List.of(page.text())), timed, hospitals);
                restNanos += System.nanoTime() - t2;
            }
        }
        int n = args.length;
        System.out.printf("%d pages: page read %.3f s/page, after it %.3f s/page%n", n, pageNanos / 1e9 / n, restNanos / 1e9 / n);
        for (int k = 0; k < KINDS.length; k++) {
            System.out.printf("  %-26s %5.1f per page  %.3f s/page%n", KINDS[k], counts[k] / (double) n, nanos[k] / 1e9 / n);
        }
    }
}
