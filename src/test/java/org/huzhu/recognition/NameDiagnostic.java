package org.huzhu.recognition;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.huzhu.recognition.ocr.TesseractOcr;

/** Diagnostic (not a test): for each image named, the lines read, the first values of the names and every second look. */
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
                System.out.println("  slots " + first.slots().keySet());
                LineReader spy = (x, y, w, h, s, a) -> {
                    TextBox b = page.lines().readLine(x, y, w, h, s, a);
                    System.out.printf("  look x=%.0f y=%.0f w=%.0f h=%.0f scale=%.1f alphabet=%s -> %s%n", x, y, w, h, s, a,
                            b == null ? null : b.text() + " (" + String.format("%.2f", b.confidence()) + ")");
                    return b;
                };
                long t2 = System.nanoTime();
                ReceiptReading second = SecondReads.apply(first, spy, HospitalList.shipped());
                System.out.println("  second looks " + (System.nanoTime() - t2) / 1_000_000 + " ms");
                second.fields().forEach((f, v) -> System.out.println("  after " + f + " = " + v.text()));
                second.warnings().forEach(w -> System.out.println("  warning " + w));
            }
        }
    }
}
