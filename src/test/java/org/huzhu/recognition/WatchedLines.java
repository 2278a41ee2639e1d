package org.huzhu.recognition;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.huzhu.recognition.ocr.TesseractOcr;

/**
 * For the diagnostics (not a test): a page's second looks passed through a watcher that sees each look — its kind, box,
 * scale and alphabet — and makes it ({@link NameDiagnostic} prints them, {@link LookTimeProbe} times them); and the
 * images named read one after another on one engine.
 */
final class WatchedLines implements LineReader {

    /** The kinds of look, as the watcher is told them. */
    static final List<String> KINDS = List.of("look", "look with labels", "look without the seal", "label look",
            "label look with the seal", "label look without the star");

    /** Sees a look of the given kind and makes it (or not, or others besides). */
    interface Watcher {
        TextBox look(String kind, double x, double y, double width, double height, double scale, String alphabet,
                     Supplier<TextBox> look);
    }

    /** What is done with each image read: its file, its page as read, the read's time. */
    interface PageRead {
        void read(String file, OcrPage page, long nanos) throws Exception;
    }

    private final LineReader lines;
    private final Watcher watcher;

    WatchedLines(LineReader lines, Watcher watcher) {
        this.lines = lines;
        this.watcher = watcher;
    }

    /** Each image named read on one engine of the system's Tesseract, in turn. */
    static void eachPage(String[] files, PageRead action) throws Exception {
        try (TesseractOcr ocr = new TesseractOcr("/usr/share/tesseract-ocr/5/tessdata", 1)) {
            for (String file : files) {
                BufferedImage image = ImageIO.read(Path.of(file).toFile());
                long start = System.nanoTime();
                OcrPage page = ocr.readKeeping(image, 0);
                action.read(file, page, System.nanoTime() - start);
            }
        }
    }

    @Override
    public TextBox readLine(double x, double y, double w, double h, double s, String a) {
        return watcher.look(KINDS.get(0), x, y, w, h, s, a, () -> lines.readLine(x, y, w, h, s, a));
    }

    @Override
    public TextBox readLineWithLabels(double x, double y, double w, double h, double s, String a) {
        return watcher.look(KINDS.get(1), x, y, w, h, s, a, () -> lines.readLineWithLabels(x, y, w, h, s, a));
    }

    @Override
    public TextBox readLineWithoutSeal(double x, double y, double w, double h, double s, String a) {
        return watcher.look(KINDS.get(2), x, y, w, h, s, a, () -> lines.readLineWithoutSeal(x, y, w, h, s, a));
    }

    @Override
    public TextBox readLabel(double x, double y, double w, double h, double s) {
        return watcher.look(KINDS.get(3), x, y, w, h, s, "labels", () -> lines.readLabel(x, y, w, h, s));
    }

    /** The seal's words, read as the page's reader reads them (not watched: they are no look at a box). */
    @Override
    public List<String> readSealWords() {
        return lines.readSealWords();
    }

    /** The middle dot the name's ink holds, as the page's reader finds it (not watched: it reads no text). */
    @Override
    public int middleDotAfter(double x, double y, double w, double h, int characters) {
        int after = lines.middleDotAfter(x, y, w, h, characters);
        System.out.printf("  middle dot x=%.0f y=%.0f w=%.0f h=%.0f of %d characters -> after %d%n", x, y, w, h, characters, after);
        return after;
    }

    @Override
    public TextBox readLabelWithSeal(double x, double y, double w, double h, double s) {
        return watcher.look(KINDS.get(4), x, y, w, h, s, "labels", () -> lines.readLabelWithSeal(x, y, w, h, s));
    }

    @Override
    public TextBox readLabelWithoutStar(double x, double y, double w, double h, double s) {
        return watcher.look(KINDS.get(5), x, y, w, h, s, "labels", () -> lines.readLabelWithoutStar(x, y, w, h, s));
    }
}
